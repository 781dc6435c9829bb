"""Performance measures: reporting periods, the target trajectory, status, slippage and trend.

A measure starts from a baseline (a value on a day) and has targets at 3, 6, 12 and 24 months
from the date of the Improvement Notice, and any further milestones. Between two of them the
planned value runs in a straight line: the **trajectory**. Against it, the latest value is
- **on track** when it is at or better than the trajectory at its period's end;
- **at risk** when it falls short by no more than a quarter of the improvement planned for the
  stretch it is in (baseline or milestone to the next milestone);
- **off track** when it falls short by more, or when the last milestone that has come due was
  missed and the latest value has still not reached it.
A milestone is assessed by the value of the period its date falls in (or, when that period has
no value but a later one does, the last value before it); a missed one is **slippage**, kept in
the list even after the measure recovers, because the board was told it was missed.

Values are kept per reporting period (monthly, termly, quarterly), each period named by its last
day, so a period written as "Apr-26", "May 2026" or "2026/27 Q1" reads as one day.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

#: The targets every measure has, in months from the notice date.
TARGET_MONTHS = (3, 6, 12, 24)
#: A shortfall up to this share of the planned step is "at risk"; beyond it "off track".
AT_RISK_SHARE = 0.25
#: A change smaller than this share of the measure's scale is "no change".
STEADY_SHARE = 0.01
_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), or the month's last day when it has fewer."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Frequency(StrEnum):
    MONTHLY = "monthly"
    TERMLY = "termly"
    QUARTERLY = "quarterly"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @classmethod
    def parse(cls, text: str) -> Frequency:
        key = " ".join(str(text).lower().split())
        for frequency in cls:
            if key in (frequency.value, frequency.value[:-2], frequency.value.removesuffix("ly")):
                return frequency
        if key in ("month", "term", "quarter"):
            return {"month": cls.MONTHLY, "term": cls.TERMLY, "quarter": cls.QUARTERLY}[key]
        raise ValueError(f"'{text}' is not a reporting frequency; use monthly, termly or quarterly")

    def period_end(self, day: date) -> date:
        """The last day of the period `day` falls in."""
        if self is Frequency.MONTHLY:
            return month_end(day.year, day.month)
        if self is Frequency.QUARTERLY:  # financial-year quarters: Apr–Jun, Jul–Sep, …
            last = ((day.month - 1) // 3 + 1) * 3
            return month_end(day.year, last)
        # school terms: autumn Aug–Dec, spring Jan–Mar, summer Apr–Jul
        if day.month >= 8:
            return date(day.year, 12, 31)
        if day.month <= 3:
            return date(day.year, 3, 31)
        return date(day.year, 7, 31)

    def next_end(self, end: date) -> date:
        """The last day of the period after the one ending on `end`."""
        step = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3}.get(self)
        if step is not None:
            index = end.year * 12 + end.month - 1 + step
            return month_end(index // 12, index % 12 + 1)
        return self.period_end(date(end.year + (end.month == 12), end.month % 12 + 1, 1))

    def previous_end(self, end: date) -> date:
        first = end.replace(day=1)
        index = first.year * 12 + first.month - 2
        return self.period_end(date(index // 12, index % 12 + 1, 1))

    def periods(self, first: date, last: date) -> list[date]:
        """The period ends from the period holding `first` to the one holding `last`."""
        ends, end = [], self.period_end(first)
        while end <= self.period_end(last):
            ends.append(end)
            end = self.next_end(end)
        return ends

    def label_for(self, end: date) -> str:
        """The period as people write it: "Jun 2027", "Q1 2026/27", "Summer term 2027"."""
        if self is Frequency.MONTHLY:
            return f"{_SHORT_MONTHS[end.month - 1]} {end.year}"
        if self is Frequency.QUARTERLY:
            first = end.year if end.month >= 4 else end.year - 1
            quarter = {6: 1, 9: 2, 12: 3, 3: 4}.get(end.month, 0)
            return f"Q{quarter} {first}/{(first + 1) % 100:02d}"
        term = {12: "Autumn", 3: "Spring", 7: "Summer"}.get(end.month, "")
        return f"{term} term {end.year}"


class Direction(StrEnum):
    """Which way is better for a measure."""

    HIGHER = "higher"
    LOWER = "lower"

    @property
    def label(self) -> str:
        return f"{self.value.capitalize()} is better"

    @classmethod
    def parse(cls, text: str) -> Direction:
        key = " ".join(str(text).lower().split())
        for direction in cls:
            if key in (direction.value, direction.label.lower(), direction.value + " better"):
                return direction
        if key in ("up", "increase", "higher is better"):
            return cls.HIGHER
        if key in ("down", "decrease", "lower is better"):
            return cls.LOWER
        raise ValueError(
            f"'{text}' is not a direction; use 'Higher is better' or 'Lower is better'"
        )

    def gain(self, before: float, after: float) -> float:
        """How much better `after` is than `before` (negative when worse)."""
        return after - before if self is Direction.HIGHER else before - after


class Status(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    NO_TARGETS = "no_targets"

    @property
    def label(self) -> str:
        return _STATUS[self][0]

    @property
    def letter(self) -> str:
        return _STATUS[self][1]

    @property
    def colour(self) -> str:
        return _STATUS[self][2]

    @property
    def text_colour(self) -> str:
        return "#ffffff" if self is Status.OFF_TRACK else "#000000"

    @property
    def rank(self) -> int:
        """Worst first: off track, at risk, no data, no targets, on track."""
        return _RANKS.index(self)


_STATUS = {
    Status.ON_TRACK: ("On track", "G", "#2e8b57"),
    Status.AT_RISK: ("At risk", "A", "#f0a020"),
    Status.OFF_TRACK: ("Off track", "R", "#c0392b"),
    Status.NO_DATA: ("No data yet", "–", "#d0d0d0"),
    Status.NO_TARGETS: ("No targets set", "–", "#d0d0d0"),
}
_RANKS = (Status.OFF_TRACK, Status.AT_RISK, Status.NO_DATA, Status.NO_TARGETS, Status.ON_TRACK)


class Trend(StrEnum):
    IMPROVING = "improving"
    WORSENING = "worsening"
    STEADY = "steady"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {
            Trend.IMPROVING: "Improving",
            Trend.WORSENING: "Worsening",
            Trend.STEADY: "No change",
            Trend.UNKNOWN: "Too early to tell",
        }[self]


@dataclass(frozen=True)
class Point:
    day: date  # a baseline's day, or a period's last day
    value: float


@dataclass(frozen=True)
class Milestone:
    due: date
    value: float
    label: str  # "12-month target", "Milestone March 2028"


@dataclass(frozen=True)
class Slippage:
    milestone: Milestone
    value: float
    period: str  # "Jun 2027"
    unit: str = ""

    @property
    def text(self) -> str:
        """'12-month target 60% missed: 48% at Jun 2027'."""
        target = format_value(self.milestone.value, self.unit)
        return (
            f"{self.milestone.label} {target} missed: "
            f"{format_value(self.value, self.unit)} at {self.period}"
        )


@dataclass(frozen=True)
class Assessment:
    status: Status
    reason: str
    trend: Trend
    latest: Point | None = None
    expected: float | None = None  # the trajectory at the latest value's period end
    slippage: tuple[Slippage, ...] = ()


def format_value(value: float | None, unit: str = "") -> str:
    """48% / 12.5 days / 1,204: at most one decimal place, none when whole."""
    if value is None:
        return ""
    rounded = round(value, 1)
    text = f"{rounded:,.0f}" if rounded == int(rounded) else f"{rounded:,.1f}"
    unit = unit.strip()
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def target_milestones(
    notice: date, targets: dict[int, float], further: Iterable[Milestone] = ()
) -> tuple[Milestone, ...]:
    """The 3/6/12/24-month targets set (months -> value) dated from `notice`, and any further
    milestones, in date order."""
    dated = [
        Milestone(add_months(notice, months), value, f"{months}-month target")
        for months, value in targets.items()
    ]
    return tuple(sorted([*dated, *further], key=lambda m: (m.due, m.label)))


def trajectory(baseline: Point | None, milestones: Sequence[Milestone]) -> tuple[Point, ...]:
    """The planned line: the baseline, then each milestone in date order."""
    points = [Point(m.due, m.value) for m in sorted(milestones, key=lambda m: m.due)]
    if baseline is not None and (not points or baseline.day < points[0].day):
        points.insert(0, baseline)
    return tuple(points)


def expected_at(line: Sequence[Point], day: date) -> float | None:
    """The trajectory's value on `day`: between two points on the straight line joining them,
    after the last the last; None before the line starts."""
    if not line or day < line[0].day:
        return None
    for before, after in itertools.pairwise(line):
        if before.day <= day <= after.day:
            span = (after.day - before.day).days
            share = (day - before.day).days / span if span else 1.0
            return before.value + (after.value - before.value) * share
    return line[-1].value


def _step(line: Sequence[Point], day: date) -> float:
    """The improvement planned for the stretch of the line `day` is in (at least a small
    share of the value, so a target to hold a level still has a margin)."""
    for before, after in itertools.pairwise(line):
        if day <= after.day:
            step = abs(after.value - before.value)
            break
    else:
        step = abs(line[-1].value - line[-2].value) if len(line) > 1 else 0.0
    return max(step, abs(line[-1].value) * 0.05, 1e-9)


def missed_milestones(
    milestones: Sequence[Milestone],
    points: Sequence[Point],
    frequency: Frequency,
    direction: Direction,
    unit: str = "",
) -> tuple[Slippage, ...]:
    """Each milestone whose period has a value (or a later one has) and was not reached."""
    ordered = sorted(points, key=lambda p: p.day)
    missed = []
    for milestone in sorted(milestones, key=lambda m: m.due):
        end = frequency.period_end(milestone.due)
        if not ordered or ordered[-1].day < end:
            continue  # its period's value is not in yet
        before = [p for p in ordered if p.day <= end]
        if not before:
            continue
        value = before[-1]
        if direction.gain(milestone.value, value.value) < -1e-9:
            label = frequency.label_for(value.day)
            missed.append(Slippage(milestone, value.value, label, unit))
    return tuple(missed)


def trend(points: Sequence[Point], direction: Direction, scale: float) -> Trend:
    """The latest value against the mean of up to two before it."""
    ordered = sorted(points, key=lambda p: p.day)
    if len(ordered) < 2:
        return Trend.UNKNOWN
    earlier = [p.value for p in ordered[-3:-1]]
    change = direction.gain(sum(earlier) / len(earlier), ordered[-1].value)
    if abs(change) <= max(abs(scale), 1e-9) * STEADY_SHARE:
        return Trend.STEADY
    return Trend.IMPROVING if change > 0 else Trend.WORSENING


def assess(
    *,
    baseline: Point | None,
    milestones: Sequence[Milestone],
    points: Sequence[Point],
    direction: Direction,
    frequency: Frequency,
    unit: str = "",
) -> Assessment:
    """Status, slippage and trend of a measure from its latest value (see the module text)."""
    ordered = sorted(points, key=lambda p: p.day)
    line = trajectory(baseline, milestones)
    values = [p.value for p in (*line, *ordered)]
    scale = (max(values) - min(values)) if len(values) > 1 else (abs(values[0]) if values else 1)
    direction_trend = trend(ordered, direction, scale or 1.0)
    if not ordered:
        return Assessment(Status.NO_DATA, "No values entered yet", direction_trend)
    latest = ordered[-1]
    shown = format_value(latest.value, unit)
    period = frequency.label_for(latest.day)
    if not milestones:
        return Assessment(
            Status.NO_TARGETS, f"{shown} at {period}; no targets set", direction_trend, latest
        )
    slippage = missed_milestones(milestones, ordered, frequency, direction, unit)
    expected = expected_at(line, latest.day)
    if expected is None:
        return Assessment(
            Status.ON_TRACK,
            f"{shown} at {period}, before the first target",
            direction_trend,
            latest,
            None,
            slippage,
        )
    planned = format_value(expected, unit)
    shortfall = -direction.gain(expected, latest.value)
    due = [m for m in milestones if frequency.period_end(m.due) <= latest.day]
    last_due = max(due, key=lambda m: m.due) if due else None
    still_missed = (
        last_due is not None
        and any(s.milestone == last_due for s in slippage)
        and direction.gain(last_due.value, latest.value) < -1e-9
    )
    if still_missed and last_due is not None:
        status = Status.OFF_TRACK
        target = format_value(last_due.value, unit)
        reason = f"{shown} at {period}: {last_due.label} {target} not yet reached"
    elif shortfall <= 1e-9:
        status = Status.ON_TRACK
        reason = f"{shown} at {period} against {planned} planned"
    else:
        share = shortfall / _step(line, latest.day)
        status = Status.AT_RISK if share <= AT_RISK_SHARE else Status.OFF_TRACK
        reason = f"{shown} at {period} against {planned} planned"
    return Assessment(status, reason, direction_trend, latest, expected, slippage)
