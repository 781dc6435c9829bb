"""The demo's Improvement Notice and its requirements (parsed from the notice's text as a
secretary would paste it), links from the action log, measures and risks, a dozen co-production
events, and the judgements of the stocktake already held, which the next one is compared with.

Requirement 2h (alternative provision) is left with nothing linked, so the coverage view and
the self-assessment have a flag to show.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from sendboard.demo import DemoContext
from sendboard.demo.stocktake_text import ACTION_LINKS, EVENTS, MEASURE_LINKS, NOTICE, RISK_LINKS
from sendboard.demo.timeline import add_months
from sendboard.domain.brag import Brag
from sendboard.domain.meetings import MeetingKind
from sendboard.domain.stocktake.engagement import join_groups, split_groups
from sendboard.domain.stocktake.judgement import Movement, movement
from sendboard.services.measures.notice import read_notice_date
from sendboard.services.stocktake.coverage import read_coverage
from sendboard.services.stocktake.requirements import COUNCIL_KEY, draft_from_text
from sendboard.store.models import (
    Action,
    AssessmentEntry,
    EngagementEvent,
    Measure,
    Meeting,
    PriorityArea,
    Requirement,
    RequirementEvidence,
    Risk,
    Setting,
)

#: Paragraphs that only describe the notice: no action is expected to answer them.
UNTRACKED = {"1"}
#: The held stocktake's judgements: most Amber a year in, a few Red, one Green.
HELD = {"2a": Brag.GREEN, "2d": Brag.RED, "2e": Brag.RED, "2h": Brag.RED, "5b": Brag.GREEN}


def build(ctx: DemoContext) -> None:
    session = ctx.session
    rng = random.Random(f"kingsmere-stocktake-{ctx.size}")
    issued = read_notice_date(session) or add_months(ctx.today, -12)
    text = NOTICE.format(issued=f"{issued.day} {issued:%B %Y}")
    draft = draft_from_text(text)
    session.merge(Setting(key=COUNCIL_KEY, value=draft.council))
    requirements = {}
    for position, row in enumerate(draft.requirements):
        record = Requirement(
            reference=row.reference,
            text=row.text,
            heading=row.heading,
            tracked=row.tracked and row.reference not in UNTRACKED,
            position=position,
        )
        requirements[row.reference] = record
    session.add_all(requirements.values())
    areas = {a.code: a for a in session.scalars(select(PriorityArea))}
    _links(ctx, requirements, areas)
    requirements["4"].evidence.append(
        RequirementEvidence(
            title="Invitation compliance record exported for the stocktake",
            note="Every Improvement Board invitation with the time it went to each adviser.",
            added_on=ctx.today - timedelta(days=7),
        )
    )
    _events(ctx, rng, requirements, areas)
    _held_assessment(ctx, requirements)


def _links(
    ctx: DemoContext, requirements: dict[str, Requirement], areas: dict[str, PriorityArea]
) -> None:
    session = ctx.session
    actions = sorted(
        session.scalars(select(Action)), key=lambda a: (a.priority_area_id or 0, a.reference)
    )
    by_area: dict[int | None, list[Action]] = {}
    for action in actions:
        by_area.setdefault(action.priority_area_id, []).append(action)
    used: dict[int, int] = {}
    for reference, wanted in ACTION_LINKS.items():
        for code, count in wanted:
            pool = by_area.get(areas[code].id, [])
            start = used.get(areas[code].id, 0)
            chosen = pool[start : start + count] or pool[:count]
            used[areas[code].id] = start + count
            requirements[reference].actions.extend(chosen)
    measures = list(session.scalars(select(Measure).order_by(Measure.reference)))
    for reference, codes in MEASURE_LINKS.items():
        ids = {areas[c].id for c in codes}
        requirements[reference].measures.extend(m for m in measures if m.priority_area_id in ids)
    risks = list(session.scalars(select(Risk).order_by(Risk.reference)))
    for reference, codes in RISK_LINKS.items():
        ids = {areas[c].id for c in codes}
        requirements[reference].risks.extend([r for r in risks if r.priority_area_id in ids][:3])


def _events(
    ctx: DemoContext,
    rng: random.Random,
    requirements: dict[str, Requirement],
    areas: dict[str, PriorityArea],
) -> None:
    held = []
    for event in EVENTS:
        first = add_months(ctx.today, -event[0])
        day = min(first + timedelta(days=rng.randint(2, 24)), ctx.today - timedelta(days=1))
        held.append((day, event))
    held.sort(key=lambda pair: pair[0])
    for number, (day, event) in enumerate(held, start=1):
        _months, form, title, who, count, said, changed, codes, refs = event
        ctx.session.add(
            EngagementEvent(
                reference=f"E{number:02d}",
                held_on=day,
                format=form,
                title=title,
                participants=join_groups(split_groups(who)),
                number=count,
                said=said,
                changed=changed,
                areas=[areas[c] for c in codes],
                requirements=[requirements[r] for r in refs],
            )
        )


def _held_assessment(ctx: DemoContext, requirements: dict[str, Requirement]) -> None:
    stocktakes = sorted(
        (m for m in ctx.made.get("meetings", []) if m.kind is MeetingKind.STOCKTAKE),  # type: ignore[attr-defined]
        key=lambda m: m.starts_at,
    )
    held = [m for m in stocktakes if m.starts_at.date() < ctx.today]
    if not held:
        return
    meeting: Meeting = held[-1]
    ctx.session.flush()
    moment = _moment(meeting.starts_at.date())
    # what the data suggested on the day the judgements were saved, kept beside them
    suggested = {
        row.id: row.suggestion.rag
        for row in read_coverage(ctx.session, moment.date(), as_it_stood=True)
    }
    for reference, record in requirements.items():
        if not record.tracked:
            continue
        judgement = HELD.get(reference, Brag.AMBER)
        ctx.session.add(
            AssessmentEntry(
                meeting_id=meeting.id,
                requirement_id=record.id,
                suggested=suggested[record.id],
                judgement=judgement,
                reason=_reason(suggested[record.id], judgement),
                narrative=_narrative(judgement, reference),
                recorded_by="Jack Lindqvist",
                recorded_at=moment,
            )
        )


def _reason(suggested: Brag, judgement: Brag) -> str:
    """Why the held stocktake's judgement differs from what the data suggested ('' if not)."""
    moved = movement(suggested, judgement)
    if moved is Movement.WORSE:
        return "Families and schools do not yet feel the change the figures show."
    if moved is Movement.BETTER:
        return "The board saw the work in hand; the figures lag behind it."
    return ""


def _narrative(judgement: Brag, reference: str) -> str:
    return {
        Brag.GREEN: "Arrangements in place and working; evidence reviewed by the board.",
        Brag.RED: "Not yet improving: the plan for this requirement was reset at the board.",
    }.get(judgement, f"Work under way on {reference}; early signs of impact, not yet secure.")


def _moment(day: date):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, time

    return datetime.combine(day - timedelta(days=14), time(10), tzinfo=UTC)
