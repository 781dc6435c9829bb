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
from sendboard.demo.cycles import held, update_rounds
from sendboard.domain.actions import ActionSource, ActionStatus
from sendboard.domain.brag import Brag
from sendboard.store.models import Action, ActionUpdate, Organisation, Person, PriorityArea

WEAK_PARTNER = "Dunmoor College"
#: The weak partner's actions go through these in turn: two in three are slow.
WEAK_PROFILES = ("stuck", "overdue", "good", "silent", "good", "stuck")
PROFILES = ("good",) * 16 + ("slipping", "stuck", "silent", "overdue", "done", "done")


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
        # Each area's actions sit in its sub-group's log and are updated for its meetings.
        meetings, cycles = held(ctx, area.sub_group), update_rounds(ctx, area.sub_group)
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
            made.append(
                _action(ctx, area, title, target, owner, partners, profile, meetings, cycles, n)
            )
    session.add_all(made)
    superseded, replacement = made[5], made[len(made) // 2]
    session.flush()
    superseded.status = ActionStatus.SUPERSEDED
    superseded.superseded_by_id = replacement.id
    superseded.closed_on = superseded.updates[-1].on if superseded.updates else ctx.today
    ctx.made["actions"] = made


def _action(
    ctx: DemoContext,
    area: PriorityArea,
    title: str,
    target: str,
    owner: Person,
    partners: list[Organisation],
    profile: str,
    meetings: list[tuple[date, int | None]],
    cycles: list[tuple[date, int | None]],
    number: int,
) -> Action:
    """One action raised at one of the sub-group's earlier meetings, updated for each since."""
    rng = ctx.rng
    raised_index = rng.randrange(0, min(6, len(meetings)))
    raised, raised_meeting = meetings[raised_index]
    if profile == "overdue":  # due some weeks or months ago
        original_due = raised + (ctx.today - raised) * rng.uniform(0.5, 0.9)
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
