"""Risk scoring as UK local government practises it: likelihood × impact on a 5×5 matrix.

The default bands follow the scheme most English councils publish in their risk management
strategies (and that internal audit expects to see):

    ======== ======== ================ ===================================================
    Scores   Band     Colour           Usual meaning
    ======== ======== ================ ===================================================
    1–4      Low      green            tolerate; manage by routine procedures
    5–9      Medium   yellow (amber)   manage and monitor; owner reviews each cycle
    10–15    High     orange           active mitigation; reported to the board
    16–25    Very high red             immediate action; escalate to the parent board
    ======== ======== ================ ===================================================

Likelihood runs Rare (1) … Almost certain (5); impact Negligible (1) … Severe (5). Bands are
configurable: any list of contiguous ranges that covers 1–25. Risk appetite uses the HM Treasury
Orange Book levels (averse, minimal, cautious, open, eager), each mapped to the highest score
that is acceptable for a category.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sendboard.errors import ValidationError

SCALE = range(1, 6)
MAX_SCORE = 25

LIKELIHOOD_LABELS = {1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain"}
IMPACT_LABELS = {1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe"}


def check_level(value: object, label: str, field: str | None = None) -> int:
    """A likelihood or impact: a whole number from 1 to 5."""
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        raise ValidationError(f"{label} must be a whole number from 1 to 5 (got {value!r}).", field)
    return value


def score(likelihood: int, impact: int) -> int:
    """Likelihood × impact, each validated to 1–5."""
    return check_level(likelihood, "Likelihood") * check_level(impact, "Impact")


@dataclass(frozen=True)
class Band:
    lowest: int
    highest: int
    label: str
    colour: str  # background, #rrggbb
    text_colour: str = "#000000"

    def contains(self, value: int) -> bool:
        return self.lowest <= value <= self.highest


DEFAULT_BANDS: tuple[Band, ...] = (
    Band(1, 4, "Low", "#7cc47f"),
    Band(5, 9, "Medium", "#ffe066"),
    Band(10, 15, "High", "#f59b42"),
    Band(16, 25, "Very high", "#c0392b", "#ffffff"),
)


def check_bands(bands: Sequence[Band]) -> tuple[Band, ...]:
    """Bands must run from 1 to 25 without gaps or overlaps, each with a label and colour."""
    if not bands:
        raise ValidationError("Give at least one scoring band.", "bands")
    ordered = tuple(sorted(bands, key=lambda b: b.lowest))
    expected = 1
    labels: set[str] = set()
    for band in ordered:
        if band.lowest != expected:
            raise ValidationError(
                f"Band {band.label or '(no label)'} starts at {band.lowest}; "
                f"the bands must cover every score, so it should start at {expected}.",
                "bands",
            )
        if band.highest < band.lowest:
            raise ValidationError(f"Band {band.label} ends before it starts.", "bands")
        if not band.label.strip():
            raise ValidationError("Every band needs a label.", "bands")
        if band.label.lower() in labels:
            raise ValidationError(f"Two bands are called {band.label}.", "bands")
        for colour in (band.colour, band.text_colour):
            if len(colour) != 7 or not colour.startswith("#"):
                raise ValidationError(f"Band {band.label}: '{colour}' is not #rrggbb.", "bands")
        labels.add(band.label.lower())
        expected = band.highest + 1
    if expected != MAX_SCORE + 1:
        raise ValidationError(f"The bands must reach {MAX_SCORE}.", "bands")
    return ordered


@dataclass(frozen=True)
class Rating:
    """A scored cell: likelihood, impact, their product and its band."""

    likelihood: int
    impact: int
    score: int
    band: Band

    @property
    def label(self) -> str:
        return self.band.label

    @property
    def text(self) -> str:
        """Number and label together, e.g. "12 High": readable without colour."""
        return f"{self.score} {self.band.label}"

    @property
    def cell(self) -> str:
        return f"{self.likelihood}×{self.impact}"


@dataclass(frozen=True)
class Matrix:
    """The 5×5 scoring matrix with its bands."""

    bands: tuple[Band, ...] = DEFAULT_BANDS

    def band_for(self, value: int) -> Band:
        for band in self.bands:
            if band.contains(value):
                return band
        raise ValidationError(f"A risk score must be from 1 to {MAX_SCORE} (got {value}).")

    def rate(self, likelihood: int, impact: int) -> Rating:
        value = score(likelihood, impact)
        return Rating(likelihood, impact, value, self.band_for(value))


DEFAULT_MATRIX = Matrix()


class Trend(StrEnum):
    """Movement of the residual score since the previous review."""

    WORSE = "worse"
    BETTER = "better"
    SAME = "same"
    NEW = "new"

    @property
    def arrow(self) -> str:
        return {"worse": "↑", "better": "↓", "same": "→", "new": "•"}[self.value]

    @property
    def words(self) -> str:
        return {
            "worse": "Worsening",
            "better": "Improving",
            "same": "No change",
            "new": "New",
        }[self.value]

    @property
    def text(self) -> str:
        return f"{self.arrow} {self.words}"


def trend(previous: int | None, current: int) -> Trend:
    """Higher score is worse; with no previous review the risk is new."""
    if previous is None:
        return Trend.NEW
    if current > previous:
        return Trend.WORSE
    if current < previous:
        return Trend.BETTER
    return Trend.SAME


class Appetite(StrEnum):
    """HM Treasury Orange Book appetite levels, from least to most willing to take risk."""

    AVERSE = "averse"
    MINIMAL = "minimal"
    CAUTIOUS = "cautious"
    OPEN = "open"
    EAGER = "eager"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def default_score(self) -> int:
        """Highest acceptable residual score unless the board sets another."""
        return {"averse": 4, "minimal": 6, "cautious": 9, "open": 12, "eager": 16}[self.value]

    @classmethod
    def parse(cls, text: str) -> Appetite:
        key = text.strip().lower()
        for level in cls:
            if key == level.value:
                return level
        raise ValueError(f"'{text}' is not an appetite level; use " + ", ".join(cls))


def above_appetite(residual: int, highest_acceptable: int | None) -> bool:
    """Flag a residual score above what the category's appetite accepts."""
    return highest_acceptable is not None and residual > highest_acceptable


