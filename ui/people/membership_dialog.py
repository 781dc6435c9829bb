"""Add someone to a board, or change or end their membership."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QWidget

from sendboard import clock
from sendboard.domain.governance import MemberRole
from sendboard.errors import ValidationError
from sendboard.services import boards
from sendboard.services.boards import BoardView, MembershipInput, MemberView
from sendboard.services.people import PersonView
from ui.common.optional_date import OptionalDateEdit
from ui.common.record_combo import NO_MATCH, RecordCombo
from ui.common.record_dialog import RecordDialog, Save
from ui.context import AppContext


def person_label(person: PersonView) -> str:
    return f"{person.name} — {person.organisation}" if person.organisation else person.name


class MembershipDialog(RecordDialog):
    def __init__(
        self,
        ctx: AppContext,
        board: BoardView,
        people: Sequence[PersonView],
        member: MemberView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = f"Edit membership of {board.name}" if member else f"Add member to {board.name}"
        super().__init__(ctx, title, parent)
        self.board = board
        self.member = member
        self.person = RecordCombo(searchable=True)
        self.person.set_choices(
            ((person_label(p), p.id) for p in people), member.person_id if member else None
        )
        self.person.lineEdit().setPlaceholderText("Type part of a name or organisation")
        self.role = RecordCombo()
        self.role.set_choices(
            ((r.label, r) for r in MemberRole), member.role if member else MemberRole.MEMBER
        )
        self.voting = QCheckBox("&Voting member")
        self.voting.setChecked(member.voting if member else True)
        self.from_date = OptionalDateEdit("C&lear")
        self.from_date.set_value(member.from_date if member else clock.today())
        self.to_date = OptionalDateEdit("Cl&ear")
        self.to_date.set_value(member.to_date if member else None)
        self.to_date.edit.setToolTip("Leave not set while the membership is current")
        self.add_field("person_id", "&Person", self.person)
        self.add_field("role", "&Board role", self.role)
        self.add_field("voting", "", self.voting)
        self.add_field("from_date", "&From", self.from_date)
        self.add_field("to_date", "&To", self.to_date)
        self.role.currentIndexChanged.connect(self._role_changed)
        if member is not None:
            self.edits("Membership", member.id, member.version)

    def _role_changed(self) -> None:
        """An adviser (or officer, or the secretary) does not vote; the other roles do."""
        role = self.role.value()
        if role is not None:
            self.voting.setChecked(MemberRole(role).votes_by_default)

    def input(self) -> MembershipInput:
        person_id = self.person.value()
        if person_id is None or person_id is NO_MATCH:
            raise ValidationError("Choose a person from the list.", "person_id")
        return MembershipInput(
            person_id=person_id,
            board_id=self.board.id,
            role=self.role.value(),
            voting=self.voting.isChecked(),
            from_date=self.from_date.value(),
            to_date=self.to_date.value(),
        )

    def save_call(self) -> Save:
        data, db = self.input(), self.ctx.db
        if self.member is None:
            return lambda: boards.add_member(db, data)
        membership_id = self.member.id
        return lambda: boards.update_member(db, membership_id, data)
