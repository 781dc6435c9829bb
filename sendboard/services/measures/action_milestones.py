"""What an action is to have achieved 3, 6, 12 and 24 months after the notice date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sendboard.domain import validation
from sendboard.domain.measures import TARGET_MONTHS, add_months
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.services.measures.notice import read_notice_date
from sendboard.store.database import Database
from sendboard.store.models import Action, ActionMilestone


@dataclass(frozen=True)
class ActionMilestoneView:
    months: int
    text: str
    due: date | None  # None until the notice date is set

    @property
    def label(self) -> str:
        return f"{self.months}-month milestone"


def get_action_milestones(db: Database, action_id: int) -> tuple[ActionMilestoneView, ...]:
    with db.read() as session:
        load(session, Action, action_id, "That action no longer exists.")
        notice = read_notice_date(session)
        rows = session.scalars(
            select(ActionMilestone)
            .where(ActionMilestone.action_id == action_id)
            .order_by(ActionMilestone.months)
        )
        return tuple(
            ActionMilestoneView(r.months, r.text, add_months(notice, r.months) if notice else None)
            for r in rows
        )


def set_action_milestones(
    db: Database, action_id: int, texts: dict[int, str]
) -> Outcome[tuple[ActionMilestoneView, ...]]:
    """Set the action's milestones (months -> what is to be achieved); a blank text removes one."""
    wrong = sorted(set(texts) - set(TARGET_MONTHS))
    if wrong:
        raise ValidationError(f"Action milestones are at 3, 6, 12 and 24 months, not {wrong[0]}.")
    with db.write() as session:
        load(session, Action, action_id, "That action no longer exists.")
        existing = {
            r.months: r
            for r in session.scalars(
                select(ActionMilestone).where(ActionMilestone.action_id == action_id)
            )
        }
        for months, text in texts.items():
            text = validation.clean(text)
            row = existing.get(months)
            if not text and row is not None:
                session.delete(row)
            elif text and row is None:
                session.add(ActionMilestone(action_id=action_id, months=months, text=text))
            elif text and row is not None and row.text != text:
                row.text = text
    return outcome(get_action_milestones(db, action_id), Area.ACTIONS)
