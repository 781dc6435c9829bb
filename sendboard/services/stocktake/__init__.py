"""The DfE stocktake: the Improvement Notice's numbered requirements and what answers each
(actions, measures, risks, evidence), the co-production and engagement log, and the council's
self-assessment for each stocktake meeting, in Word and in the stocktake's pack.

The window and the command line may call:
- the notice: `draft_from_text`, `draft_from_file`, `preview_notice`, `save_notice`,
  `get_notice`, `set_notice`, `set_tracked`, `find_requirement`, `requirement_choices`;
- what answers a requirement: `requirement_detail`, `link_choices`, `save_links`, `set_links`,
  `link_by_reference`, `requirements_of`, `set_requirements_of` (from the action, measure or
  risk), `add_evidence`, `save_evidence_file`;
- coverage: `coverage`, `export_coverage`;
- engagement: `list_events`, `create_event`, `update_event` (both with files to attach),
  `delete_event`, `attach_files`, `export_events`, `preview_events`, `import_events`;
- the self-assessment: `list_stocktakes`, `next_stocktake`, `draft_assessment`,
  `save_judgement`, `write_assessment` (.docx), `issue_pack` (the stocktake's pack, .pdf,
  recorded as issued).
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
from sendboard.services.stocktake.links import (
    Choice,
    EvidenceView,
    RequirementDetail,
    find_requirement,
    link_choices,
    requirement_choices,
    requirement_detail,
    requirements_of,
    save_evidence_file,
    save_links,
    set_requirements_of,
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
from sendboard.services.stocktake.writing import issue_pack, write_assessment

__all__ = [
    "Choice",
    "CoverageRow",
    "EngagementInput",
    "EngagementView",
    "EvidenceView",
    "LinkedItem",
    "Notice",
    "NoticeDraft",
    "RequirementDetail",
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
    "find_requirement",
    "get_notice",
    "import_events",
    "issue_pack",
    "link_by_reference",
    "link_choices",
    "list_events",
    "list_stocktakes",
    "next_stocktake",
    "preview_events",
    "preview_notice",
    "requirement_choices",
    "requirement_detail",
    "requirements_of",
    "save_evidence_file",
    "save_judgement",
    "save_links",
    "save_notice",
    "set_links",
    "set_notice",
    "set_requirements_of",
    "set_tracked",
    "update_event",
    "write_assessment",
]
