"""The Performance page: every measure as a small chart with its status in colour and words,
grouped by priority area; filters; the chosen measure's detail; a period's values entered from
the keyboard; the workbook in and out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sendboard import clock
from sendboard.domain.measures import Status
from sendboard.domain.wording import counted
from sendboard.services import actions, measures
from sendboard.services.actions import ActionOptions
from sendboard.services.common.changes import Area
from sendboard.services.measures import MeasureView
from sendboard.services.stocktake import Choice
from ui.common.buttons import set_available
from ui.common.confirm import confirm_remove
from ui.common.errors import show_error
from ui.common.heading import page_heading
from ui.common.import_file import preview_then_import
from ui.common.import_preview import ImportPreviewDialog
from ui.common.page import Page
from ui.common.requirement_picker import open_picker
from ui.common.view_state import SplitterMemory
from ui.context import AppContext
from ui.performance.canvas import DashboardCanvas
from ui.performance.detail import MeasureDetail
from ui.performance.entry import EntryDialog
from ui.performance.model import ALL, DashboardModel, Filters

SHEETS = "Excel workbook (*.xlsx);;CSV (*.csv)"


class PerformancePage(Page):
    areas = (Area.MEASURES, Area.PEOPLE, Area.SETTINGS)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.model = DashboardModel()
        self.chosen: MeasureView | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_heading("Performance dashboard"))
        top.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
            ("new", "&New measure…", self.new_measure),
            ("edit", "Ed&it measure…", self.edit_measure),
            ("delete", "&Delete measure", self.delete_measure),
            ("enter", "&Enter values…", self.enter_values),
            ("requirements", "Re&quirements…", self.link_requirements),
            ("import", "I&mport…", self.import_sheet),
            ("export", "E&xport…", self.export_sheet),
        ):
            button = QPushButton(label)
            button.setObjectName(f"measures-{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            top.addWidget(button)
        layout.addLayout(top)
        QShortcut(QKeySequence("Ctrl+Shift+E"), self, self.enter_values)

        filters = QHBoxLayout()
        self.area = QComboBox()
        self.area.setObjectName("measures-area")
        self.area.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status = QComboBox()
        self.status.setObjectName("measures-status")
        self.status.addItem("All statuses", "")
        for status in Status:
            self.status.addItem(f"{status.letter} {status.label}".lstrip("– "), status.value)
        self.slipping = QCheckBox("With &slippage only")
        self.search = QLineEdit()
        self.search.setObjectName("measures-search")
        self.search.setPlaceholderText("Find a measure, reference or owner…")
        self.search.setClearButtonEnabled(True)
        for label, widget in (("&Area:", self.area), ("S&tatus:", self.status)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.slipping)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)
        self.area.currentIndexChanged.connect(self._filter)
        self.status.currentIndexChanged.connect(self._filter)
        self.slipping.toggled.connect(self._filter)
        self.search.textChanged.connect(self._filter)

        self.summary = QLabel()
        self.summary.setObjectName("measures-summary")
        layout.addWidget(self.summary)
        self.canvas = DashboardCanvas()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.canvas)
        self.detail = MeasureDetail()
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])
        self.split_memory = SplitterMemory(splitter, "performance")
        layout.addWidget(splitter, 1)
        self.canvas.chosen.connect(self._chosen)
        self.canvas.activated.connect(lambda _id: self.detail.values.setFocus())
        self.views: tuple[MeasureView, ...] = ()
        self.form: QWidget | None = None
        self._select_after: int | None = None  # a measure just saved, chosen once listed
        self._chosen(None)

    # loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.ctx.tasks.run(
            lambda: measures.list_measures(self.ctx.db),
            on_done=self.show_measures,
            on_error=lambda exc: show_error(self, exc),
        )

    def show_measures(self, views: tuple[MeasureView, ...]) -> None:
        self.views = views
        self.model.set_measures(views)
        chosen = self.area.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem("All priority areas", ALL)
        for code, label in self.model.areas():
            self.area.addItem(label, code)
        index = self.area.findData(chosen)
        self.area.setCurrentIndex(max(index, 0))
        self.area.blockSignals(False)
        self._filter()
        wanted, self._select_after = self._select_after, None
        if wanted is not None:
            self.canvas.choose_id(wanted)  # shows it in the detail panel
        else:
            self._chosen(self.canvas.current_id())

    def _filter(self) -> None:
        self.model.filters = Filters(
            area=self.area.currentData() or ALL,
            status=Status(self.status.currentData()) if self.status.currentData() else None,
            text=self.search.text().strip(),
            slipping_only=self.slipping.isChecked(),
        )
        self.canvas.set_groups(self.model.groups())
        self.summary.setText(self.model.summary())

    def _chosen(self, measure_id: int | None) -> None:
        view = next((v for v in self.views if v.id == measure_id), None)
        self.chosen = view
        self.detail.show_view(view)
        why = (
            ""
            if view is not None
            else "select a measure first: click its card"
            if self.views
            else "add a measure first, with New measure…"
        )
        for key in ("edit", "delete"):
            set_available(self.buttons[key], view is not None, why)
        if view is not None:
            self.ctx.tasks.run(
                lambda: measures.measure_history(self.ctx.db, view.id),
                on_done=self.detail.show_history,
                on_error=lambda exc: show_error(self, exc),
            )

    # actions --------------------------------------------------------------------------------
    def link_requirements(self) -> None:
        """The requirements of the notice the chosen measure answers."""
        view = self.chosen
        if view is None:
            self.summary.setText("Choose a measure first.")
            return
        open_picker(self.ctx, self, "measure", Choice(view.id, view.reference, view.name))

    def chosen_view(self) -> MeasureView | None:
        measure_id = self.canvas.current_id()
        return next((v for v in self.views if v.id == measure_id), None)

    def new_measure(self) -> None:
        self._open_form(None)

    def edit_measure(self) -> None:
        view = self.chosen_view()
        if view is not None:
            self._open_form(view)

    def _open_form(self, view: MeasureView | None) -> None:
        from ui.performance.measure_dialog import MeasureDialog

        def show(options: ActionOptions) -> None:
            self.form = MeasureDialog(self.ctx, options, view, parent=self)
            self.form.start(lambda saved: self._saved(saved.id))

        self.ctx.tasks.run(
            lambda: actions.action_options(self.ctx.db),
            on_done=show,
            on_error=lambda exc: show_error(self, exc),
        )

    def _saved(self, measure_id: int) -> None:
        self._select_after = measure_id

    def delete_measure(self) -> None:
        view = self.chosen_view()
        question = f"Delete {view.reference} {view.name}?" if view else ""
        if view is None or not confirm_remove(self, "Delete measure", question):
            return
        self.ctx.mutate(
            lambda: measures.delete_measure(self.ctx.db, view.id),
            on_error=lambda exc: show_error(self, exc),
        )

    def enter_values(self) -> EntryDialog | None:
        if not self.views:
            self.summary.setText("There are no measures to enter values for yet.")
            return None
        dialog = EntryDialog(self.ctx, self.views, parent=self)
        dialog.open()
        return dialog

    def import_sheet(
        self,
        path: Path | None = None,
        on_dialog: Callable[[ImportPreviewDialog], None] | None = None,
    ) -> None:
        db = self.ctx.db
        preview_then_import(
            self,
            self.ctx,
            "Import measures or values",
            path,
            lambda source: (
                measures.preview_import(db, source),
                lambda: measures.import_measures(db, source),
            ),
            on_dialog=on_dialog,
        )

    def export_sheet(self) -> None:
        default = f"measures-{clock.today():%Y-%m-%d}.xlsx"
        name, chosen = QFileDialog.getSaveFileName(self, "Export measures", default, SHEETS)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        self.ctx.tasks.run(
            lambda: measures.export_measures(self.ctx.db, path),
            on_done=lambda count: self.summary.setText(
                f"{counted(count, 'measure')} written to {path}"
            ),
            on_error=lambda exc: show_error(self, exc),
        )
