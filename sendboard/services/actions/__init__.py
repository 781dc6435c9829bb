"""The action and impact log: one import point for the front end and the command line.

The work is split by responsibility: views (what goes in and out), queries, mutations, updates,
settings (highlight thresholds), and spreadsheets in and out (`io`, with `export`, `headings`,
`import_rows` and `lookup`). The window and the command line call this module; `queries` is
also read directly by the Home dashboard.
"""

from __future__ import annotations

from sendboard.domain.actions import ActionSource, ActionStatus
from sendboard.domain.highlights import HighlightThresholds, PartnerHighlight
from sendboard.services.actions.io import (
    EXPORT_HEADINGS,
    IMPORT_ALIASES,
    export_actions,
    import_actions,
    preview_import,
)
from sendboard.services.actions.mutations import (
    attach_evidence,
    close_action,
    create_action,
    save_evidence,
    set_status,
    supersede_action,
    update_action,
)
from sendboard.services.actions.queries import (
    ActionLog,
    action_history,
    action_options,
    get_action,
    list_actions,
    list_partner_highlights,
    load_log,
    update_round,
)
from sendboard.services.actions.settings import get_thresholds, save_thresholds
from sendboard.services.actions.updates import add_update
from sendboard.services.actions.views import (
    ActionDetail,
    ActionInput,
    ActionOptions,
    ActionUpdateView,
    ActionView,
    AgendaOption,
    EvidenceFileView,
    Option,
    UpdateInput,
)

__all__ = [
    "EXPORT_HEADINGS",
    "IMPORT_ALIASES",
    "ActionDetail",
    "ActionInput",
    "ActionLog",
    "ActionOptions",
    "ActionSource",
    "ActionStatus",
    "ActionUpdateView",
    "ActionView",
    "AgendaOption",
    "EvidenceFileView",
    "HighlightThresholds",
    "Option",
    "PartnerHighlight",
    "UpdateInput",
    "action_history",
    "action_options",
    "add_update",
    "attach_evidence",
    "close_action",
    "create_action",
    "export_actions",
    "get_action",
    "get_thresholds",
    "import_actions",
    "list_actions",
    "list_partner_highlights",
    "load_log",
    "preview_import",
    "save_evidence",
    "save_thresholds",
    "set_status",
    "supersede_action",
    "update_action",
    "update_round",
]
