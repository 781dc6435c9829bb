"""Performance measures: what each measures, its baseline, its 3/6/12/24-month targets from the
notice date and further milestones, the values reported each period, and its status against
the target trajectory (on track, at risk, off track), slippage in words and trend.

The window and the command line may call:
- reading: `list_measures`, `get_measure`, `measure_history`, `get_notice_date`;
- changing: `create_measure`, `update_measure`, `delete_measure`, `record_values`,
  `set_notice_date`, `set_action_milestones` (and `get_action_milestones`);
- spreadsheets: `export_measures`, `export_values`, `preview_import`, `import_measures`;
Reporting up (highlight reports, escalations) is `sendboard.services.escalations`.
The rules themselves (periods, trajectory, status) are in `sendboard.domain.measures`.
"""

from __future__ import annotations

from sendboard.services.measures.action_milestones import (
    ActionMilestoneView,
    get_action_milestones,
    set_action_milestones,
)
from sendboard.services.measures.editing import (
    FurtherMilestone,
    MeasureInput,
    create_measure,
    delete_measure,
    input_from,
    update_measure,
)
from sendboard.services.measures.notice import get_notice_date, set_notice_date
from sendboard.services.measures.sheet_export import export_measures, export_values
from sendboard.services.measures.sheet_import import import_measures, preview_import
from sendboard.services.measures.values import EntryResult, ValueEntry, record_values
from sendboard.services.measures.views import (
    MeasureView,
    PeriodValue,
    TargetView,
    ValueRow,
    get_measure,
    list_measures,
    measure_history,
)

__all__ = [
    "ActionMilestoneView",
    "EntryResult",
    "FurtherMilestone",
    "MeasureInput",
    "MeasureView",
    "PeriodValue",
    "TargetView",
    "ValueEntry",
    "ValueRow",
    "create_measure",
    "delete_measure",
    "export_measures",
    "export_values",
    "get_action_milestones",
    "get_measure",
    "get_notice_date",
    "import_measures",
    "input_from",
    "list_measures",
    "measure_history",
    "preview_import",
    "record_values",
    "set_action_milestones",
    "set_notice_date",
    "update_measure",
]
