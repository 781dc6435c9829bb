"""A priority area's figures as they stood on a meeting's day, for its highlight report.

The reader loads the actions (with their updates) and the measures (with their values) once, so
the demo can snapshot every held sub-group meeting without a query per report:

- BRAG counts: the area's actions still on the log that day (open, or finished since the
  sub-group last met) by their latest rating on or before the day; finished actions count Blue;
- completed: actions marked complete or closed since the sub-group last met, up to the day;
- slipping: actions open that day rated Red or Amber, or past their (revised) due date;
- measures off track: the area's measures whose status, from the values of periods ending by
  the day, is off track, with their slippage in words.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from sendboard.domain.actions import ActionStatus, reference_key
from sendboard.domain.brag import Brag
from sendboard.domain.escalations import AreaFigures
from sendboard.domain.measures import Status
from sendboard.services.measures.notice import read_notice_date
from sendboard.services.measures.views import build_view
from sendboard.store.models import Action, Measure, MeasureValue

FINISHED = (ActionStatus.COMPLETE, ActionStatus.CLOSED)


class FiguresReader:
    """Reads every action and measure once; `figures(area, day, since)` then works in memory."""

    def __init__(self, session: Session) -> None:
        self.actions: dict[int | None, list[Action]] = defaultdict(list)
        query = select(Action).options(selectinload(Action.updates))
        for action in session.scalars(query):
            self.actions[action.priority_area_id].append(action)
        measures = session.scalars(
            select(Measure).options(
                joinedload(Measure.priority_area),
                joinedload(Measure.owner),
                selectinload(Measure.targets),
            )
        ).unique()
        self.measures: dict[int | None, list[Measure]] = defaultdict(list)
        for measure in measures:
            self.measures[measure.priority_area_id].append(measure)
        self.values: dict[int, list[MeasureValue]] = defaultdict(list)
        order = (MeasureValue.measure_id, MeasureValue.period_end, MeasureValue.id)
        for row in session.scalars(select(MeasureValue).order_by(*order)):
            self.values[row.measure_id].append(row)
        self.notice = read_notice_date(session)

    def figures(self, area_id: int, day: date, since: date | None) -> AreaFigures:
        counts: dict[str, int] = defaultdict(int)
        completed, slipping = [], []
        for action in sorted(
            self.actions.get(area_id, []), key=lambda a: reference_key(a.reference)
        ):
            if action.raised_on is not None and action.raised_on > day:
                continue
            label = f"{action.reference} {action.title}"
            finished_on = action.closed_on if action.status.finished else None
            if finished_on is not None and finished_on <= day:
                recent = since is None or finished_on > since
                if action.status in FINISHED and recent:
                    completed.append(label)
                if action.status is ActionStatus.COMPLETE or (recent and action.status in FINISHED):
                    counts[Brag.BLUE.value] += 1
                continue
            rating = _rating(action, day)
            counts[rating.value if rating else ""] += 1
            due = action.revised_due or action.original_due
            late = due is not None and due < day
            if rating in (Brag.RED, Brag.AMBER) or late:
                words = [f"{rating.label} ({rating.letter})"] if rating else []
                if due is not None:
                    words.append(("overdue since " if late else "due ") + f"{due:%d/%m/%Y}")
                slipping.append(f"{label} — " + "; ".join(words))
        return AreaFigures(
            counts=dict(counts),
            completed=tuple(completed),
            slipping=tuple(slipping),
            off_track=self._off_track(area_id, day),
        )

    def _off_track(self, area_id: int, day: date) -> tuple[str, ...]:
        found = []
        for measure in sorted(self.measures.get(area_id, []), key=lambda m: m.reference):
            rows = [r for r in self.values.get(measure.id, []) if r.period_end <= day]
            view = build_view(measure, rows, self.notice)
            if view.status is Status.OFF_TRACK:
                why = view.slippage[0] if view.slippage else view.assessment.reason
                found.append(f"{view.reference} {view.name} — {why}")
        return tuple(found)


def _rating(action: Action, day: date) -> Brag | None:
    rated = [u for u in action.updates if u.on <= day]
    return rated[-1].progress if rated else None
