"""The demo's performance measures: about twenty across the five priority areas, each with a
baseline, 3/6/12/24-month targets from the notice date and two years of values.

The notice was issued a year before the build day; values run from a year before it to the
last full month (a term or a quarter for a few). Most measures follow their trajectory; two
fall a little short (at risk) and one has missed its 6-month target (slipping).
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from sendboard.demo import DemoContext
from sendboard.demo.timeline import add_months, month_end
from sendboard.domain.measures import (
    TARGET_MONTHS,
    Direction,
    Frequency,
    Milestone,
    Point,
    expected_at,
    trajectory,
)
from sendboard.domain.measures import add_months as months_after
from sendboard.services.measures.notice import KEY as NOTICE_KEY
from sendboard.store.models import Measure, MeasureTarget, MeasureValue, PriorityArea, Setting

H, L = Direction.HIGHER, Direction.LOWER
M, T, Q = Frequency.MONTHLY, Frequency.TERMLY, Frequency.QUARTERLY
#: area, name, unit, better, frequency, data source, baseline, 24-month target, profile
MEASURES = (
    (
        "P1",
        "Improvement plan actions on track (Green or Blue)",
        "%",
        H,
        M,
        "Action log",
        52,
        90,
        "good",
    ),
    (
        "P1",
        "Board papers issued five working days ahead",
        "%",
        H,
        M,
        "Secretariat records",
        70,
        100,
        "good",
    ),
    (
        "P1",
        "Partner attendance at Board and Delivery Group",
        "%",
        H,
        M,
        "Attendance records",
        74,
        95,
        "risk",
    ),
    (
        "P2",
        "Parents who would recommend the SEND service",
        "%",
        H,
        T,
        "Parent carer survey",
        38,
        65,
        "good",
    ),
    ("P2", "Local Offer page visits", "", H, M, "Web analytics", 4200, 7000, "good"),
    ("P2", "Complaints about SEND upheld", "", L, Q, "Complaints team", 31, 12, "good"),
    (
        "P2",
        "Records shared on the joint case system",
        "%",
        H,
        M,
        "Case system report",
        20,
        85,
        "good",
    ),
    (
        "P3",
        "Jointly funded placements reviewed in time",
        "%",
        H,
        M,
        "Joint funding panel",
        45,
        90,
        "risk",
    ),
    ("P3", "Independent specialist placements", "", L, T, "Placements team", 186, 150, "good"),
    ("P3", "Short breaks packages in place", "", H, Q, "Commissioning team", 310, 380, "good"),
    (
        "P4",
        "Wait for speech and language therapy",
        "weeks",
        L,
        M,
        "Community Health Trust",
        38,
        18,
        "slipping",
    ),
    ("P4", "Wait for a first neurodevelopmental appointment", "weeks", L, M, "ICB", 74, 40, "good"),
    (
        "P4",
        "Persistent absence of pupils with EHC plans",
        "%",
        L,
        T,
        "School census",
        31,
        22,
        "good",
    ),
    ("P4", "Suspensions of pupils with SEN support", "", L, T, "School census", 412, 300, "good"),
    ("P4", "Two-year checks completed", "%", H, Q, "Health visiting", 71, 92, "good"),
    ("P5", "EHC plans issued within 20 weeks", "%", H, M, "SEN2 return", 31, 75, "good"),
    ("P5", "Annual reviews completed on time", "%", H, M, "SEN case system", 42, 85, "good"),
    (
        "P5",
        "EHC plans audited as good or better",
        "%",
        H,
        Q,
        "Quality assurance audit",
        35,
        70,
        "good",
    ),
    ("P5", "Tribunal appeals registered", "", L, Q, "SEND tribunal returns", 44, 25, "good"),
    (
        "P5",
        "Requests for assessment decided within 6 weeks",
        "%",
        H,
        M,
        "SEN case system",
        58,
        95,
        "good",
    ),
)
#: Share of the way to each target at 3, 6, 12 and 24 months.
SHARES = {3: 0.15, 6: 0.3, 12: 0.6, 24: 1.0}


def notice_date(today: date) -> date:
    return add_months(today, -12).replace(day=14)


def _value(
    rng: random.Random, planned: float, base: float, goal: float, profile: str, age: float
) -> float:
    """A value near the plan: `age` is the months since the notice (negative before it)."""
    step = abs(goal - base)
    sign = 1 if goal >= base else -1
    noise = rng.uniform(-0.03, 0.03) * step
    if age < 0:  # before the notice: around the baseline
        return base + noise
    if profile == "risk":  # on plan until the last few months, then a little behind
        behind = 0.05 if age > 9 else -0.02
        return planned - sign * step * behind + noise * 0.3
    if profile == "slipping":  # improved a little, then stalled
        return base + sign * step * min(age, 4) * 0.03 + noise * 0.3
    return planned + sign * step * 0.03 + noise * 0.5


def _rounded(value: float, unit: str, base: float) -> float:
    if unit == "%" or abs(base) < 100:
        return round(value, 1 if unit == "%" else 0)
    return float(round(value))


def build(ctx: DemoContext) -> None:
    session = ctx.session
    rng = random.Random(f"kingsmere-measures-{ctx.size}")  # its own stream: earlier steps unchanged
    areas = {a.code: a for a in session.scalars(select(PriorityArea))}
    notice = notice_date(ctx.today)
    session.merge(Setting(key=NOTICE_KEY, value=notice.isoformat()))
    baseline_day = month_end(add_months(notice, -1))
    first = add_months(notice, -12)
    last = month_end(add_months(ctx.today, -1))
    rows: list[MeasureValue] = []
    counts: dict[str, int] = {}
    copies = 3 if ctx.large else 1
    for copy in range(copies):
        for code, name, unit, better, frequency, source, base, goal, profile in MEASURES:
            area = areas.get(code)
            if area is None:
                continue
            counts[code] = counts.get(code, 0) + 1
            targets = {m: base + (goal - base) * SHARES[m] for m in TARGET_MONTHS}
            measure = Measure(
                reference=f"{code}-M{counts[code]}",
                name=name if copy == 0 else f"{name} ({('North', 'South')[copy - 1]})",
                priority_area=area,
                definition=f"{name}, as reported in the {source.lower()}.",
                unit=unit,
                direction=better,
                data_source=source,
                owner_id=area.lead_id,
                frequency=frequency,
                baseline_value=float(base),
                baseline_date=baseline_day,
                targets=[MeasureTarget(months=m, value=round(v, 1)) for m, v in targets.items()],
            )
            session.add(measure)
            session.flush()
            milestones = [
                Milestone(months_after(notice, m), v, f"{m}-month target")
                for m, v in targets.items()
            ]
            line = trajectory(Point(baseline_day, float(base)), milestones)
            author = area.lead.name if area.lead else "Performance team"
            for end in frequency.periods(first, last):
                if end > last:
                    continue
                age = (end - notice).days / 30.4
                planned = expected_at(line, end)
                value = _value(
                    rng, planned if planned is not None else base, base, goal, profile, age
                )
                rows.append(
                    MeasureValue(
                        measure_id=measure.id,
                        period_end=end,
                        value=_rounded(value, unit, base),
                        entered_by=author,
                        recorded_at=_entered(min(end + timedelta(days=10), ctx.today)),
                    )
                )
    session.add_all(rows)
    ctx.made["measures"] = len(rows)


def _entered(day: date) -> datetime:
    """Values are entered in the second week after the period closes (or by the build day)."""
    return datetime.combine(day, time(10), tzinfo=UTC)
