"""Meeting kinds, statuses and agenda purposes, and where a new agenda item goes."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class MeetingKind(StrEnum):
    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"
    STOCKTAKE = "stocktake"  # the six-monthly DfE review

    @property
    def label(self) -> str:
        return {"stocktake": "DfE stocktake"}.get(self.value, self.value.capitalize())


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    HELD = "held"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Purpose(StrEnum):
    DECISION = "decision"
    DISCUSSION = "discussion"
    INFORMATION = "information"
    ASSURANCE = "assurance"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class StandingItem(StrEnum):
    """Agenda items whose content sendboard renders from live data in the pack."""

    WELCOME = "welcome"
    DECLARATIONS = "declarations"
    PREVIOUS_MINUTES = "previous_minutes"
    ACTION_LOG = "action_log"
    RISK_REGISTER = "risk_register"
    DASHBOARD = "dashboard"
    PRIORITY_UPDATES = "priority_updates"
    AOB = "aob"
    NEXT_MEETING = "next_meeting"
    SELF_ASSESSMENT = "self_assessment"  # a DfE stocktake's self-assessment and evidence


#: The standing items that close a meeting; new items go in before them.
CLOSING_ITEMS = (StandingItem.AOB, StandingItem.NEXT_MEETING)


def new_item_position(standing: Sequence[StandingItem | None]) -> int:
    """Where a new agenda item goes (0-based), given each item's standing kind in order: before
    "Any other business" and "Date of next meeting" when the agenda ends with them, else last."""
    at = len(standing)
    while at > 0 and standing[at - 1] in CLOSING_ITEMS:
        at -= 1
    return at
