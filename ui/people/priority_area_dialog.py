"""Add or edit a priority area of the improvement plan."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from sendboard.domain.governance import BoardKind
from sendboard.errors import ValidationError
from sendboard.services.boards import BoardView, priority_areas
from sendboard.services.boards.priority_areas import PriorityAreaInput, PriorityAreaView
from sendboard.services.people import PersonView
from ui.common.record_combo import NO_MATCH, RecordCombo
from ui.common.record_dialog import RecordDialog, Save
from ui.context import AppContext


class PriorityAreaDialog(RecordDialog):
    def __init__(
        self,
        ctx: AppContext,
        all_boards: Sequence[BoardView],
        people: Sequence[PersonView],
        area: PriorityAreaView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, f"Edit {area.code}" if area else "Add priority area", parent)
        self.area = area
        self.code = QLineEdit(area.code if area else "")
        self.code.setPlaceholderText("e.g. P6")
        self.code.setMaximumWidth(120)
        self.title = QLineEdit(area.title if area else "")
        self.description = QPlainTextEdit(area.description if area else "")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(72)
        self.responsible_bodies = QLineEdit(area.responsible_bodies if area else "")
        self.responsible_bodies.setPlaceholderText("e.g. Council, ICB, Schools")
        self.lead = RecordCombo("Not set", searchable=True)
        self.lead.set_choices(((p.name, p.id) for p in people), area.lead_id if area else None)
        # Sub-groups first: a priority area is usually worked on by one.
        ordered = sorted(all_boards, key=lambda b: b.kind != BoardKind.SUB_GROUP)
        self.sub_group = RecordCombo("Not set")
        self.sub_group.set_choices(
            ((b.name, b.id) for b in ordered), area.sub_group_id if area else None
        )
        self.add_field("code", "&Code", self.code)
        self.add_field("title", "&Title", self.title)
        self.add_field("description", "&Description", self.description)
        self.add_field("responsible_bodies", "&Responsible bodies", self.responsible_bodies)
        self.add_field("lead_id", "&Lead", self.lead)
        self.add_field("sub_group_id", "Sub-&group", self.sub_group)
        if area is not None:
            self.edits("PriorityArea", area.id, area.version)

    def input(self) -> PriorityAreaInput:
        lead = self.lead.value()
        if lead is NO_MATCH:
            raise ValidationError("Choose the lead from the list, or leave it not set.", "lead_id")
        return PriorityAreaInput(
            code=self.code.text(),
            title=self.title.text(),
            description=self.description.toPlainText(),
            responsible_bodies=self.responsible_bodies.text(),
            lead_id=lead,
            sub_group_id=self.sub_group.value(),
        )

    def save_call(self) -> Save:
        data, db = self.input(), self.ctx.db
        if self.area is None:
            return lambda: priority_areas.create_priority_area(db, data)
        area_id = self.area.id
        return lambda: priority_areas.update_priority_area(db, area_id, data)
