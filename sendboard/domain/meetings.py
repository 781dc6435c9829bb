"""Meeting kinds, statuses and agenda purposes."""

from __future__ import annotations

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
