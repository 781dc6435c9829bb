"""The Minutes page: choose a meeting, type its minutes item by item, take them to approval."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.meetings import StandingItem
from sendboard.domain.minutes import NEXT_STEPS, MinutesStatus
from sendboard.services import actions, minutes
from sendboard.services.actions import ActionOptions
from sendboard.services.common.changes import Area
from sendboard.services.minutes import MinutesListRow, MinutesView, SectionView
from sendboard.services.minutes.document import previous_text
from ui.common.errors import show_error
from ui.common.heading import page_heading
from ui.common.page import Page
from ui.context import AppContext
from ui.minutes import workflow
from ui.minutes.attendance import attendance_html
from ui.minutes.autosave import DELAY_MS, MAX_WAIT_MS, Autosaver
from ui.minutes.editor import ItemEditor
from ui.minutes.text_conflict import TextConflicts

LONDON = ZoneInfo("Europe/London")
ATTENDANCE = "attendance"
MATTERS = "matters"


@dataclass(frozen=True)
class Listing:
    rows: list[MinutesListRow]
    options: ActionOptions


class MinutesPage(Page):
    areas = (Area.MINUTES, Area.MEETINGS, Area.PEOPLE, Area.BOARDS)
    autosave_ms = DELAY_MS
    autosave_max_ms = MAX_WAIT_MS

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.rows: list[MinutesListRow] = []
        self.options = ActionOptions()
        self.view: MinutesView | None = None
        self.texts: dict[int | None, str] = {}  # what is typed, by item (None: matters arising)
        self.key: object = None  # the entry shown: ATTENDANCE, MATTERS or an item id
        self.open_dialog: QWidget | None = None
        self._wanted: int | None = None  # a meeting asked for by a link, shown once listed
        self.autosave = Autosaver(ctx, self.autosave_ms, self.autosave_max_ms)
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(lambda exc: self.status(f"Not saved: {exc}", error=True))
        self.autosave.pending_changed.connect(self._pending)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_heading("Minutes"))
        top.addStretch(1)
        top.addWidget(QLabel("&Meeting:"))
        self.meeting = QComboBox()
        self.meeting.setObjectName("minutes-meeting")
        self.meeting.setMinimumContentsLength(42)
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        top.itemAt(top.count() - 1).widget().setBuddy(self.meeting)  # type: ignore[attr-defined]
        top.addWidget(self.meeting)
        self.register = QPushButton("Re&gister of interests…")
        self.register.setObjectName("minutes-register")
        self.register.clicked.connect(self.open_register)
        top.addWidget(self.register)
        layout.addLayout(top)

        bar = QHBoxLayout()
        self.state = QLabel()
        self.state.setObjectName("minutes-state")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("minutes-saved")
        bar.addWidget(self.state)
        bar.addWidget(self.saved_label)
        bar.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for key, label in workflow.BUTTONS:
            button = QPushButton(label)
            button.setObjectName(f"minutes-{key}")
            button.clicked.connect(lambda _=False, k=key: workflow.run(self, k))
            self.buttons[key] = button
            bar.addWidget(button)
        layout.addLayout(bar)
        self.conflicts = TextConflicts(self)
        layout.addWidget(self.conflicts)

        self.body = QStackedWidget()
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        self.empty_text = QLabel("Choose a meeting.")
        self.empty_text.setWordWrap(True)
        self.start = QPushButton("&Start the minutes")
        self.start.setObjectName("minutes-start")
        self.start.clicked.connect(self.start_minutes)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text, alignment=Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addWidget(self.start, alignment=Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.body.addWidget(self.empty)

        split = QSplitter()
        self.items = QListWidget()
        self.items.setObjectName("minutes-items")
        self.items.setMinimumWidth(220)
        self.items.setWordWrap(True)
        # Room above and below only: with spacing or side padding Qt sizes a title that wraps
        # for one line and then cuts it off ("3. Minutes of the previous …").
        self.items.setStyleSheet(
            "QListWidget#minutes-items::item { padding-top: 2px; padding-bottom: 2px; }"
        )
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.currentItemChanged.connect(self._item_chosen)
        self.panel = QStackedWidget()
        self.attendance = QTextBrowser()
        self.attendance.setObjectName("minutes-attendance")
        self.editor = ItemEditor()
        self.editor.text.textChanged.connect(self._typed)
        self.editor.text.next_item.connect(lambda: self.step(1))
        self.editor.text.previous_item.connect(lambda: self.step(-1))
        self.editor.add_decision.clicked.connect(lambda: workflow.add_decision(self))
        self.editor.add_action.clicked.connect(lambda: workflow.add_action(self))
        self.editor.declare.clicked.connect(lambda: workflow.declare(self))
        self.editor.remove_decision.clicked.connect(lambda: workflow.remove_decision(self))
        self.editor.decisions.remove_requested.connect(lambda: workflow.remove_decision(self))
        self.editor.decisions.itemActivated.connect(lambda _item: workflow.edit_decision(self))
        self.editor.remove_declaration.clicked.connect(lambda: workflow.remove_declaration(self))
        self.editor.declarations.remove_requested.connect(lambda: workflow.remove_declaration(self))
        self.panel.addWidget(self.attendance)
        self.panel.addWidget(self.editor)
        split.addWidget(self.items)
        split.addWidget(self.panel)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 900])
        self.body.addWidget(split)
        layout.addWidget(self.body, 1)

        for keys, slot in (
            ("Ctrl+D", lambda: workflow.add_decision(self)),
            ("Ctrl+T", lambda: workflow.add_action(self)),
            ("Ctrl+Shift+I", lambda: workflow.declare(self)),
            ("Ctrl+S", self.autosave.flush),
            ("Ctrl+PgDown", lambda: self.step(1)),
            ("Ctrl+PgUp", lambda: self.step(-1)),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        self._show_buttons()

    # Loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.ctx.db
        self.ctx.tasks.run(
            lambda: Listing(minutes.list_minutes_meetings(db), actions.action_options(db)),
            on_done=self._listed,
        )

    def _listed(self, listing: Listing) -> None:
        chosen = self.meeting_id()
        self.rows, self.options = listing.rows, listing.options
        self.meeting.blockSignals(True)
        self.meeting.clear()
        for row in self.rows:
            self.meeting.addItem(f"{row.label} — {row.status_label}", row.meeting_id)
        if self._wanted is not None:
            chosen, self._wanted = self._wanted, None
        if chosen is None:  # first time: the newest minutes still in progress, else the newest
            working = [r for r in self.rows if r.status and not r.status.locked]
            chosen = (working or self.rows or [None])[0]
            chosen = chosen.meeting_id if chosen else None
        index = self.meeting.findData(chosen)
        self.meeting.setCurrentIndex(max(index, 0))
        self.meeting.blockSignals(False)
        self._meeting_chosen()

    def open_intent(self, intent: str) -> None:
        """A link from Home, "meeting:ID": that meeting's minutes, once the list is fresh."""
        what, _, value = intent.partition(":")
        if what == "meeting" and value.isdigit():
            self._wanted = int(value)
            self.refresh()

    def open_register(self) -> QWidget:
        """The register of interests, kept beside the minutes that offer its entries."""
        from ui.minutes.interests import InterestsDialog

        dialog = InterestsDialog(self.ctx, self.options.people, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._register_closed())
        self.open_dialog = dialog
        dialog.open()
        return dialog

    def _register_closed(self) -> None:
        self.open_dialog = None

    def meeting_id(self) -> int | None:
        data = self.meeting.currentData()
        return int(data) if data is not None else None

    def show_meeting(self, meeting_id: int) -> None:
        self.meeting.setCurrentIndex(self.meeting.findData(meeting_id))

    def _meeting_chosen(self, _index: int = -1) -> None:
        meeting_id = self.meeting_id()
        if self.view is not None and self.view.meeting_id != meeting_id:
            self.autosave.flush()
        row = next((r for r in self.rows if r.meeting_id == meeting_id), None)
        if row is None or row.status is None:
            self._show_empty(row)
            return
        db = self.ctx.db
        self.ctx.tasks.run(
            lambda: minutes.get_minutes(db, row.meeting_id), on_done=self.show_minutes
        )

    def _show_empty(self, row: MinutesListRow | None) -> None:
        self.view = None
        self.texts = {}
        self.body.setCurrentWidget(self.empty)
        self.start.setVisible(row is not None)
        self.empty_text.setText(
            "No meeting has been held yet."
            if row is None
            else f"{row.label} has no minutes yet. Start them to lay out a section for each "
            "agenda item, with the attendance recorded for the meeting."
        )
        self._show_buttons()

    def start_minutes(self) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is not None:
            db = self.ctx.db
            self.ctx.mutate(lambda: minutes.open_minutes(db, meeting_id), on_done=self.show_minutes)

    def show_minutes(self, view: MinutesView) -> None:
        """Lay the minutes out; text typed here and not yet read back is kept."""
        if view.meeting_id != self.meeting_id():
            return
        same = self.view is not None and self.view.meeting_id == view.meeting_id
        self.texts = self._texts(view, self.texts if same else {})
        self.view = view
        self.body.setCurrentIndex(1)
        self.attendance.setHtml(attendance_html(view))
        keep = self.key if same else None
        self.items.blockSignals(True)
        self.items.clear()
        self._entry("Attendance", ATTENDANCE)
        for section in view.sections:
            self._entry(f"{section.number}. {section.title}", section.agenda_item_id, section)
            if section.standing is StandingItem.PREVIOUS_MINUTES:
                self._entry("    Matters arising", MATTERS)
        if not any(s.standing is StandingItem.PREVIOUS_MINUTES for s in view.sections):
            self._entry("Matters arising", MATTERS)
        self.items.blockSignals(False)
        keys = [
            self.items.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.items.count())
        ]
        self.items.setCurrentRow(keys.index(keep) if keep in keys else min(1, len(keys) - 1))
        self._show_buttons()
        if view.saved_at and not self.autosave.busy():
            self._saved(view.saved_at)

    def _texts(self, view: MinutesView, typed: dict[int | None, str]) -> dict[int | None, str]:
        """Each item's text as stored (a colleague's, too), except where typing here is not
        in the database yet, or this read was made before this window's own last save."""
        stored = {s.agenda_item_id: (s.text, s.version) for s in view.sections}
        stored[None] = (view.matters_arising, view.matters_version)
        unsaved = {item for meeting, item in self.autosave.unsaved() if meeting == view.meeting_id}
        texts = {}
        for item, (text, version) in stored.items():
            newer = self.autosave.versions.get((view.meeting_id, item), 0) > version
            mine = item in typed and (item in unsaved or newer)
            texts[item] = typed[item] if mine else text
        self.autosave.read(view.meeting_id, {i: v for i, (_t, v) in stored.items()})
        return texts

    def show_text(self, key: tuple[int, int | None], text: str) -> None:
        """Show an item's text as stored (their text, on Reload), in the editor if it is open."""
        if self.view is None or self.view.meeting_id != key[0]:
            return
        self.texts[key[1]] = text
        shown = None if self.key == MATTERS else self.key
        if self.panel.currentWidget() is self.editor and shown == key[1]:
            self.editor.text.blockSignals(True)
            self.editor.text.setPlainText(text)
            self.editor.text.blockSignals(False)

    def _entry(self, label: str, key: object, section: SectionView | None = None) -> None:
        item = QListWidgetItem(label + ("  (exempt)" if section and section.exempt else ""))
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.items.addItem(item)

    # Moving between items and typing -----------------------------------------------------

    def section(self) -> SectionView | None:
        if self.view is None or not isinstance(self.key, int):
            return None
        return self.view.section(self.key)

    def _item_chosen(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        if current is None or self.view is None:
            return
        self.key = current.data(Qt.ItemDataRole.UserRole)
        if self.key == ATTENDANCE:
            self.panel.setCurrentWidget(self.attendance)
            return
        self.panel.setCurrentWidget(self.editor)
        item_id = None if self.key == MATTERS else self.key
        section = self.section()
        self.editor.show_section(section, self.texts.get(item_id, ""), self.view.locked)
        if section is not None and section.standing is StandingItem.PREVIOUS_MINUTES:
            line = previous_text(self.view)
            self.editor.meta.setText(line or "This board has no earlier meeting.")

    def step(self, offset: int) -> None:
        """Go to the next (or previous) item, with the cursor at the end of its text."""
        row = self.items.currentRow() + offset
        if 0 <= row < self.items.count():
            self.items.setCurrentRow(row)
            if self.panel.currentWidget() is self.editor:
                self.editor.text.setFocus()
                self.editor.text.moveCursor(self.editor.text.textCursor().MoveOperation.End)

    def _typed(self) -> None:
        if self.view is None or self.view.locked or self.key == ATTENDANCE:
            return
        item_id = None if self.key == MATTERS else self.key
        text = self.editor.text.toPlainText()
        self.texts[item_id] = text  # type: ignore[index]
        self.autosave.changed(self.view.meeting_id, item_id, text)  # type: ignore[arg-type]

    # Status line -------------------------------------------------------------------------

    def _pending(self, pending: bool) -> None:
        if pending:
            self.saved_label.setText("Saving…")

    def _saved(self, when: datetime | None) -> None:
        if self.view is not None and self.view.locked:
            self.saved_label.clear()
            return
        if when is not None and not self.autosave.pending:
            self.saved_label.setText(f"Saved {when.astimezone(LONDON):%H:%M:%S}")
            self.saved_label.setStyleSheet("color: #2e6b30;")

    def status(self, text: str, *, error: bool = False) -> None:
        self.saved_label.setText(text)
        self.saved_label.setStyleSheet("color: #a31515;" if error else "")

    def _show_buttons(self) -> None:
        view = self.view
        status = view.status if view else None
        self.state.setText(workflow.state_text(view))
        steps = NEXT_STEPS[status] if status else ()
        shown = {
            "chair": MinutesStatus.SENT_TO_CHAIR in steps,
            "circulate": MinutesStatus.CIRCULATED in steps,
            "draft": MinutesStatus.DRAFT in steps,
            "approve": MinutesStatus.APPROVED in steps,
            "erratum": status is MinutesStatus.APPROVED,
            "export": view is not None,
        }
        for key, button in self.buttons.items():
            button.setVisible(shown[key])
        if view is None:
            self.saved_label.clear()

    def show_error(self, exc: Exception) -> None:
        show_error(self, exc)
