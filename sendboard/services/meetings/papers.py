"""Papers for agenda items: PDFs kept inside the database, in versions that are never thrown away.

A paper is identified on its item by its title; attaching a new version adds a row with the next
version number and leaves the earlier ones in place, so what was circulated can always be shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.working_days import key_dates
from sendboard.errors import SendboardError, ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.store.database import Database
from sendboard.store.files import file_bytes, store_path
from sendboard.store.models import AgendaItem, Paper

PDF_MAGIC = b"%PDF"


@dataclass(frozen=True)
class PaperView:
    id: int
    agenda_item_id: int
    title: str
    version: int
    original_name: str
    added_at: datetime
    late: bool
    size: int
    sha256: str

    @property
    def label(self) -> str:
        suffix = " (late)" if self.late else ""
        return f"{self.title} v{self.version}{suffix}"


def _view(paper: Paper) -> PaperView:
    return PaperView(
        id=paper.id,
        agenda_item_id=paper.agenda_item_id,
        title=paper.title,
        version=paper.version,
        original_name=paper.original_name,
        added_at=paper.added_at,
        late=paper.late,
        size=paper.file.size,
        sha256=paper.file.sha256,
    )


def latest_papers(item: AgendaItem) -> tuple[PaperView, ...]:
    """The newest version of each paper on an item, in the order they were first attached."""
    newest: dict[str, Paper] = {}
    for paper in item.papers:
        held = newest.get(paper.title)
        if held is None or paper.version > held.version:
            newest[paper.title] = paper
    first_seen = {p.title: p.id for p in reversed(item.papers)}
    ordered = sorted(newest.values(), key=lambda p: first_seen[p.title])
    return tuple(_view(p) for p in ordered)


def _check_pdf(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(PDF_MAGIC))
    except OSError as exc:
        raise ValidationError(f"{path.name} could not be read ({exc.strerror}).", "path") from exc
    if head != PDF_MAGIC:
        raise ValidationError(
            f"{path.name} is not a PDF file. Save or export the paper as PDF, then attach that.",
            "path",
        )


def _is_late(item: AgendaItem, today: date) -> bool:
    meeting = item.meeting
    issue = key_dates(meeting.starts_at, meeting.board.papers_deadline_days).pack_issue
    return today > issue


def _add(session: Session, item: AgendaItem, path: Path, title: str, today: date) -> Paper:
    if item.meeting.status is MeetingStatus.CANCELLED:
        raise ValidationError("This meeting was cancelled; papers can no longer be added.")
    _check_pdf(path)
    stored = store_path(session, path)
    if stored.id is None:  # newly stored: it is a PDF whatever the file was called
        stored.media_type = "application/pdf"
    version = session.scalar(
        select(func.max(Paper.version)).where(Paper.agenda_item_id == item.id, Paper.title == title)
    )
    paper = Paper(
        item=item,
        title=title,
        version=(version or 0) + 1,
        file=stored,
        original_name=path.name,
        late=_is_late(item, today),
    )
    session.add(paper)
    session.flush()
    return paper


def attach_paper(
    db: Database, item_id: int, path: Path, title: str = "", today: date | None = None
) -> Outcome[PaperView]:
    """Attach a PDF to an agenda item; its title defaults to the file name without .pdf."""
    name = validation.clean(title) or validation.clean(path.stem.replace("_", " "))
    with db.write() as session:
        item = load(session, AgendaItem, item_id, "That agenda item no longer exists.")
        taken = session.scalar(
            select(Paper.id).where(Paper.agenda_item_id == item_id, Paper.title == name)
        )
        if taken is not None:
            raise ValidationError(
                f"This item already has a paper called '{name}'; add a new version of it instead.",
                "title",
            )
        paper = _add(session, item, path, name, today or clock.today())
        return outcome(_view(paper), Area.MEETINGS, Area.PACKS)


def add_version(
    db: Database, paper_id: int, path: Path, today: date | None = None
) -> Outcome[PaperView]:
    """Add the next version of a paper; earlier versions are kept."""
    with db.write() as session:
        paper = _load(session, paper_id)
        newer = _add(session, paper.item, path, paper.title, today or clock.today())
        return outcome(_view(newer), Area.MEETINGS, Area.PACKS)


def _load(session: Session, paper_id: int) -> Paper:
    return load(session, Paper, paper_id, "That paper no longer exists.")


def list_versions(db: Database, paper_id: int) -> list[PaperView]:
    """Every version of the paper, newest first."""
    with db.read() as session:
        paper = _load(session, paper_id)
        query = (
            select(Paper)
            .where(Paper.agenda_item_id == paper.agenda_item_id, Paper.title == paper.title)
            .order_by(Paper.version.desc())
        )
        return [_view(p) for p in session.scalars(query)]


def paper_bytes(db: Database, paper_id: int) -> bytes:
    with db.read() as session:
        return file_bytes(session, _load(session, paper_id).file_id)


def export_paper(db: Database, paper_id: int, target: Path) -> Path:
    """Write a paper's PDF to `target` (a file, or a folder to put it in under its own name)."""
    with db.read() as session:
        paper = _load(session, paper_id)
        content = file_bytes(session, paper.file_id)
        name = paper.original_name or f"{paper.title}.pdf"
        if paper.version > 1:
            stem = Path(name).stem
            name = f"{stem} v{paper.version}.pdf"
    destination = target / name if target.is_dir() else target
    try:
        destination.write_bytes(content)
    except OSError as exc:
        raise SendboardError(
            f"The paper could not be saved to {destination} ({exc.strerror})."
        ) from exc
    return destination
