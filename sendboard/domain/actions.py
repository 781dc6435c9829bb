"""Action statuses, where an action came from, and how references are numbered."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum


class ActionStatus(StrEnum):
    OPEN = "open"
    COMPLETE = "complete"  # delivered; the board has not yet agreed to close it
    CLOSED = "closed"  # the board agreed it is done
    SUPERSEDED = "superseded"  # replaced by another action

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def finished(self) -> bool:
        return self is not ActionStatus.OPEN

    @classmethod
    def parse(cls, text: str) -> ActionStatus | None:
        """Read a status from a cell or form; blank is None."""
        key = " ".join(text.lower().replace("-", " ").split())
        if not key:
            return None
        for status in cls:
            if key in (status.value, *_STATUS_WORDS[status]):
                return status
        raise ValueError(f"'{text}' is not a status; use Open, Complete, Closed or Superseded")


_STATUS_WORDS = {
    ActionStatus.OPEN: ("in progress", "ongoing", "not started", "live", "active", "new"),
    ActionStatus.COMPLETE: ("completed", "done", "delivered"),
    ActionStatus.CLOSED: ("closed", "close", "signed off"),
    ActionStatus.SUPERSEDED: ("replaced", "merged"),
}


class ActionSource(StrEnum):
    """Where an action was agreed: at a meeting (and agenda item) or in the improvement plan."""

    IMPROVEMENT_PLAN = "improvement_plan"
    MEETING = "meeting"

    @property
    def label(self) -> str:
        return {"improvement_plan": "Improvement plan", "meeting": "Meeting"}[self.value]


#: Prefix of references for actions outside any priority area.
GENERAL_PREFIX = "A"


def reference_prefix(area_code: str | None) -> str:
    return (area_code or GENERAL_PREFIX).strip().upper()


def next_reference(area_code: str | None, existing: Iterable[str]) -> str:
    """The next free reference in an area: P2.01, P2.02, … (two digits, more when needed)."""
    prefix = reference_prefix(area_code)
    pattern = re.compile(rf"^{re.escape(prefix)}\.(\d+)$", re.IGNORECASE)
    numbers = [int(m.group(1)) for ref in existing if (m := pattern.match(ref.strip()))]
    return f"{prefix}.{max(numbers, default=0) + 1:02d}"


def reference_key(reference: str) -> tuple[str | int, ...]:
    """Natural sort key, so P2.9 comes before P2.10 and P10.01 after P9.01."""
    parts = re.split(r"(\d+)", reference.strip().upper())
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))
