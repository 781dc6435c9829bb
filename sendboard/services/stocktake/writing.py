"""Writing the self-assessment to a file: Word (.docx), or the stocktake meeting's pack (.pdf)
with the self-assessment and its evidence appendix as an agenda item, issued like any pack."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sendboard.errors import SendboardError
from sendboard.services.common.changes import Outcome
from sendboard.services.settings import get_settings
from sendboard.services.stocktake.assessment import draft_assessment
from sendboard.store.database import Database

if TYPE_CHECKING:  # packs read the self-assessment, so they are imported when used
    from sendboard.services.packs import PackBuildView


def write_assessment(db: Database, meeting_id: int, out: Path, today: date | None = None) -> Path:
    """The self-assessment as a Word document (.docx); it records nothing."""
    out = Path(out)
    if out.suffix.lower() == ".docx":
        from sendboard.outputs.stocktake.docx import write_docx

        assessment = draft_assessment(db, meeting_id, today)
        return write_docx(assessment, out, author=get_settings(db).secretary_name)
    if out.suffix.lower() == ".pdf":
        raise SendboardError(
            f"{out.name}: the PDF is the stocktake's pack, issued with `issue_pack`."
        )
    raise SendboardError(f"{out.name}: choose a .docx or .pdf file name.")


def issue_pack(db: Database, meeting_id: int, out: Path) -> Outcome[PackBuildView]:
    """The stocktake meeting's pack (.pdf), the self-assessment in it, recorded as issued with
    a copy kept, like every pack issued from the Pack tab or `sendboard pack`."""
    from sendboard.services.packs import build_pack

    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise SendboardError(f"{out.name}: the pack is a PDF; choose a .pdf file name.")
    draft_assessment(db, meeting_id)  # refuses a meeting that is not a DfE stocktake
    return build_pack(db, meeting_id, out)
