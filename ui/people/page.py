"""People & Boards: the board hierarchy and its members, the contact list, the priority areas."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from sendboard.services.common.changes import Area
from ui.common.heading import page_heading
from ui.common.page import Page
from ui.context import AppContext
from ui.people.boards_tab import BoardsTab
from ui.people.contacts_tab import ContactsTab
from ui.people.directory import Directory, load_directory
from ui.people.priority_areas_tab import PriorityAreasTab


class PeopleBoardsPage(Page):
    areas = (Area.BOARDS, Area.PEOPLE)
    loaded = Signal()  # a fresh directory is on screen

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.boards_tab = BoardsTab(ctx)
        self.contacts_tab = ContactsTab(ctx)
        self.priority_tab = PriorityAreasTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.boards_tab, "&Boards")
        self.tabs.addTab(self.contacts_tab, "&Contacts")
        self.tabs.addTab(self.priority_tab, "&Priority areas")
        heading = page_heading("People & Boards")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        add = QShortcut(QKeySequence.StandardKey.New, self, context=context)
        add.activated.connect(self.add)
        find = QShortcut(QKeySequence.StandardKey.Find, self, context=context)
        find.activated.connect(self.focus_search)

    def refresh(self) -> None:
        self.ctx.tasks.run(lambda: load_directory(self.ctx.db), on_done=self._show)

    def _show(self, directory: Directory) -> None:
        self.boards_tab.set_directory(directory)
        self.contacts_tab.set_directory(directory)
        self.priority_tab.set_directory(directory)
        self.loaded.emit()
        intent, self._intent = self._intent, ""
        if intent:
            self._open(intent)

    _intent = ""

    def open_intent(self, intent: str) -> None:
        """Links from Home: "new-board", "add-person", "add-member", "contacts", "board:ID".
        They open once the directory is fresh, so dialogs list every board and person."""
        self._intent = intent
        self.refresh()

    def _open(self, intent: str) -> None:
        what, _, value = intent.partition(":")
        directory = self.boards_tab.directory
        if what == "contacts":
            self.tabs.setCurrentWidget(self.contacts_tab)
        elif what == "add-person":
            self.tabs.setCurrentWidget(self.contacts_tab)
            self.contacts_tab.add()
        elif what == "new-board":
            self.tabs.setCurrentWidget(self.boards_tab)
            self.boards_tab.new_board()
        elif what == "board" and value.isdigit():
            self.tabs.setCurrentWidget(self.boards_tab)
            self.boards_tab.tree.select_id(int(value))
        elif what == "add-member":
            self.tabs.setCurrentWidget(self.boards_tab)
            if not directory.people:
                self.tabs.setCurrentWidget(self.contacts_tab)
                self.contacts_tab.add()
                return
            needing = next(
                (b for b in directory.boards if b.member_count == 0 or b.missing_roles), None
            )
            if needing is not None:
                self.boards_tab.tree.select_id(needing.id)
            if self.boards_tab.current_board() is not None:
                self.boards_tab.add_member()

    def add(self) -> None:
        """Ctrl+N adds to whichever tab is showing."""
        tab = self.tabs.currentWidget()
        if tab is self.boards_tab:
            self.boards_tab.add()
        elif tab is self.contacts_tab:
            self.contacts_tab.add()
        else:
            self.priority_tab.add()

    def focus_search(self) -> None:
        tab = self.tabs.currentWidget()
        panel = self.boards_tab.members if tab is self.boards_tab else tab.panel  # type: ignore[attr-defined]
        panel.focus_search()
