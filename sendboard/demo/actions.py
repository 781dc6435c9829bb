"""The demo action and impact log: actions per priority area with a history of updates.

Most actions are on track; some slip, some are stuck at Red, some have gone quiet, a few are
finished. Dunmoor College's contributions are the weak ones, so the log highlights that partner.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from sendboard.demo import DemoContext
from sendboard.demo.actions_text import (
    ACTIONS,
    EVIDENCE,
    LOCALITIES,
    REVISION_REASONS,
    UPDATES,
)
from sendboard.domain.actions import ActionSource, ActionStatus
from sendboard.domain.brag import Brag
from sendboard.store.models import Action, ActionUpdate, Organisation, Person, PriorityArea

WEAK_PARTNER = "Dunmoor College"
#: The round of updates made ahead of the December meeting.
LATEST_ROUND = date(2026, 11, 18)
#: The weak partner's actions go through these in turn: two in three are slow.
WEAK_PROFILES = ("stuck", "overdue", "good", "silent", "good", "stuck")
PROFILES = ("good",) * 12 + ("slipping", "stuck", "silent", "overdue", "done", "done")


def _second_wednesday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(2 - first.weekday()) % 7 + 7)


def _cycles(ctx: DemoContext) -> list[tuple[date, int | None]]:
    """When the board met (and so when updates were given), with the meeting where known."""
    board = ctx.made["board"]
    meetings: Any = ctx.made.get("meetings") or []
    held = sorted(
        (m.starts_at.date(), m.id)
        for m in meetings
        if getattr(m, "board_id", None) == board.id and m.starts_at.date() < LATEST_ROUND
    )
    if len(held) < 4:
        held = [(_second_wednesday(2026, month), None) for month in range(1, 12)]
    # The newest updates were written a week after the last meeting, ready for the next one.
    return [*held, (LATEST_ROUND, None)]


def _ratings(profile: str, count: int, rng: Any) -> list[Brag]:
    if count <= 0:
        return []
    if profile == "done":
        return [Brag.GREEN] * (count - 1) + [Brag.BLUE]
    if profile == "slipping":
        return [Brag.GREEN] * max(0, count - 3) + [Brag.AMBER] * min(count, 3)
    if profile == "stuck":
        return (
            [Brag.GREEN, Brag.AMBER][: max(0, count - 2)]
            + [Brag.AMBER] * max(0, count - 4)
            + [Brag.RED] * min(count, 2)
        )
    if profile == "overdue":
        return [Brag.GREEN] * (count - 1) + [Brag.AMBER]
    ratings = [rng.choice((Brag.GREEN, Brag.GREEN, Brag.GREEN, Brag.AMBER)) for _ in range(count)]
    ratings[-2:] = [Brag.GREEN] * len(ratings[-2:])
    return ratings


def _impact(progress: Brag, rng: Any) -> Brag:
    if progress is Brag.BLUE:
        return Brag.GREEN
    if progress is Brag.GREEN:
        return rng.choice((Brag.GREEN, Brag.AMBER))
    return rng.choice((progress, Brag.AMBER))


def build(ctx: DemoContext) -> None:
    session = ctx.session
    rng = ctx.rng
    orgs: dict[str, Organisation] = ctx.made["organisations"]  # type: ignore[assignment]
    people: dict[str, Person] = ctx.made["people"]  # type: ignore[assignment]
    extra: list[Person] = ctx.made["extra_people"]  # type: ignore[assignment]
    areas = sorted(session.scalars(select(PriorityArea)), key=lambda a: a.code)
    cycles = _cycles(ctx)
    partner_pool = [o for name, o in orgs.items() if o.short_name not in ("DfE", "NHSE")]
    partner_pool.remove(orgs[WEAK_PARTNER])
    college_people = [p for p in extra if p.organisation is orgs[WEAK_PARTNER]]
    college_people.append(people["Mark Fenwick"])
    per_area = 64 if ctx.large else 12
    made: list[Action] = []
    weak_count = 0
    for area in areas:
        texts = ACTIONS.get(area.code, ACTIONS["P1"])
        others = [p for p in extra if p.organisation is not orgs[WEAK_PARTNER]]
        owners = [area.lead, *rng.sample(others, k=min(len(others), 10))]
        for n in range(per_area):
            title, target = texts[n % len(texts)]
            if n >= len(texts):
                title = f"{title} ({LOCALITIES[(n // len(texts) - 1) % len(LOCALITIES)]})"
            weak = n % 6 == 3
            profile = rng.choice(PROFILES)
            if weak:
                profile = WEAK_PROFILES[weak_count % len(WEAK_PROFILES)]
                weak_count += 1
            owner = rng.choice(college_people) if weak and n % 12 == 3 else rng.choice(owners)
            partners = rng.sample(partner_pool, k=rng.choice((0, 1, 1, 2)))
            if weak:
                partners.append(orgs[WEAK_PARTNER])
            made.append(_action(ctx, area, title, target, owner, partners, profile, cycles, n))
    session.add_all(made)
    superseded, replacement = made[5], made[len(made) // 2]
    session.flush()
    superseded.status = ActionStatus.SUPERSEDED
    superseded.superseded_by_id = replacement.id
    superseded.closed_on = cycles[-2][0]
    ctx.made["actions"] = made


def _action(
    ctx: DemoContext,
    area: PriorityArea,
    title: str,
    target: str,
    owner: Person,
    partners: list[Organisation],
    profile: str,
    cycles: list[tuple[date, int | None]],
    number: int,
) -> Action:
    rng = ctx.rng
    raised_index = rng.randrange(0, 6)
    raised, raised_meeting = cycles[raised_index]
    if profile == "overdue":
        original_due = date(2026, rng.randint(7, 10), 28)
    else:
        original_due = raised + timedelta(days=rng.randint(330, 520))
    action = Action(
        reference=f"{area.code}.{number + 1:02d}",
        title=title,
        description=f"{title}, as set out in the improvement plan for {area.title.lower()}.",
        priority_area=area,
        board=area.sub_group,
        source=ActionSource.MEETING if raised_meeting else ActionSource.IMPROVEMENT_PLAN,
        meeting_id=raised_meeting,
        owner=owner,
        partners=partners,
        target=target,
        original_due=original_due,
        raised_on=raised,
        status=ActionStatus.OPEN,
    )
    if profile == "good" and rng.random() < 0.15:
        action.revised_due = original_due + timedelta(days=91)
        action.revised_reason = rng.choice(REVISION_REASONS)
    last = len(cycles)
    if profile == "silent":
        last -= rng.randint(2, 4)
    dates = cycles[raised_index + 1 : last]
    text = ""
    for (on, meeting_id), progress in zip(dates, _ratings(profile, len(dates), rng), strict=True):
        text = rng.choice([t for t in UPDATES[progress.letter] if t != text])
        action.updates.append(
            ActionUpdate(
                on=on,
                meeting_id=meeting_id,
                text=text,
                progress=progress,
                impact=_impact(progress, rng),
                evidence=rng.choice(EVIDENCE) if progress is Brag.BLUE else "",
                recorded_at=datetime.combine(on, datetime.min.time()),
            )
        )
    if profile == "done" and dates:
        action.status = ActionStatus.CLOSED if rng.random() < 0.5 else ActionStatus.COMPLETE
        action.closed_on = dates[-1][0]
        action.evidence = rng.choice(EVIDENCE)
    return action
