"""Add or edit a board: where it sits, who chairs it, its quorum and papers deadline, and the
statutory roles that must be invited to every meeting."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from sendboard.domain.governance import REQUIRED_BY_NOTICE, BoardKind, StatutoryRole
from sendboard.errors import ValidationError
from sendboard.services import boards
from sendboard.services.boards import BoardInput, BoardView
from sendboard.services.people import PersonView
from ui.common.record_combo import NO_MATCH, RecordCombo
from ui.common.record_dialog import RecordDialog, Save
from ui.context import AppContext

#: The tier a new board usually takes under a parent of each kind.
_CHILD_KIND = {
    BoardKind.IMPROVEMENT_BOARD: BoardKind.DELIVERY_GROUP,
    BoardKind.DELIVERY_GROUP: BoardKind.SUB_GROUP,
    BoardKind.SUB_GROUP: BoardKind.SUB_GROUP,
    BoardKind.SCRUTINY: BoardKind.SUB_GROUP,
}
_ROLE_TEXT = {
    StatutoryRole.DFE_SEND_ADVISER: "DfE SEND ad&viser",
    StatutoryRole.NHSE_ADVISER: "NHS &England adviser",
    StatutoryRole.DFE_CASE_LEAD: "DfE case &lead",
}


def _indented(all_boards: Sequence[BoardView]) -> list[tuple[str, int]]:
    """Board names indented by tier (boards arrive parents first)."""
    depth: dict[int, int] = {}
    choices = []
    for b in all_boards:
        depth[b.id] = depth.get(b.parent_id, -1) + 1 if b.parent_id else 0
        choices.append(("    " * depth[b.id] + b.name, b.id))
    return choices


class BoardDialog(RecordDialog):
    def __init__(
        self,
        ctx: AppContext,
        all_boards: Sequence[BoardView],
        people: Sequence[PersonView],
        board: BoardView | None = None,
        parent_board: BoardView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, f"Edit {board.name}" if board else "New board", parent)
        self.board = board
        self._roles_touched = board is not None
        self.name = QLineEdit(board.name if board else "")
        self.kind = RecordCombo()
        default_kind = (
            _CHILD_KIND[parent_board.kind] if parent_board else BoardKind.IMPROVEMENT_BOARD
        )
        self.kind.set_choices(
            ((k.label, k) for k in BoardKind), board.kind if board else default_kind
        )
        self.parent_board = RecordCombo("None (top level)")
        self.parent_board.set_choices(
            (c for c in _indented(all_boards) if not board or c[1] != board.id),
            board.parent_id if board else (parent_board.id if parent_board else None),
        )
        self.chair = RecordCombo("Not set", searchable=True)
        self.chair.set_choices(((p.name, p.id) for p in people), board.chair_id if board else None)
        self.quorum = QSpinBox()
        self.quorum.setRange(0, 99)
        self.quorum.setSpecialValueText("Not set")
        self.quorum.setValue(board.quorum if board else 0)
        self.deadline = QSpinBox()
        self.deadline.setRange(0, 60)
        self.deadline.setSuffix(" working days before")
        self.deadline.setValue(board.papers_deadline_days if board else 7)
        self.cadence = QLineEdit(board.cadence if board else "")
        self.cadence.setPlaceholderText("e.g. Monthly, second Wednesday, 14:00–16:00")
        self.description = QPlainTextEdit(board.description if board else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(72)
        self.roles = {role: QCheckBox(_ROLE_TEXT[role]) for role in StatutoryRole}
        roles_row = QWidget()
        roles_layout = QHBoxLayout(roles_row)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        for role, box in self.roles.items():
            box.setChecked(role in board.required_roles if board else False)
            box.toggled.connect(self._touch_roles)
            roles_layout.addWidget(box)
        roles_layout.addStretch(1)
        roles_row.setToolTip("Roles whose holders must be invited to every meeting")

        self.add_field("name", "&Name", self.name)
        self.add_field("kind", "&Kind", self.kind)
        self.add_field("parent_id", "&Reports to", self.parent_board)
        self.add_field("chair_id", "&Chair", self.chair)
        self.add_field("quorum", "&Quorum", self.quorum)
        self.add_field("papers_deadline_days", "Papers &deadline", self.deadline)
        self.add_field("cadence", "Meeting c&adence", self.cadence)
        self.add_field("description", "Descr&iption", self.description)
        self.add_field("required_roles", "Must invite", roles_row)
        self.kind.currentIndexChanged.connect(self._default_roles)
        self._default_roles()
        if board is not None:
            self.edits("Board", board.id, board.version)

    def _touch_roles(self) -> None:
        self._roles_touched = True

    def _default_roles(self) -> None:
        """A new Improvement Board must invite the notice's roles, until the user decides."""
        if self._roles_touched:
            return
        wanted = REQUIRED_BY_NOTICE if self.kind.value() == BoardKind.IMPROVEMENT_BOARD else ()
        for role, box in self.roles.items():
            box.blockSignals(True)  # a default is not the user's choice
            box.setChecked(role in wanted)
            box.blockSignals(False)

    def take_theirs(self, column: str, value: object) -> bool:
        if column != "required_roles":
            return super().take_theirs(column, value)
        chosen = set(value) if isinstance(value, list) else set()
        for role, box in self.roles.items():
            box.setChecked(role.value in chosen)
        return True

    def input(self) -> BoardInput:
        chair = self.chair.value()
        if chair is NO_MATCH:
            raise ValidationError(
                "Choose the chair from the list, or leave it not set.", "chair_id"
            )
        return BoardInput(
            name=self.name.text(),
            kind=self.kind.value(),
            parent_id=self.parent_board.value(),
            chair_id=chair,
            quorum=self.quorum.value(),
            papers_deadline_days=self.deadline.value(),
            cadence=self.cadence.text(),
            description=self.description.toPlainText(),
            required_roles=tuple(role for role, box in self.roles.items() if box.isChecked()),
        )

    def save_call(self) -> Save:
        data, db = self.input(), self.ctx.db
        if self.board is None:
            return lambda: boards.create_board(db, data)
        board_id = self.board.id
        return lambda: boards.update_board(db, board_id, data)
