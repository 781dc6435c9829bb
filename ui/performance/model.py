"""What the Performance page shows, worked out without a window: filtering, grouping, and each
measure's chart in plain numbers (scaled once, so painting is only drawing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendboard.domain.measures import Point, Status, trajectory
from sendboard.domain.wording import counted
from sendboard.services.measures import MeasureView

ALL = ""


@dataclass(frozen=True)
class ChartData:
    """A measure's chart in unit coordinates: x and y from 0 to 1 (y up)."""

    values: tuple[tuple[float, float], ...]
    line: tuple[tuple[float, float], ...]
    milestones: tuple[tuple[float, float, str], ...]  # x, y, short label ("12m")
    low: float
    high: float


def _short(label: str) -> str:
    return label.split("-")[0] + "m" if label.endswith("-month target") else label[:4]


def chart_data(view: MeasureView) -> ChartData:
    baseline = (
        Point(view.baseline_date, view.baseline_value)
        if view.baseline_date is not None and view.baseline_value is not None
        else None
    )
    line = trajectory(baseline, view.milestones)
    days = [v.period_end for v in view.values] + [p.day for p in line]
    numbers = [v.value for v in view.values] + [p.value for p in line]
    if not days:
        return ChartData((), (), (), 0.0, 1.0)
    first, last = min(days), max(days)
    low, high = min(numbers), max(numbers)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return (day - first).days / span

    def y(value: float) -> float:
        return (value - low) / (high - low)

    return ChartData(
        values=tuple((x(v.period_end), y(v.value)) for v in view.values),
        line=tuple((x(p.day), y(p.value)) for p in line),
        milestones=tuple((x(m.due), y(m.value), _short(m.label)) for m in view.milestones),
        low=low,
        high=high,
    )


@dataclass(frozen=True)
class Card:
    view: MeasureView
    chart: ChartData

    @property
    def status(self) -> Status:
        return self.view.status

    @property
    def caption(self) -> str:
        latest = self.view.latest
        shown = f"{self.view.shown(latest.value)} at {latest.period}" if latest else "No values yet"
        return f"{shown} · {self.view.assessment.trend.label}"


@dataclass(frozen=True)
class Group:
    title: str
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class Filters:
    area: str = ALL  # an area code, or ALL
    status: Status | None = None
    text: str = ""
    slipping_only: bool = False


class DashboardModel:
    """The measures, filtered and grouped by priority area (worst status first in each)."""

    def __init__(self) -> None:
        self.cards: tuple[Card, ...] = ()
        self.filters = Filters()

    def set_measures(self, views: tuple[MeasureView, ...]) -> None:
        self.cards = tuple(Card(v, chart_data(v)) for v in views)

    def areas(self) -> list[tuple[str, str]]:
        """(code, label) of each priority area that has measures."""
        seen = {c.view.area_code: c.view.area_label for c in self.cards}
        return sorted(seen.items())

    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for card in self.cards:
            counts[card.status] += 1
        return counts

    def _shown(self, card: Card) -> bool:
        f = self.filters
        if f.area and card.view.area_code != f.area:
            return False
        if f.status is not None and card.status is not f.status:
            return False
        if f.slipping_only and not card.view.slippage:
            return False
        if f.text:
            words = f"{card.view.reference} {card.view.name} {card.view.owner_name}".lower()
            return all(w in words for w in f.text.lower().split())
        return True

    def groups(self) -> tuple[Group, ...]:
        shown = [c for c in self.cards if self._shown(c)]
        by_area: dict[str, list[Card]] = {}
        for card in sorted(shown, key=lambda c: (c.view.area_code or "~", c.view.reference)):
            by_area.setdefault(card.view.area_label, []).append(card)
        return tuple(
            Group(title, tuple(sorted(cards, key=lambda c: (c.status.rank, c.view.reference))))
            for title, cards in by_area.items()
        )

    def summary(self) -> str:
        shown = sum(len(g.cards) for g in self.groups())
        counts = self.counts()
        parts = [f"{counts[s]} {s.label.lower()}" for s in Status if counts[s]]
        slipping = sum(1 for c in self.cards if c.view.slippage)
        text = f"{shown} of {counted(len(self.cards), 'measure')} shown — " + ", ".join(parts)
        if slipping:
            text += f"; {slipping} with slippage"
        return text
