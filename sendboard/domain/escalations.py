"""Reporting up: a sub-group's highlight report per priority area, and what it escalates.

A highlight report holds the figures of its area as they stood at the sub-group's meeting (BRAG
counts of the area's actions, actions completed since the sub-group last met, actions slipping,
measures off track), kept as a snapshot so a later change to the log never rewrites what the
board was told. An escalation is an action, a risk or a free-text issue passed to the board
above, with the reason and the ask; it stays open until that board records its response.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sendboard.domain.brag import Brag
from sendboard.domain.wording import counted
from sendboard.errors import ValidationError

#: The most a reason, an ask or a response may hold (a paragraph or two, not a paper).
LONGEST = 2000


class EscalationKind(StrEnum):
    ACTION = "action"
    RISK = "risk"
    ISSUE = "issue"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class AreaFigures:
    """A priority area's figures on one day: what a highlight report shows and keeps."""

    #: Actions of the area still on the log (open or complete) by latest progress; "" unrated.
    counts: dict[str, int] = field(default_factory=dict)
    #: "P2.04 Publish the local offer" for each action completed since the sub-group last met.
    completed: tuple[str, ...] = ()
    #: "P2.05 Train SENCOs — Red; due 30/06/2026" for each open action rated Red or Amber or
    #: past its due date.
    slipping: tuple[str, ...] = ()
    #: "M07 Annual reviews on time — 12-month target 60% missed: 48% at Jun 2027".
    off_track: tuple[str, ...] = ()

    def count(self, rating: Brag | None) -> int:
        return self.counts.get(rating.value if rating else "", 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def brag_line(self) -> str:
        """'B 2 · G 5 · A 3 · R 1 · not rated 0' (letters, for grey printers)."""
        parts = [f"{b.letter} {self.count(b)}" for b in (Brag.BLUE, Brag.GREEN, Brag.AMBER)]
        parts.append(f"R {self.count(Brag.RED)}")
        parts.append(f"not rated {self.count(None)}")
        return " · ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "counts": dict(self.counts),
            "completed": list(self.completed),
            "slipping": list(self.slipping),
            "off_track": list(self.off_track),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> AreaFigures:
        data = data or {}
        return cls(
            counts={str(k): int(v) for k, v in (data.get("counts") or {}).items()},
            completed=tuple(data.get("completed") or ()),
            slipping=tuple(data.get("slipping") or ()),
            off_track=tuple(data.get("off_track") or ()),
        )


def check_text(value: str, label: str, field_name: str, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(f"{label} is required.", field_name)
    if len(text) > LONGEST:
        raise ValidationError(f"Keep the {label.lower()} under {LONGEST} characters.", field_name)
    return text


def age_words(days: int | None) -> str:
    """'today', '1 day', '23 days'."""
    if days is None:
        return ""
    if days <= 0:
        return "today"
    return counted(days, "day")


def age(raised_on: date, today: date) -> int:
    return (today - raised_on).days
