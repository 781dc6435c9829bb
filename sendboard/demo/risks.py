"""The demo borough's risk register: risks reviewed at their board's meetings, and links to the
mitigating actions in the action log (when there is one)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from sendboard.demo import DemoContext
from sendboard.demo.cycles import held
from sendboard.demo.risk_catalogue import CONTROLS, LARGE_TOPICS, RISKS
from sendboard.demo.timeline import add_months
from sendboard.domain.risk import DEFAULT_APPETITES, Proximity, RiskStatus
from sendboard.store.models import Action, Board, Person, Risk, RiskAction, RiskAppetite, RiskReview


def _specs(ctx: DemoContext) -> list[tuple]:
    specs = list(RISKS)
    if ctx.large:
        areas = ["P1", "P2", "P3", "P4", "P5"]
        owners = [r[6] for r in RISKS]
        categories = list(DEFAULT_APPETITES)
        for n in range(55):
            topic = LARGE_TOPICS[n % len(LARGE_TOPICS)]
            area = areas[n % len(areas)]
            specs.append(
                (
                    f"{topic} ({area}, locality {n // len(LARGE_TOPICS) + 1})",
                    "Demand and capacity out of balance",
                    f"{topic} falls behind plan",
                    "Children and families wait longer for support",
                    categories[n % len(categories)],
                    area,
                    owners[(n * 7) % len(owners)],
                    ctx.rng.randint(2, 5),
                    ctx.rng.randint(2, 5),
                )
            )
    return specs


def build(ctx: DemoContext) -> None:
    session = ctx.session
    people: dict[str, Person] = ctx.made["people"]  # type: ignore[assignment]
    board: Board = ctx.made["board"]  # type: ignore[assignment]
    delivery: Board = ctx.made["delivery"]  # type: ignore[assignment]
    areas = {a.code: a for a in ctx.made.get("priority_areas", []) or []}  # type: ignore[union-attr]
    if not areas:
        from sendboard.store.models import PriorityArea

        areas = {a.code: a for a in session.scalars(select(PriorityArea))}
    session.flush()
    for category, level in DEFAULT_APPETITES.items():
        session.add(RiskAppetite(category=category, level=level, highest_score=level.default_score))
    board_cycles = {b.id: held(ctx, b) for b in (board, delivery)}
    actions = list(session.scalars(select(Action).order_by(Action.id)))
    reviewer = people.get("Jack Lindqvist")
    made = []
    for number, spec in enumerate(_specs(ctx), start=1):
        title, cause, event, consequence, category, area, owner, il, ii = spec
        home = delivery if number % 4 == 0 else board
        cycles = board_cycles[home.id]
        start = min(len(cycles) - 1, ctx.rng.choice([0, 0, 0, 1, 2, 3, 5]))
        risk = Risk(
            reference=f"R{number:02d}",
            title=title,
            cause=cause,
            event=event,
            consequence=consequence,
            category=category,
            priority_area=areas.get(area),
            board=home,
            owner=people.get(owner) or ctx.rng.choice(list(people.values())),
            inherent_likelihood=il,
            inherent_impact=ii,
            residual_likelihood=il,
            residual_impact=ii,
            controls="; ".join(ctx.rng.sample(CONTROLS, k=2)),
            target_likelihood=max(1, il - 2),
            target_impact=max(1, ii - 1),
            target_date=add_months(ctx.today, ctx.rng.randint(3, 14)),
            proximity=ctx.rng.choice(list(Proximity)),
            status=RiskStatus.OPEN,
            created_on=cycles[start][0] - timedelta(days=ctx.rng.randint(3, 20)),
        )
        session.add(risk)
        rl, ri = max(1, il - 1), ii
        first = RiskReview(
            reviewed_on=risk.created_on,
            inherent_likelihood=il,
            inherent_impact=ii,
            residual_likelihood=rl,
            residual_impact=ri,
            note="Initial assessment",
            reviewer=reviewer,
        )
        risk.reviews.append(first)
        for index, (day, meeting_id) in enumerate(cycles[start:]):
            latest = index == len(cycles[start:]) - 1
            if index and ctx.rng.random() < (0.35 if latest else 0.08):
                continue  # missed this cycle: the register flags it when it is the latest
            rl = min(il, max(1, rl + ctx.rng.choice([-1, -1, 0, 0, 0, 1, 1])))
            ri = min(ii, max(1, ri + ctx.rng.choice([-1, 0, 0, 0, 0, 0, 1])))
            risk.reviews.append(
                RiskReview(
                    reviewed_on=day,
                    meeting_id=meeting_id,
                    inherent_likelihood=il,
                    inherent_impact=ii,
                    residual_likelihood=rl,
                    residual_impact=ri,
                    note=_note(ctx, rl * ri),
                    reviewer=reviewer,
                )
            )
        risk.residual_likelihood, risk.residual_impact = rl, ri
        if actions:
            # Mitigations come from the risk's own priority area where it has actions.
            home_area = areas.get(area)
            pool = [a for a in actions if home_area and a.priority_area_id == home_area.id]
            pool = pool or actions
            for action in ctx.rng.sample(pool, k=min(len(pool), ctx.rng.randint(1, 3))):
                risk.action_links.append(RiskAction(action=action))
        made.append(risk)
    _settle(made)
    ctx.made["risks"] = made


def _note(ctx: DemoContext, value: int) -> str:
    return (
        ctx.rng.choice(
            [
                "Reviewed at board; controls confirmed",
                "Mitigating actions on track",
                "Owner reports slippage in recruitment",
                "Data for the month shows some improvement",
                "Partners asked to strengthen contribution",
            ]
        )
        + f" (residual {value})"
    )


def _settle(risks: list[Risk]) -> None:
    """A few risks closed after a good review. (The demo's escalations, open and answered, are
    made with the highlight reports, so exactly two are open on any day.)"""
    for risk in risks[2::9][:3]:
        risk.status = RiskStatus.CLOSED
        risk.closed_on = risk.reviews[-1].reviewed_on
