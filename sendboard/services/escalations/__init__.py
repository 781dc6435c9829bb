"""Reporting up: highlight reports after each sub-group meeting, and escalations to the board
above until it records its response.

The window and the command line may call:
- reading: `list_escalations` (open ones, to a board by name), `awaiting_response` (per
  board, for Home), `escalation_history`,
  `open_for_meeting` (what a meeting's agenda and pack carry), `meeting_reports` (a meeting's
  highlight reports, one per priority area its board oversees), `escalation_choices`;
- changing: `save_highlight_report` (narrative, a fresh snapshot of the figures, escalations
  added and withdrawn), `respond` (the board's response closes an escalation) and
  `escalate_onward` (the board passes it to its own parent).
Risk escalations made in the risk register are kept in step by `records.risk_escalated` and
`records.risk_settled`, so every escalation (action, risk or issue) is one list.
"""

from __future__ import annotations

from sendboard.services.escalations.records import EscalationInput, escalate_onward, respond
from sendboard.services.escalations.reports import (
    AreaReportView,
    Choice,
    HighlightInput,
    MeetingReportsView,
    escalation_choices,
    meeting_reports,
    save_highlight_report,
)
from sendboard.services.escalations.views import (
    AwaitingBoard,
    EscalationView,
    awaiting_response,
    escalation_history,
    list_escalations,
    open_for_meeting,
)

__all__ = [
    "AreaReportView",
    "AwaitingBoard",
    "Choice",
    "EscalationInput",
    "EscalationView",
    "HighlightInput",
    "MeetingReportsView",
    "awaiting_response",
    "escalate_onward",
    "escalation_choices",
    "escalation_history",
    "list_escalations",
    "meeting_reports",
    "open_for_meeting",
    "respond",
    "save_highlight_report",
]
