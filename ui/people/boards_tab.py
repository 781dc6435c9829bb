"""Boards tab: the hierarchy on the left; the selected board's details and members on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.wording import counted
from sendboard.services import boards
from sendboard.services.boards import BoardView, MemberView
from ui.common.buttons import set_available
from ui.common.confirm import confirm_remove
from ui.common.errors import show_error
from ui.common.record_dialog import RecordDialog
from ui.common.record_table import RecordPanel
from ui.common.view_state import SplitterMemory
from ui.context import AppContext
from ui.people.board_dialog import BoardDialog
from ui.people.board_summary import BoardSummary, MissingRolesBanner
from ui.people.board_tree import BoardTree
from ui.people.directory import Directory
from ui.people.members_model import MembersModel
from ui.people.membership_dialog import MembershipDialog


class BoardsTab(QWidget):
    members_loaded = Signal(int)  # board id whose members are now shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.directory = Directory()
        self.dialog: RecordDialog | None = None
        self._select_board: int | None = None
        self._shown_board: int | None = None

        self.tree = BoardTree()
        # Short labels keep the tree narrow, leaving the width to the members table.
        self.new_board_button = QPushButton("&New…")
        self.new_board_button.setToolTip("New board or group (Ctrl+N in the tree)")
        self.edit_board_button = QPushButton("Edit b&oard…")
        self.edit_board_button.setToolTip("Edit the selected board (Enter or double-click)")
        self.remove_board_button = QPushButton("Remo&ve")
        self.remove_board_button.setToolTip("Remove the selected board (Delete)")
        tree_buttons = QHBoxLayout()
        for button in (self.new_board_button, self.edit_board_button, self.remove_board_button):
            tree_buttons.addWidget(button)
        tree_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addLayout(tree_buttons)
        left_layout.addWidget(self.tree, 1)

        self.summary = BoardSummary()
        self.banner = MissingRolesBanner()
        self.members = RecordPanel(
            MembersModel(self),
            add_text="&Add member…",
            edit_text="&Edit member…",
            remove_text="Re&move member",
            search_hint="Name, title, organisation, email or role",
            noun="member",
            settings_key="board-members",
            stretch_column=MembersModel.TITLE,
            # Fits a laptop screen: advisers show as such under Board role (their statutory role
            # is on the Contacts tab), former members are greyed with their end date in the
            # tooltip; these columns come back from the heading's right-click menu.
            hidden_columns=(MembersModel.STATUTORY_ROLE, MembersModel.FROM, MembersModel.TO),
            max_widths={
                MembersModel.NAME: 150,
                MembersModel.ORGANISATION: 165,
                MembersModel.EMAIL: 205,
                MembersModel.BOARD_ROLE: 84,
                MembersModel.VOTING: 60,
            },
        )
        members_heading = QLabel("<b>Members</b>")
        self.no_contacts = QLabel(
            "No contacts yet: <a href='people:contacts'>add people on the Contacts tab</a> "
            "(or import your contact list) before adding members."
        )
        self.no_contacts.setObjectName("no-contacts-hint")
        self.no_contacts.setWordWrap(True)
        self.no_contacts.linkActivated.connect(ctx.go)
        self.no_contacts.hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.setSpacing(8)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.banner)
        right_layout.addSpacing(4)
        right_layout.addWidget(members_heading)
        right_layout.addWidget(self.no_contacts)
        right_layout.addWidget(self.members, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 810])
        splitter.setChildrenCollapsible(False)
        self.split_memory = SplitterMemory(splitter, "boards")
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.tree.board_changed.connect(self._board_changed)
        self.tree.edit_requested.connect(self.edit_board)
        self.tree.remove_requested.connect(self.remove_board)
        self.new_board_button.clicked.connect(self.new_board)
        self.edit_board_button.clicked.connect(self.edit_board)
        self.remove_board_button.clicked.connect(self.remove_board)
        self.members.add_requested.connect(self.add_member)
        self.members.edit_requested.connect(self.edit_member)
        self.members.remove_requested.connect(self.remove_member)
        self._board_changed(None)

    # -- loading ----------------------------------------------------------------------------
    def set_directory(self, directory: Directory) -> None:
        self.directory = directory
        select, self._select_board = self._select_board, None
        self.tree.set_boards(directory.boards, select=select)  # announces the board shown

    def current_board(self) -> BoardView | None:
        return self.directory.board(self.tree.current_id())

    def _board_changed(self, board_id: int | None) -> None:
        board = self.directory.board(board_id)
        self.summary.show_board(board)
        self.banner.show_board(board)
        no_board = (
            "select a board in the list first."
            if self.directory.boards
            else "there are no boards yet: add one with New…"
        )
        set_available(self.edit_board_button, board is not None, no_board)
        set_available(self.remove_board_button, board is not None, no_board)
        self._update_add_member(board)
        if board_id != self._shown_board:
            self.members.set_rows([])  # never show one board's members under another's name
        self.load_members()

    def _update_add_member(self, board: BoardView | None) -> None:
        """Add member needs a board and someone to add; the hint says which is missing."""
        if not self.directory.people:
            why = "add contacts first, on the Contacts tab (or import your contact list)."
            self.no_contacts.show()
        else:
            why = "select a board in the list first." if board is None else ""
            self.no_contacts.hide()
        self.members.set_add_enabled(board is not None and bool(self.directory.people), why)

    def load_members(self) -> None:
        board_id = self.tree.current_id()
        if board_id is None:
            self._shown_board = None
            return
        self.ctx.tasks.run(
            lambda: boards.list_members(self.ctx.db, board_id),
            on_done=lambda rows: self._show_members(board_id, rows),
        )

    def _show_members(self, board_id: int, rows: list[MemberView]) -> None:
        if board_id != self.tree.current_id():
            return  # the user has moved on to another board
        self._shown_board = board_id
        self.members.set_rows(rows)
        self.members_loaded.emit(board_id)

    def add(self) -> None:
        """Ctrl+N: a new board when the tree has the focus, otherwise a new member."""
        if self.tree.hasFocus() or self.current_board() is None:
            self.new_board()
        else:
            self.add_member()

    # -- boards -----------------------------------------------------------------------------
    def new_board(self) -> None:
        dialog = BoardDialog(
            self.ctx,
            self.directory.boards,
            self.directory.people,
            parent_board=self.current_board(),
            parent=self,
        )
        self.dialog = dialog.start(self._board_saved)

    def edit_board(self) -> None:
        board = self.current_board()
        if board is not None:
            dialog = BoardDialog(
                self.ctx, self.directory.boards, self.directory.people, board=board, parent=self
            )
            self.dialog = dialog.start(self._board_saved)

    def _board_saved(self, board: BoardView) -> None:
        self._select_board = board.id

    def remove_board(self) -> None:
        board = self.current_board()
        if board is None:
            return
        question = f"Remove the board “{board.name}”?"
        if board.member_count:
            question += f" Its {counted(board.member_count, 'current membership')} go with it."
        if confirm_remove(self, "Remove board", question):
            self.ctx.mutate(
                lambda: boards.delete_board(self.ctx.db, board.id),
                on_error=lambda exc: show_error(self, exc),
            )

    # -- members ----------------------------------------------------------------------------
    def add_member(self) -> None:
        board = self.current_board()
        if board is not None:
            dialog = MembershipDialog(self.ctx, board, self.directory.people, parent=self)
            self.dialog = dialog.start(lambda m: self.members.select_after_reload(m.id))

    def edit_member(self, member: MemberView) -> None:
        board = self.current_board()
        if board is not None:
            dialog = MembershipDialog(
                self.ctx, board, self.directory.people, member=member, parent=self
            )
            self.dialog = dialog.start(lambda m: self.members.select_after_reload(m.id))

    def remove_member(self, member: MemberView) -> None:
        board = self.current_board()
        if board is None:
            return
        role = f" ({member.statutory_role.label})" if member.statutory_role else ""
        question = (
            f"Remove {member.name}{role} from {board.name}? To keep a record that they served, "
            "edit the membership and set an end date instead."
        )
        if confirm_remove(self, "Remove member", question):
            self.ctx.mutate(
                lambda: boards.remove_member(self.ctx.db, member.id),
                on_error=lambda exc: show_error(self, exc),
            )
