"""Minutes: from a meeting's agenda to approved minutes, decisions and actions arising.

This area owns the minutes of each meeting (the text per agenda item and the matters arising),
their workflow (draft → sent to the chair → circulated → approved, then locked; errata after
that), the decisions numbered per board and year (IB/2027/14), declarations of interest and the
register of interests they are offered from, and the minutes written to Word, PDF and the next
meeting's pack. Actions arising are created in the action log (services.actions' rules), with
the meeting and item as their source.

The window and the command line may call:
- reading: `list_minutes_meetings`, `overdue_minutes` (drafts past their due date), `get_minutes`,
  `open_minutes` (starts a draft if none);
- writing: `save_section` (autosave), `add_decision`, `update_decision`, `remove_decision`,
  `add_action_arising`, `add_declaration`, `remove_declaration`;
- workflow: `send_to_chair`, `circulate`, `return_to_draft`, `approve` (only at a meeting that
  has been held), `next_meeting_id`, `approval_problem`, `add_erratum`;
- registers: `list_interests`, `add_interest`, `update_interest`, `decision_log`,
  `export_decisions`, `export_interests`;
- files: `export_minutes` (.docx/.pdf, `public=True` for the public copy), `minutes_pdf`.
"""

from __future__ import annotations

from sendboard.domain.minutes import MinutesStatus
from sendboard.services.minutes.document import export_minutes, minutes_pdf
from sendboard.services.minutes.edit import (
    MinutesLocked,
    add_action_arising,
    add_decision,
    add_declaration,
    open_minutes,
    remove_decision,
    remove_declaration,
    save_section,
    update_decision,
)
from sendboard.services.minutes.read import (
    NoMinutes,
    get_minutes,
    list_minutes_meetings,
    overdue_minutes,
)
from sendboard.services.minutes.registers import (
    add_interest,
    decision_log,
    export_decisions,
    export_interests,
    list_interests,
    update_interest,
)
from sendboard.services.minutes.views import (
    ActionArisingInput,
    ActionArisingView,
    Attendance,
    AttendeeView,
    DecisionLogRow,
    DecisionView,
    DeclarationInput,
    DeclarationView,
    ErratumView,
    InterestInput,
    InterestView,
    MinutesListRow,
    MinutesView,
    PreviousMinutes,
    SavedText,
    SectionView,
)
from sendboard.services.minutes.workflow import (
    add_erratum,
    approval_problem,
    approve,
    circulate,
    next_meeting_id,
    return_to_draft,
    send_to_chair,
)

__all__ = [
    "ActionArisingInput",
    "ActionArisingView",
    "Attendance",
    "AttendeeView",
    "DecisionLogRow",
    "DecisionView",
    "DeclarationInput",
    "DeclarationView",
    "ErratumView",
    "InterestInput",
    "InterestView",
    "MinutesListRow",
    "MinutesLocked",
    "MinutesStatus",
    "MinutesView",
    "NoMinutes",
    "PreviousMinutes",
    "SavedText",
    "SectionView",
    "add_action_arising",
    "add_decision",
    "add_declaration",
    "add_erratum",
    "add_interest",
    "approval_problem",
    "approve",
    "circulate",
    "decision_log",
    "export_decisions",
    "export_interests",
    "export_minutes",
    "get_minutes",
    "list_interests",
    "list_minutes_meetings",
    "minutes_pdf",
    "next_meeting_id",
    "open_minutes",
    "overdue_minutes",
    "remove_decision",
    "remove_declaration",
    "return_to_draft",
    "save_section",
    "send_to_chair",
    "update_decision",
    "update_interest",
]