#: Categories a SEND partnership register commonly uses, with a starting appetite each.
DEFAULT_APPETITES: dict[str, Appetite] = {
    "Safeguarding": Appetite.AVERSE,
    "Compliance": Appetite.MINIMAL,
    "Financial": Appetite.CAUTIOUS,
    "Service delivery": Appetite.CAUTIOUS,
    "Partnership": Appetite.OPEN,
    "Workforce": Appetite.CAUTIOUS,
    "Reputational": Appetite.MINIMAL,
    "Data and systems": Appetite.CAUTIOUS,
}


class RiskStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    ESCALATED = "escalated"

    @property
    def label(self) -> str:
        return {"escalated": "Escalated to parent board"}.get(self.value, self.value.capitalize())

    @classmethod
    def parse(cls, text: str) -> RiskStatus:
        key = " ".join(text.lower().split())
        if not key or key in ("open", "live", "active", "current"):
            return RiskStatus.OPEN
        if key in ("closed", "close", "retired"):
            return RiskStatus.CLOSED
        if key.startswith("escalat"):
            return RiskStatus.ESCALATED
        raise ValueError(f"'{text}' is not a status; use Open, Closed or Escalated")


class Proximity(StrEnum):
    """When the risk could materialise, if it does."""

    IMMINENT = "imminent"
    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"

    @property
    def label(self) -> str:
        return {
            "imminent": "Imminent (0–3 months)",
            "short": "Short term (3–6 months)",
            "medium": "Medium term (6–12 months)",
            "long": "Long term (over 12 months)",
        }[self.value]

    @classmethod
    def parse(cls, text: str) -> Proximity | None:
        key = text.strip().lower()
        if not key:
            return None
        for level in cls:
            if key == level.value or key == level.label.lower() or key.startswith(level.value):
                return level
        raise ValueError(
            f"'{text}' is not a proximity; use Imminent, Short term, Medium term or Long term"
        )


def parse_cell(text: str) -> tuple[int, int] | None:
    """Read "4x3", "4 × 3" or "L4 I3" as (likelihood, impact); None when it is not that form."""
    match = re.fullmatch(r"\s*l?\s*([1-5])\s*(?:[x×*,/]|\s+i?)\s*i?\s*([1-5])\b.*", text.lower())
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2))


def count_cells(cells: Iterable[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """How many risks sit in each (likelihood, impact) cell; empty cells are absent."""
    counts: dict[tuple[int, int], int] = {}
    for cell in cells:
        counts[cell] = counts.get(cell, 0) + 1
    return counts
