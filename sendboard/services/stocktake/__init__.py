"""The DfE stocktake: the Improvement Notice's numbered requirements and what answers each
(actions, measures, risks, evidence), the co-production and engagement log, and the council's
self-assessment for each stocktake meeting, in Word and in the stocktake's pack.

The window and the command line may call:
- the notice: `draft_from_text`, `draft_from_file`, `preview_notice`, `save_notice`,
  `get_notice`, `set_notice`, `set_tracked`, `set_links`, `link_by_reference`, `add_evidence`;
- coverage: `coverage`, `export_coverage`;
- engagement: `list_events`, `create_event`, `update_event`, `delete_event`, `attach_files`,
  `export_events`, `preview_events`, `import_events`;
- the self-assessment: `list_stocktakes`, `next_stocktake`, `draft_assessment`,
  `save_judgement`, `write_assessment` (.docx or .pdf).
The rules (numbering, coverage flags, the suggested RAG, movement) are in
`sendboard.domain.stocktake`; the evidence appendix's sources are listed in `evidence.SOURCES`.
"""

from __future__ import annotations

from sendboard.outputs.stocktake.content import RequirementJudgement, SelfAssessment
from sendboard.services.stocktake.assessment import (
    StocktakeMeeting,
    draft_assessment,
    list_stocktakes,
    next_stocktake,
    save_judgement,
)
from sendboard.services.stocktake.coverage import CoverageRow, LinkedItem, coverage, export_coverage
from sendboard.services.stocktake.engagement import (
    EngagementInput,
    EngagementView,
    attach_files,
    create_event,
    delete_event,
    list_events,
    update_event,
)
from sendboard.services.stocktake.engagement_sheet import (
    export_events,
    import_events,
    preview_events,
)
from sendboard.services.stocktake.requirements import (
    Notice,
    NoticeDraft,
    RequirementInput,
    add_evidence,
    draft_from_file,
    draft_from_text,
    get_notice,
    link_by_reference,
    save_notice,
    set_links,
    set_notice,
    set_tracked,
)
from sendboard.services.stocktake.requirements import preview as preview_notice
from sendboard.services.stocktake.writing import write_assessment

__all__ = [
    "CoverageRow",
    "EngagementInput",
    "EngagementView",
    "LinkedItem",
    "Notice",
    "NoticeDraft",
    "RequirementInput",
    "RequirementJudgement",
    "SelfAssessment",
    "StocktakeMeeting",
    "add_evidence",
    "attach_files",
    "coverage",
    "create_event",
    "delete_event",
    "draft_assessment",
    "draft_from_file",
    "draft_from_text",
    "export_coverage",
    "export_events",
    "get_notice",
    "import_events",
    "link_by_reference",
    "list_events",
    "list_stocktakes",
    "next_stocktake",
    "preview_events",
    "preview_notice",
    "save_judgement",
    "save_notice",
    "set_links",
    "set_notice",
    "set_tracked",
    "update_event",
    "write_assessment",
]
