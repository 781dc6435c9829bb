"""The action and impact log: a fast table with filters, the history of the chosen action,
the update round, and spreadsheets in and out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
)

from sendboard.domain.actions import ActionStatus
from sendboard.domain.wording import counted
from sendboard.services import actions
from sendboard.services.actions import ActionDetail, ActionLog, ActionOptions, EvidenceFileView
from sendboard.services.common.changes import Area
from sendboard.services.stocktake import Choice
from ui.actions import sheets as actions_sheets
from ui.actions.detail import ActionDetailPanel
from ui.actions.edit import ActionDialog
from ui.actions.filter_model import ActionFilter, ActionsFilterProxy
from ui.actions.filters import ActionFilterBar
from ui.actions.table import ID_ROLE, ActionsTableModel, Column
from ui.actions.update_round import UpdateRoundDialog
from ui.common.brag_delegate import BragDelegate
from ui.common.errors import show_error
from ui.common.heading import page_heading
from ui.common.page import Page
from ui.common.requirement_picker import open_picker
from ui.common.view_state import ColumnMemory, SplitterMemory
from ui.context import AppContext

#: Starting widths that fit a 1280-px laptop screen; the action title takes what is left.
WIDTHS = {
    Column.REFERENCE: 64,
    Column.TITLE: 250,
    Column.AREA: 44,
    Column.OWNER: 116,
    Column.ORGANISATIONS: 140,
    Column.DUE: 90,
    Column.PROGRESS: 84,
    Column.IMPACT: 84,
    Column.STATUS: 74,
    Column.LAST_UPDATE: 90,
    Column.HIGHLIGHTS: 190,
    Column.BOARD: 200,
}
HIDDEN_AT_FIRST = (Column.AREA, Column.BOARD, Column.STATUS, Column.LAST_UPDATE)


def _button(text: str, shortcut: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
    button = QPushButton(text)
    button.setToolTip(f"{text.replace('&', '').rstrip('…')} ({shortcut})")
    button.clicked.connect(slot)
    return button


class ActionsPage(Page):
    areas = (Area.ACTIONS, Area.PEOPLE, Area.BOARDS, Area.MEETINGS, Area.SETTINGS)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.options = ActionOptions()
        self.log: ActionLog | None = None
        self.model = ActionsTableModel(self)
        self.proxy = ActionsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_filter(ActionFilter(status=ActionStatus.OPEN))

        heading = page_heading("Action and impact log")
        self.partners = QLabel()
        self.partners.setObjectName("partner-highlights")
        self.partners.setWordWrap(True)
        self.partners.setStyleSheet(
            "background:#fff3df; color:#5a2a00; border:1px solid #e0b070; padding:6px;"
        )
        self.partners.hide()
        self.filters = ActionFilterBar()
        self.filters.changed.connect(self._filter)

        self.table = QTableView()
        self.table.setObjectName("actions-table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setMinimumSectionSize(40)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in HIDDEN_AT_FIRST:
            self.table.setColumnHidden(column, True)
        self.columns = ColumnMemory(self.table, "actions")
        self.brag_delegate = BragDelegate(self.table)
        for column in (Column.PROGRESS, Column.IMPACT):
            self.table.setItemDelegateForColumn(column, self.brag_delegate)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda _index: self.edit_action())

        self.detail = ActionDetailPanel()
        self.detail.attach_requested.connect(self.attach_evidence)
        self.detail.save_requested.connect(self.save_evidence)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([460, 300])
        self.split_memory = SplitterMemory(split, "actions")

        self.count = QLabel()
        self.count.setObjectName("actions-count")
        status_menu = QMenu(self)
        status_menu.addAction("Mark &complete", lambda: self.change_status(ActionStatus.COMPLETE))
        status_menu.addAction("C&lose…", lambda: self.change_status(ActionStatus.CLOSED))
        status_menu.addAction("&Supersede…", lambda: self.change_status(ActionStatus.SUPERSEDED))
        status_menu.addAction("&Reopen", lambda: self.change_status(ActionStatus.OPEN))
        self.status_button = QToolButton()
        self.status_button.setText("Stat&us ▾")
        self.status_button.setMenu(status_menu)
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        buttons = QHBoxLayout()
        for widget in (
            _button("&New action…", "Ctrl+N", self.new_action),
            _button("&Edit…", "Enter", self.edit_action),
            _button("Add u&pdate…", "Ctrl+U", self.add_update),
            _button("Update &round…", "Ctrl+R", self.update_round),
            self.status_button,
            _button("Re&quirements…", "Alt+Q", self.link_requirements),
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        buttons.addWidget(_button("&Import…", "Ctrl+I", self.import_log))
        buttons.addWidget(_button("E&xport…", "Ctrl+E", self.export_log))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.partners)
        layout.addWidget(self.filters)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        for keys, slot in (
            ("Ctrl+F", self._focus_search),
            ("Ctrl+N", self.new_action),
            ("Ctrl+U", self.add_update),
            ("Ctrl+R", self.update_round),
            ("Ctrl+I", self.import_log),
            ("Ctrl+E", self.export_log),
            ("F2", self.edit_action),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)

    # --- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        db = self.ctx.db
        self.ctx.tasks.run(
            lambda: (actions.load_log(db), actions.action_options(db)), on_done=self._loaded
        )

    def _loaded(self, result: tuple[ActionLog, ActionOptions]) -> None:
        log, options = result
        selected = self.selected_id()
        self.log = log
        self.options = options
        self.filters.set_options(options)
        self.model.set_rows(log.rows)
        self._show_partners(log)
        self._update_count()
        if selected is not None:
            self.select_action(selected)

    def _show_partners(self, log: ActionLog) -> None:
        if not log.partners:
            self.partners.hide()
            return
        items = "; ".join(f"<b>{p.organisation}</b> — {p.reason}" for p in log.partners)
        self.partners.setText(f"⚑ Contributions needing strengthening: {items}")
        self.partners.show()

    def _filter(self, criteria: ActionFilter) -> None:
        self.proxy.set_filter(criteria)
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        highlighted = sum(
            1 for v in self.model.rows() if v.highlights and v.status is ActionStatus.OPEN
        )
        self.count.setText(
            f"Showing {shown:,} of {counted(total, 'action')} · {highlighted:,} open highlighted"
        )

    def _focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    # --- selection and detail ---------------------------------------------------------------
    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_action(self, action_id: int) -> None:
        row = self.model.row_of(action_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        action_id = current.data(ID_ROLE) if current.isValid() else None
        if action_id is None:
            self.detail.show_detail(None)
            return
        self.ctx.tasks.run(
            lambda: actions.get_action(self.ctx.db, action_id), on_done=self._show_detail
        )

    def _show_detail(self, detail: ActionDetail) -> None:
        if detail.row.id == self.selected_id():
            self.detail.show_detail(detail)

    def _need_selection(self) -> int | None:
        action_id = self.selected_id()
        if action_id is None:
            QMessageBox.information(self, "Actions", "Choose an action in the table first.")
        return action_id

    # --- commands -----------------------------------------------------------------------------
    def new_action(self) -> None:
        dialog = ActionDialog(self.ctx, self.options)
        if dialog.exec() and dialog.result_value is not None:
            self.select_action(dialog.result_value.row.id)

    def edit_action(self) -> None:
        detail = self.detail.detail
        if self._need_selection() is None or detail is None:
            return
        ActionDialog(self.ctx, self.options, detail).exec()

    def link_requirements(self) -> None:
        """The requirements of the notice the chosen action answers."""
        detail = self.detail.detail
        if self._need_selection() is None or detail is None:
            return
        row = detail.row
        open_picker(self.ctx, self, "action", Choice(row.id, row.reference, row.title))

    def add_update(self) -> None:
        action_id = self._need_selection()
        if action_id is None:
            return
        view = self.model.row_at(self.model.row_of(action_id))
        if view.status is not ActionStatus.OPEN:
            QMessageBox.information(
                self,
                "Actions",
                f"{view.reference} is {view.status.label.lower()}; reopen it first.",
            )
            return
        UpdateRoundDialog(self.ctx, [view]).exec()

    def update_round(self) -> None:
        rows = [v for v in self.model.rows() if v.needs_update]
        if not rows:
            QMessageBox.information(
                self, "Update round", "Every open action already has an update for this cycle."
            )
            return
        UpdateRoundDialog(self.ctx, rows).exec()

    def change_status(self, status: ActionStatus) -> None:
        action_id = self._need_selection()
        if action_id is None:
            return
        view = self.model.row_at(self.model.row_of(action_id))
        replacement = ""
        if status is ActionStatus.SUPERSEDED:
            replacement, ok = QInputDialog.getText(
                self,
                f"Supersede {view.reference}",
                "Reference of the action that replaces it (blank if none):",
            )
            if not ok:
                return
        elif status is ActionStatus.CLOSED:
            answer = QMessageBox.question(
                self,
                f"Close {view.reference}",
                f"Close {view.reference} “{view.title}”? Closed actions take no more updates "
                "(you can reopen it later).",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.mutate(
            lambda: actions.set_status(self.ctx.db, action_id, status, superseded_by=replacement),
            on_error=lambda exc: show_error(self, exc),
        )

    def attach_evidence(self) -> None:
        action_id = self.selected_id()
        if action_id is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, "Attach evidence of impact")
        if name:
            self.ctx.mutate(
                lambda: actions.attach_evidence(self.ctx.db, action_id, Path(name)),
                on_done=self.detail.show_detail,
                on_error=lambda exc: show_error(self, exc),
            )

    def save_evidence(self, stored: EvidenceFileView) -> None:
        action_id = self.selected_id()
        if action_id is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "Save evidence file", stored.name)
        if name:
            self.ctx.tasks.run(
                lambda: actions.save_evidence(self.ctx.db, action_id, stored.id, Path(name)),
                on_error=lambda exc: show_error(self, exc),
            )

    def import_log(self) -> None:
        actions_sheets.import_log(self, self.ctx)

    def export_log(self) -> None:
        actions_sheets.export_log(
            self, self.ctx, self.proxy.rowCount(), self.model.rowCount(), self.proxy.action_ids
        )
