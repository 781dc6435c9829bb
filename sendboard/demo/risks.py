"""The demo borough's risk register: risks with a review at each 2026 board cycle, and links to
the mitigating actions in the action log (when there is one)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import select

from sendboard.demo import DemoContext
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.risk import DEFAULT_APPETITES, Proximity, RiskStatus
from sendboard.store.models import Action, Board, Person, Risk, RiskAction, RiskAppetite, RiskReview

#: (title, cause, event, consequence, category, priority area, owner, inherent L, inherent I)
RISKS = [
    (
        "EHC needs assessments miss the 20-week deadline",
        "Rising requests and too few educational psychologists",
        "Plans are issued late",
        "Children wait for support; statutory breach reported to DfE",
        "Compliance",
        "P5",
        "Priya Raman",
        5,
        4,
    ),
    (
        "Educational psychology workforce gap persists",
        "National shortage and agency reliance",
        "Vacancies stay unfilled",
        "Advice for assessments is late and costly",
        "Workforce",
        "P5",
        "Priya Raman",
        4,
        4,
    ),
    (
        "High needs block deficit grows beyond the safety valve plan",
        "Demand for specialist places outstrips funding",
        "Deficit exceeds the agreed trajectory",
        "Spending controls cut services; DfE intervention",
        "Financial",
        "P3",
        "Tom Whitcombe",
        5,
        5,
    ),
    (
        "Speech and language therapy waits exceed 18 weeks",
        "Therapist vacancies at the community trust",
        "Waiting lists lengthen",
        "Children's communication needs go unmet",
        "Service delivery",
        "P4",
        "Dr Amrit Sandhu",
        4,
        4,
    ),
    (
        "Neurodevelopmental assessment backlog",
        "Referrals doubled since 2023",
        "Families wait over two years",
        "Needs escalate; complaints and tribunal appeals rise",
        "Service delivery",
        "P4",
        "Dr Amrit Sandhu",
        5,
        4,
    ),
    (
        "Annual reviews not completed on time",
        "Caseloads of SEND officers above 200",
        "Reviews lapse",
        "Plans no longer reflect needs; placements break down",
        "Compliance",
        "P5",
        "Helen Marsh",
        4,
        3,
    ),
    (
        "Parent carer confidence does not improve",
        "Past poor communication",
        "Survey scores stay low",
        "Co-production stalls; reputational damage",
        "Reputational",
        "P2",
        "Grace O'Connell",
        3,
        4,
    ),
    (
        "Joint commissioning strategy not agreed",
        "Different budget cycles of council and ICB",
        "Strategy slips past the notice deadline",
        "Duplicated or missing services",
        "Partnership",
        "P3",
        "Tom Whitcombe",
        3,
        4,
    ),
    (
        "Case management system migration fails",
        "Legacy data quality",
        "Records are lost or wrong after go-live",
        "Statutory deadlines missed; data breach",
        "Data and systems",
        "P2",
        "Helen Marsh",
        3,
        5,
    ),
    (
        "Health advice for EHC assessments is late",
        "Designated clinical officer capacity",
        "Advice misses the six-week limit",
        "Plans are late or lack health provision",
        "Compliance",
        "P4",
        "Dr Amrit Sandhu",
        4,
        3,
    ),
    (
        "Sufficiency of specialist school places",
        "Growth in complex needs",
        "No local place for children who need one",
        "Costly out-of-area placements; children travel far",
        "Service delivery",
        "P3",
        "Tom Whitcombe",
        4,
        4,
    ),
    (
        "Tribunal appeals rise",
        "Quality of plans and decisions",
        "More appeals lodged and lost",
        "Costs, delay and loss of trust",
        "Reputational",
        "P5",
        "Helen Marsh",
        3,
        3,
    ),
    (
        "Safeguarding concerns for children missing education",
        "Part-time timetables not tracked",
        "A child is missing from education",
        "Serious harm to a child",
        "Safeguarding",
        "P4",
        "Zoë Hartley",
        3,
        5,
    ),
    (
        "Leadership turnover in SEND service",
        "Interim managers",
        "Key leaders leave",
        "Improvement plan loses momentum",
        "Workforce",
        "P1",
        "Zoë Hartley",
        3,
        4,
    ),
    (
        "Board does not evidence impact on children",
        "Performance data not joined up",
        "Stocktake finds progress unevidenced",
        "Notice extended or escalated",
        "Compliance",
        "P1",
        "Zoë Hartley",
        3,
        5,
    ),
    (
        "Preparation for adulthood pathways unclear",
        "No shared post-16 offer",
        "Young people leave without a plan",
        "NEET rates rise among young people with SEND",
        "Service delivery",
        "P5",
        "Mark Fenwick",
        3,
        3,
    ),
    (
        "Local offer website out of date",
        "No owner for content",
        "Families find wrong information",
        "Complaints; families miss support",
        "Reputational",
        "P2",
        "Helen Marsh",
        4,
        2,
    ),
    (
        "Mainstream inclusion funding insufficient",
        "Notional SEN budgets stretched",
        "Schools exclude or reduce timetables",
        "More requests for specialist places",
        "Financial",
        "P4",
        "Ruth Adebayo",
        4,
        3,
    ),
    (
        "Data sharing agreement between partners not signed",
        "Information governance concerns",
        "Partners cannot share records",
        "Delays and repeated assessments",
        "Data and systems",
        "P2",
        "Łukasz Nowak",
        3,
        3,
    ),
    (
        "Home to school transport costs overspend",
        "More children placed further away",
        "Budget overspent",
        "Savings taken from other SEND services",
        "Financial",
        "P3",
        "Tom Whitcombe",
        4,
        3,
    ),
    (
        "Mental health support for children with SEND",
        "CAMHS thresholds",
        "Children do not meet thresholds",
        "Crisis presentations increase",
        "Service delivery",
        "P4",
        "Łukasz Nowak",
        4,
        4,
    ),
    (
        "Co-production with young people is tokenistic",
        "No youth forum capacity",
        "Young people's views absent from decisions",
        "Services do not meet their needs",
        "Partnership",
        "P2",
        "Grace O'Connell",
        3,
        3,
    ),
    (
        "Quality assurance of EHC plans inconsistent",
        "No audit framework",
        "Poor plans go unnoticed",
        "Outcomes for children do not improve",
        "Compliance",
        "P5",
        "Priya Raman",
        3,
        4,
    ),
    (
        "Cyber incident disrupts council systems",
        "Sector-wide attacks",
        "Systems unavailable for weeks",
        "Statutory work stops; data exposed",
        "Data and systems",
        "P2",
        "Siân Pritchard",
        2,
        5,
    ),
    (
        "ICB financial recovery reduces therapy commissioning",
        "ICB deficit plan",
        "Therapy contracts cut",
        "Longer waits; plans not delivered",
        "Partnership",
        "P3",
        "Oluwaseun Adeyemi",
        3,
        4,
    ),
]

LARGE_TOPICS = [
    "Recruitment of SEND caseworkers",
    "Attendance of children with SEND",
    "Exclusions of children with EHC plans",
    "Short breaks sufficiency",
    "Alternative provision quality",
    "Personal budgets take-up",
    "Early years SEND support",
    "Transition from primary to secondary",
    "Occupational therapy waits",
    "Autism outreach capacity",
    "Independent school placement costs",
]

CONTROLS = [
    "Weekly performance tracker reviewed by Head of SEND",
    "Recovery plan agreed at Delivery Group",
    "Additional locum capacity funded to March",
    "Escalation protocol with health partners",
    "Monthly budget monitoring with finance business partner",
    "Quality assurance audit of a sample each month",
]


def _cycles(ctx: DemoContext, board: Board) -> list[tuple[date, int | None]]:
    """Review dates: the board's held 2026 meetings if the meetings step made them, else monthly."""
    today = date.today()
    made = ctx.made.get("meetings")
    meetings: Iterable[object] = (
        made.values() if isinstance(made, dict) else made if isinstance(made, list | tuple) else ()
    )
    found = []
    for meeting in meetings:
        starts = getattr(meeting, "starts_at", None)
        if (
            getattr(meeting, "board_id", None) not in (board.id, None)
            and getattr(meeting, "board", None) is not board
        ):
            continue
        if starts is None or getattr(meeting, "status", None) is MeetingStatus.CANCELLED:
            continue
        if starts.year == 2026 and starts.date() <= today:
            found.append((starts.date(), getattr(meeting, "id", None)))
    if found:
        return sorted(found)
    monthly = [_second_wednesday(2026, month) for month in range(1, 13)]
    return [(day, None) for day in monthly if day <= today]


