"""The requirements of the Improvement Notice that one action, measure or risk answers: ticked in
a list, from that record's own page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from sendboard.services import stocktake
from sendboard.services.common.changes import Outcome
from sendboard.services.stocktake import Choice
from ui.common.checklist import Checklist, choice_items
from ui.common.errors import show_error
from ui.common.record_dialog import RecordDialog
from ui.context import AppContext


class RequirementPicker(RecordDialog):
    """The requirements of the notice one action, measure or risk answers."""

    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        item: Choice,
        requirements: tuple[Choice, ...],
        linked: tuple[int, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, f"Requirements {item.reference} answers", parent)
        self.kind, self.item = kind, item
        self.resize(760, 560)
        heading = QLabel(f"<b>{item.reference}</b> {item.title}")
        heading.setWordWrap(True)
        self.form.addRow(heading)
        self.requirements = Checklist(
            "The notice's &requirements it answers", "pick-requirements", counted="linked"
        )
        self.requirements.set_items(choice_items(requirements), linked)
        self.extra.addWidget(self.requirements, 1)
        if not requirements:
            self.requirements.list.addItem(
                "The notice has no requirements yet: enter them on the Stocktake page."
            )

    def save_call(self) -> Callable[[], Outcome[tuple[int, ...]]]:
        kind, item_id, ticked = self.kind, self.item.id, self.requirements.ticked()
        return lambda: stocktake.set_requirements_of(self.ctx.db, kind, item_id, ticked)


def open_picker(ctx: AppContext, parent: QWidget, kind: str, item: Choice) -> None:
    """Read what the picker needs in the background, then show it for the item."""

    def read() -> tuple[tuple[Choice, ...], tuple[int, ...]]:
        return stocktake.requirement_choices(ctx.db), stocktake.requirements_of(
            ctx.db, kind, item.id
        )

    ctx.tasks.run(
        read,
        on_done=lambda found: RequirementPicker(ctx, kind, item, *found, parent=parent).start(),
        on_error=lambda exc: show_error(parent, exc),
    )
