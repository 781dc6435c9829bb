"""The Agenda tab: numbered items to add, edit, reorder (drag or Ctrl+Up/Down), with papers."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.wording import counted, prose_date
from sendboard.services.common.changes import Area, Outcome
from sendboard.services.meetings import agenda, papers
from sendboard.services.meetings.agenda import AgendaItemView, AgendaView
from sendboard.services.meetings.papers import PaperView
from ui.common.buttons import make_button, set_available
from ui.common.errors import open_file, show_error
from ui.common.view_state import ColumnMemory
from ui.context import AppContext
from ui.meetings import agenda_model as columns
from ui.meetings.agenda_item import AgendaItemDialog
from ui.meetings.agenda_model import AgendaTableModel
from ui.meetings.item_list_tools import ItemListTools
from ui.meetings.tabs import MeetingTab

PAPER_ROLE = Qt.ItemDataRole.UserRole + 1
PICK_ITEM = "select an agenda item first"
NO_PAPERS = "this item has no papers yet: attach one first"


def paper_title_dialog(parent: QWidget | None, suggested: str) -> QInputDialog:
    """Asks for a paper's title, its box wide enough to show the suggested one in full (up to
    about two-thirds of the screen)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Paper title")
    dialog.setLabelText("Title of the paper:")
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextValue(suggested)
    box = dialog.findChild(QLineEdit)
    if box is not None:
        metrics = box.fontMetrics()
        screen = dialog.screen().availableGeometry().width()
        wanted = metrics.horizontalAdvance(suggested) + metrics.averageCharWidth() * 4
        box.setMinimumWidth(min(max(wanted, 360), screen * 2 // 3))
    return dialog


class AgendaTab(MeetingTab):
    title = "&Agenda"
    areas = (Area.MEETINGS,)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.agenda: AgendaView | None = None
        self._keep_id: int | None = None
        self.model = AgendaTableModel()
        self.model.move_requested.connect(self.move_to)

        self.table = QTableView()
        self.table.setObjectName("agenda-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Long titles (and paper names) wrap onto a second line rather than being cut short;
        # rows grow to fit them as the columns are resized.
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for column in (columns.NUMBER, columns.PURPOSE, columns.TIMING, columns.EXEMPT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(columns.LEAD, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(columns.LEAD, 150)
        header.setSectionResizeMode(columns.PAPERS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(columns.PAPERS, 140)
        self.columns = ColumnMemory(self.table, "agenda")
        self.table.doubleClicked.connect(lambda _index: self.edit_item())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._item_changed())

        self.tools = ItemListTools(
            self, self.table, add="Add ite&m…", remove="Remo&ve", down="Move do&wn"
        )
        self.tools.add_button.setToolTip(
            "Add an item before “Any other business” (Insert); the form lets you choose its number"
        )
        self.standing_button = make_button(
            "Add standing items",
            "Add the board's standing items that this agenda does not have yet",
            self.add_standing,
        )
        self.copy_button = make_button(
            "Cop&y previous agenda",
            "Copy the items of the board's previous meeting (not its papers)",
            self.copy_previous,
        )
        self.tools.addWidget(self.standing_button)
        self.tools.addWidget(self.copy_button)

        self.summary = QLabel()
        self.summary.setObjectName("agenda-summary")

        self.papers = QListWidget()
        self.papers.setObjectName("papers")
        self.papers.itemActivated.connect(lambda _item: self.open_paper())
        self.attach_button = make_button(
            "Attach P&DF…", "Attach a PDF paper to this item", self.attach
        )
        self.version_button = make_button(
            "New versi&on…",
            "Add a new version of the selected paper; old ones are kept",
            self.new_version,
        )
        self.open_button = make_button(
            "Open", "Open the selected paper version (Enter)", self.open_paper
        )
        papers_box = QWidget()
        papers_layout = QVBoxLayout(papers_box)
        papers_layout.setContentsMargins(6, 0, 0, 0)
        self.papers_label = QLabel("<b>Papers</b>")
        papers_layout.addWidget(self.papers_label)
        papers_layout.addWidget(self.papers, 1)
        paper_buttons = QHBoxLayout()
        for button in (self.attach_button, self.version_button, self.open_button):
            paper_buttons.addWidget(button)
        papers_layout.addLayout(paper_buttons)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(papers_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 250])
        layout = QVBoxLayout(self)
        layout.addLayout(self.tools)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)

        self._update_buttons()

    # Loading

    def refresh(self) -> None:
        if self.meeting_id is None:
            self.agenda = None
            self.model.set_rows([])
            self._update_buttons()
            return
        meeting_id, db = self.meeting_id, self.ctx.db
        self.ctx.tasks.run(
            lambda: agenda.get_agenda(db, meeting_id),
            on_done=self.show_agenda,
            on_error=lambda exc: None,  # the meeting was removed meanwhile; the page reloads
        )

    def show_agenda(self, view: AgendaView) -> None:
        if view.meeting_id != self.meeting_id:
            return
        keep = self._keep_id if self._keep_id is not None else self.current_id()
        self.agenda = view
        self.model.set_rows(view.items)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and view.items:
            row = 0
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._keep_id = None
        overrun = (
            f"; runs {counted(view.overrun, 'minute')} over the meeting time"
            if view.overrun
            else ""
        )
        exempt = sum(1 for i in view.items if i.exempt)
        exempt_text = f"; {exempt} exempt (not for publication)" if exempt else ""
        items = counted(len(view.items), "item")
        if not view.editable:
            text = f"{items}. The meeting was cancelled; its agenda is kept."
        elif view.items:
            text = f"{items}, {counted(view.total_minutes, 'minute')}{overrun}{exempt_text}."
        else:
            text = "No items yet: add the standing items, or copy the previous meeting's agenda."
        self.summary.setText(text)
        self._item_changed()

    def current(self) -> AgendaItemView | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def current_id(self) -> int | None:
        item = self.current()
        return item.id if item else None

    def _update_buttons(self) -> None:
        editable = self.agenda is None or self.agenda.editable
        locked = "select a meeting first" if self.meeting_id is None else ""
        locked = locked or ("" if editable else "the meeting is cancelled")
        self.table.setDragEnabled(editable)
        for button in (self.tools.add_button, self.standing_button, self.copy_button):
            set_available(button, not locked, locked)
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else None
        self.tools.enable_for(row, self.model.rowCount(), locked)
        item = self.current()
        set_available(self.attach_button, item is not None and not locked, locked or PICK_ITEM)
        no_paper = (
            PICK_ITEM if item is None else "select a paper first" if item.papers else NO_PAPERS
        )
        has_paper = self.current_paper() is not None
        set_available(self.version_button, has_paper and not locked, locked or no_paper)
        set_available(self.open_button, has_paper, no_paper)

    def _item_changed(self) -> None:
        item = self.current()
        self.papers.clear()
        self._update_buttons()
        if item is None or not item.papers:
            self.papers_label.setText("<b>Papers</b>" + ("" if item is None else " (none yet)"))
            return
        self.papers_label.setText(f"<b>Papers for item {item.number}</b>")
        db, latest = self.ctx.db, item.papers
        self.ctx.tasks.run(
            lambda: [papers.list_versions(db, p.id) for p in latest],
            on_done=lambda groups: self._show_papers(item.id, groups),
        )

    def _show_papers(self, item_id: int, groups: list[list[PaperView]]) -> None:
        if self.current_id() != item_id:
            return
        self.papers.clear()
        for versions in groups:
            for paper in versions:
                details = f"added {prose_date(paper.added_at)} · {max(1, paper.size // 1024)} KB"
                if paper is versions[0]:
                    text = f"{paper.label}\n    {details}"
                else:
                    text = f"    earlier: v{paper.version}, {details}"
                row = QListWidgetItem(text)
                row.setData(PAPER_ROLE, paper)
                row.setToolTip(paper.original_name)
                self.papers.addItem(row)
        self.papers.setCurrentRow(0)
        self._update_buttons()

    def current_paper(self) -> PaperView | None:
        row = self.papers.currentItem()
        return row.data(PAPER_ROLE) if row is not None else None

    # Changes

    def _save(self, fn: Callable[[], Outcome[Any]], keep_id: int | None = None) -> None:
        self._keep_id = keep_id if keep_id is not None else self.current_id()
        self.ctx.mutate(
            fn,
            on_done=lambda value: isinstance(value, AgendaView) and self.show_agenda(value),
            on_error=lambda exc: show_error(self, exc),
        )

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, "sendboard", question)
        return answer == QMessageBox.StandardButton.Yes

    def add_item(self) -> None:
        if self.meeting_id is None:
            return
        items = self.agenda.items if self.agenda else ()
        known = {i.id for i in items}
        dialog = AgendaItemDialog(self.ctx, self.meeting_id, parent=self, items=items)
        dialog.start(
            lambda view: self._select(view, next(i.id for i in view.items if i.id not in known))
        )

    def edit_item(self) -> None:
        item = self.current()
        if item is not None and self.meeting_id is not None:
            items = self.agenda.items if self.agenda else ()
            dialog = AgendaItemDialog(
                self.ctx, self.meeting_id, item=item, parent=self, items=items
            )
            dialog.start(lambda view: self._select(view, item.id))

    def _select(self, view: AgendaView, item_id: int) -> None:
        """Show the agenda as saved with `item_id` selected: attaching a paper next goes to it."""
        self._keep_id = item_id
        self.show_agenda(view)

    def remove_item(self) -> None:
        item = self.current()
        if item is None:
            return
        extra = " and its papers" if item.papers else ""
        if self.confirm(f"Remove item {item.number}, “{item.title}”{extra} from the agenda?"):
            db = self.ctx.db
            self._save(lambda: agenda.remove_item(db, item.id))

    def shift(self, offset: int) -> None:
        item = self.current()
        if item is not None:
            db = self.ctx.db
            self._save(lambda: agenda.shift_item(db, item.id, offset), item.id)

    def move_to(self, item_id: int, position: int) -> None:
        db = self.ctx.db
        self._save(lambda: agenda.move_item(db, item_id, position), item_id)

    def add_standing(self) -> None:
        if self.meeting_id is not None:
            db, meeting_id = self.ctx.db, self.meeting_id
            self._save(lambda: agenda.add_standing_items(db, meeting_id))

    def copy_previous(self) -> None:
        if self.meeting_id is None:
            return
        replace = bool(self.agenda and self.agenda.items)
        if replace and not self.confirm(
            "Replace this agenda's items with those of the board's previous meeting?"
        ):
            return
        db, meeting_id = self.ctx.db, self.meeting_id
        self._save(lambda: agenda.copy_previous_agenda(db, meeting_id, replace=replace))

    # Papers

    def _choose_pdf(self, caption: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(self, caption, "", "PDF files (*.pdf)")
        return Path(name) if name else None

    def attach(self, path: Path | None = None, title: str | None = None) -> None:
        item = self.current()
        if item is None:
            return
        path = path or self._choose_pdf(f"Attach a paper to item {item.number}")
        if path is None:
            return
        if title is None:
            suggested = " ".join(path.stem.replace("_", " ").split())
            dialog = paper_title_dialog(self, suggested)
            if not dialog.exec():
                return
            title = dialog.textValue()
        db = self.ctx.db
        self._save(lambda: papers.attach_paper(db, item.id, path, title), item.id)

    def new_version(self, path: Path | None = None) -> None:
        paper = self.current_paper()
        if paper is None:
            return
        path = path or self._choose_pdf(f"New version of {paper.title}")
        if path is not None:
            db = self.ctx.db
            self._save(lambda: papers.add_version(db, paper.id, path), paper.agenda_item_id)

    def open_paper(self) -> None:
        paper = self.current_paper()
        if paper is None:
            return
        db = self.ctx.db
        folder = Path(tempfile.mkdtemp(prefix="sendboard-paper-"))
        self.ctx.tasks.run(
            lambda: papers.export_paper(db, paper.id, folder),
            on_done=lambda path: open_file(self, Path(path)),
            on_error=lambda exc: show_error(self, exc),
        )