def _second_wednesday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(2 - first.weekday()) % 7 + 7)


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
    cycles = _cycles(ctx, board)
    actions = list(session.scalars(select(Action).order_by(Action.id)))
    reviewer = people.get("Jack Lindqvist")
    made = []
    for number, spec in enumerate(_specs(ctx), start=1):
        title, cause, event, consequence, category, area, owner, il, ii = spec
        start = min(len(cycles) - 1, ctx.rng.choice([0, 0, 0, 1, 2, 3, 5]))
        home = delivery if number % 4 == 0 else board
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
            target_date=date(2027, ctx.rng.randint(1, 12), 1),
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
            for action in ctx.rng.sample(actions, k=min(len(actions), ctx.rng.randint(1, 3))):
                risk.action_links.append(RiskAction(action=action))
        made.append(risk)
    _settle(ctx, made, cycles)
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


def _settle(ctx: DemoContext, risks: list[Risk], cycles: list[tuple[date, int | None]]) -> None:
    """A few risks closed after a good review, and a few escalated from the delivery group."""
    if len(cycles) < 3:
        return
    for risk in risks[2::9][:3]:
        risk.status = RiskStatus.CLOSED
        risk.closed_on = risk.reviews[-1].reviewed_on
    for risk in [r for r in risks if r.board is not None and r.board.parent is not None][1::5][:2]:
        if risk.status is RiskStatus.OPEN and risk.residual_likelihood * risk.residual_impact >= 12:
            risk.status = RiskStatus.ESCALATED
            risk.escalated_to = risk.board.parent
            risk.escalated_on = risk.reviews[-1].reviewed_on
