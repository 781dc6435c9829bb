"""Writing the self-assessment to a file: Word (.docx), or the stocktake meeting's pack (.pdf)
with the self-assessment and its evidence appendix as an agenda item."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sendboard.errors import SendboardError
from sendboard.services.settings import get_settings
from sendboard.services.stocktake.assessment import draft_assessment
from sendboard.store.database import Database


def write_assessment(db: Database, meeting_id: int, out: Path, today: date | None = None) -> Path:
    """The .docx self-assessment, or (for .pdf) the stocktake's pack, not recorded as issued."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".docx":
        from sendboard.outputs.stocktake.docx import write_docx

        assessment = draft_assessment(db, meeting_id, today)
        return write_docx(assessment, out, author=get_settings(db).secretary_name)
    if suffix == ".pdf":
        from sendboard.services.packs import make_pack

        make_pack(db, meeting_id, out)
        return out
    raise SendboardError(f"{out.name}: choose a .docx or .pdf file name.")
