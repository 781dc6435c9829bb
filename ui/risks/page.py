"""The risk register: table, filters, heat map, detail, and the register as at a past date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.risk import RiskStatus
from sendboard.domain.wording import counted, prose_date
from sendboard.services import risks
from sendboard.services.common.changes import Area
from sendboard.services.risks import scales as risk_scales
from sendboard.services.risks.register import heat_counts
from sendboard.services.risks.views import RiskView
from sendboard.services.stocktake import Choice
from ui.common.buttons import set_available
from ui.common.errors import show_error
from ui.common.heading import page_heading
from ui.common.page import Page
from ui.common.requirement_picker import open_picker
from ui.common.view_state import (
    ColumnMemory,
    SplitterMemory,
    fit_columns,
    remember_flag,
    store_flag,
)
from ui.context import AppContext
from ui.risks import sheets as risks_sheets
from ui.risks.as_at_picker import AsAtPicker
from ui.risks.availability import page_reasons
from ui.risks.detail import RiskDetail
from ui.risks.dialog import RiskDialog
from ui.risks.filters import RiskFilterBar
from ui.risks.heat_map import HeatMap
from ui.risks.loading import RegisterData, load_register
from ui.risks.model import RESIDUAL, TITLE, RiskFilterProxy, RiskTableModel
from ui.risks.review import ReviewDialog
from ui.risks.scales import RiskScalesDialog

#: Height of the heat map and detail band at first; the register takes the rest.
LOWER_HEIGHT = 214


class RisksPage(Page):
    areas = (Area.RISKS, Area.ACTIONS, Area.PEOPLE, Area.BOARDS, Area.MEETINGS, Area.SETTINGS)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.data: RegisterData | None = None
        self.selected_id: int | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = page_heading("Risk register")
        top.addWidget(self.heading)
        top.addStretch(1)
        self.as_at = AsAtPicker()
        self.as_at.changed.connect(self.refresh)
        top.addWidget(self.as_at)
        layout.addLayout(top)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
            ("new", "&New risk", self.new_risk),
            ("edit", "&Edit", self.edit_risk),
            ("review", "Re&view", self.review_risk),
            ("close", "Cl&ose", self.close_or_reopen),
            ("escalate", "Escalate to &parent…", self.escalate),
            ("delete", "Delete", self.delete_risk),
            ("import", "I&mport…", self.import_sheet),
            ("export", "E&xport…", self.export_register),
            ("plan", "Export mi&tigation plan…", self.export_plan),
            ("scales", "&Bands and appetite…", self.edit_scales),
        ):
            button = QPushButton(label)
            button.setObjectName(f"risk-{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            buttons.addWidget(button)
            if key == "delete":
                buttons.addStretch(1)
        layout.addLayout(buttons)
        for keys, slot in (
            ("Ctrl+N", self.new_risk),
            ("Ctrl+E", self.edit_risk),
            ("Ctrl+R", self.review_risk),
        ):
            QShortcut(QKeySequence(keys), self, slot)

        self.filters = RiskFilterBar()
        self.filters.changed.connect(self._apply_filter)
        layout.addWidget(self.filters)

        self.model = RiskTableModel()
        self.proxy = RiskFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("risk-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RESIDUAL, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(22, self.table.fontMetrics().height() + 6))
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.columns = ColumnMemory(
            self.table, "risks", fit=lambda: fit_columns(self.table, TITLE, cap=160)
        )
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_risk())
        for key, slot in (
            (Qt.Key.Key_Return, self.edit_risk),
            (Qt.Key.Key_Delete, self.delete_risk),
        ):
            shortcut = QShortcut(QKeySequence(key), self.table, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.count = QLabel()

        self.heat_map = HeatMap()
        self.heat_map.setObjectName("heat-map")
        self.heat_map.cell_chosen.connect(lambda _cell: self._apply_filter())
        self.heat_map.kind_changed.connect(self._kind_changed)
        self.detail = RiskDetail(ctx)
        # Beside the detail's tabs, as the row of buttons above the register is full.
        requirements = QPushButton("Re&quirements…")
        requirements.setObjectName("risk-requirements")
        requirements.setToolTip("The requirements of the Improvement Notice this risk answers")
        requirements.clicked.connect(self.link_requirements)
        self.buttons["requirements"] = requirements
        self.detail.tabs.setCornerWidget(requirements)

        self.panel_toggle = QPushButton()
        self.panel_toggle.setObjectName("risk-panel-toggle")
        self.panel_toggle.setFlat(True)
        self.panel_toggle.setToolTip(
            "Show or hide the heat map and the chosen risk's detail (Ctrl+M). "
            "Drag the bar above them to share the height."
        )
        self.panel_toggle.clicked.connect(lambda: self._show_panel(self.lower.isHidden()))
        QShortcut(QKeySequence("Ctrl+M"), self, self.panel_toggle.click)
        count_row = QHBoxLayout()
        count_row.setContentsMargins(0, 0, 0, 0)
        count_row.addWidget(self.count, 1)
        count_row.addWidget(self.panel_toggle)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.setSpacing(2)
        table_layout.addWidget(self.table, 1)
        table_layout.addLayout(count_row)

        # The register gets the height (15+ rows on a 1280×800 laptop); the heat map and the
        # detail share a band below it that the secretary can resize, or hide, and is remembered.
        self.lower = QSplitter(Qt.Orientation.Horizontal)
        self.lower.setObjectName("risk-lower")
        self.lower.addWidget(self.heat_map)
        self.lower.addWidget(self.detail)
        self.lower.setStretchFactor(0, 0)
        self.lower.setStretchFactor(1, 1)
        self.lower.setSizes([540, 560])
        self.lower.setChildrenCollapsible(False)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("risk-split")
        self.split.addWidget(table_box)
        self.split.addWidget(self.lower)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setCollapsible(0, False)
        self.split.setSizes([400, LOWER_HEIGHT])
        self.memories = (
            SplitterMemory(self.split, "risks"),
            SplitterMemory(self.lower, "risks-lower"),
        )
        layout.addWidget(self.split, 1)
        self._show_panel(remember_flag("risks/panel-shown", True))
        self._enable()

    def _show_panel(self, shown: bool) -> None:
        self.lower.setVisible(shown)
        self.panel_toggle.setText("Hide heat map ▾" if shown else "Show heat map ▴")
        if not shown:
            self.heat_map.clear_selection()  # no filter the secretary cannot see
        if shown != remember_flag("risks/panel-shown", True):
            store_flag("risks/panel-shown", shown)

    # Loading -------------------------------------------------------------------------------
    def as_at_day(self) -> date | None:
        return self.as_at.day()

    def refresh(self) -> None:
        as_at = self.as_at_day()
        self.ctx.tasks.run(
            lambda: load_register(self.ctx, as_at),
            on_done=self.show_register,
            on_error=lambda exc: show_error(self, exc),
        )

    def show_register(self, data: RegisterData) -> None:
        self.data = data
        as_at = self.as_at_day()
        title = "Risk register" + (f" as at {prose_date(as_at)}" if as_at else "")
        self.heading.setText(title)
        self.model.set_rows(data.views)
        self.filters.set_options(data.views, data.matrix)
        self.detail.read_only = as_at is not None
        self.detail.set_actions(data.choices.actions)
        self.as_at.fill_meetings(data.choices)
        self._apply_filter()
        self._reselect()

    def _kind_changed(self, _kind: str) -> None:
        self._apply_filter()

    def _apply_filter(self) -> None:
        base = self.filters.value()
        self.proxy.set_filter(
            replace(base, cell=self.heat_map.selected, cell_kind=self.heat_map.kind)
        )
        views = [v for v in self.model.rows() if base.accepts(v)]
        matrix = self.data.matrix if self.data else None
        self.heat_map.set_counts(heat_counts(views, self.heat_map.kind), matrix)
        shown, total = self.proxy.rowCount(), len(self.model.rows())
        flagged = sum(1 for v in views if v.not_reviewed)
        cell = self.heat_map.selected
        where = (
            f" in the {self.heat_map.kind} cell L{cell[0]}×I{cell[1]} (click it again to clear)"
            if cell
            else ""
        )
        self.count.setText(
            f"{shown} of {counted(total, 'risk')} shown{where} · ⚠ {flagged} not reviewed since "
            "their board last met · ▲ residual above the category's appetite"
        )
        self._enable()

    def _reselect(self) -> None:
        for row in range(self.proxy.rowCount()):
            view = self.proxy.view_at(row)
            if view is not None and view.id == self.selected_id:
                self.table.selectRow(row)
                self._show_detail(view)
                return
        self.detail.show_risk(None, [])
        self._enable()

    # Selection -----------------------------------------------------------------------------
    def current(self) -> RiskView | None:
        index = self.table.currentIndex()
        return self.proxy.view_at(index.row()) if index.isValid() else None

    def _row_changed(self, *_args: object) -> None:
        view = self.current()
        self.selected_id = view.id if view else None
        self._show_detail(view)

    def _show_detail(self, view: RiskView | None) -> None:
        self._enable()
        if view is None:
            self.detail.show_risk(None, [])
            return
        as_at = self.as_at_day()
        self.ctx.tasks.run(
            lambda: risks.history(self.ctx.db, view.id),
            on_done=lambda reviews: self.detail.show_risk(
                view, [r for r in reviews if as_at is None or r.reviewed_on <= as_at]
            ),
            on_error=lambda exc: show_error(self, exc),
        )

    def _enable(self) -> None:
        view = self.current()
        if view is not None:
            closed = view.status is RiskStatus.CLOSED
            self.buttons["close"].setText("Re&open" if closed else "Cl&ose")
        reasons = page_reasons(
            self.data is not None, self.as_at_day() is not None, view, bool(self.model.rows())
        )
        for key, why in reasons.items():
            set_available(self.buttons[key], not why, why)

    # Changes -------------------------------------------------------------------------------
    def new_risk(self) -> None:
        if self.data is None or self.as_at_day() is not None:
            return
        dialog = RiskDialog(self.ctx, self.data.choices, self.data.matrix, parent=self)
        if dialog.exec():
            self.selected_id = dialog.result_value.id

    def edit_risk(self) -> None:
        view = self.current()
        if self.data is None or view is None or self.as_at_day() is not None:
            return
        RiskDialog(self.ctx, self.data.choices, self.data.matrix, view, parent=self).exec()

    def review_risk(self) -> None:
        view = self.current()
        if self.data is None or view is None or not self.buttons["review"].isEnabled():
            return
        ReviewDialog(self.ctx, self.data.choices, self.data.matrix, view, parent=self).exec()

    def close_or_reopen(self) -> None:
        view = self.current()
        if view is None:
            return
        if view.status is RiskStatus.CLOSED:
            call = lambda: risks.reopen_risk(self.ctx.db, view.id)  # noqa: E731
        elif self._confirm(f"Close {view.reference}?", "It stays in the history and exports."):
            call = lambda: risks.close_risk(self.ctx.db, view.id)  # noqa: E731
        else:
            return
        self.ctx.mutate(call, on_error=lambda exc: show_error(self, exc))

    def escalate(self) -> None:
        view = self.current()
        if view is None or not self._confirm(
            f"Escalate {view.reference} to the parent board of {view.board}?",
            "It will appear on the parent board's agenda as an escalated risk.",
        ):
            return
        self.ctx.mutate(
            lambda: risks.escalate_risk(self.ctx.db, view.id),
            on_error=lambda exc: show_error(self, exc),
        )

    def link_requirements(self) -> None:
        """The requirements of the notice the chosen risk answers."""
        view = self.current()
        if view is not None:
            open_picker(self.ctx, self, "risk", Choice(view.id, view.reference, view.title))

    def delete_risk(self) -> None:
        view = self.current()
        if view is None or not self._confirm(
            f"Delete {view.reference} {view.title}?",
            "Use this only for a risk entered by mistake: its reviews and links go too. "
            "To retire a risk, close it instead.",
        ):
            return
        self.ctx.mutate(
            lambda: risks.delete_risk(self.ctx.db, view.id),
            on_error=lambda exc: show_error(self, exc),
        )

    def edit_scales(self) -> None:
        if self.data is None:
            return
        matrix = self.data.matrix
        self.ctx.tasks.run(
            lambda: risk_scales.list_appetites(self.ctx.db),
            on_done=lambda found: RiskScalesDialog(self.ctx, matrix, found, parent=self).exec(),
            on_error=lambda exc: show_error(self, exc),
        )

    def _confirm(self, question: str, detail: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Risk register", question, parent=self)
        box.setInformativeText(detail)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    # Spreadsheets --------------------------------------------------------------------------
    def import_sheet(self) -> None:
        risks_sheets.import_sheet(self, self.ctx)

    def export_register(self) -> None:
        risks_sheets.export_register(self, self.ctx, self.as_at_day(), self.show_status)

    def export_plan(self) -> None:
        risks_sheets.export_plan(self, self.ctx, self.as_at_day(), self.show_status)

    def show_status(self, message: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 8000)
        self.count.setToolTip(message)
