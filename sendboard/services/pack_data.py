"""Gathers everything a meeting pack shows from live records, as plain `PackContent`.

Each standing section has its own small reader here so a richer source (the action log's
highlights, the risk register's reviews) replaces one function without touching the renderer.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sendboard.errors import SendboardError
from sendboard.outputs.pack.content import (
    PackContent,
    PackItem,
    PaperDoc,
)
from sendboard.services import pack_sections, risk_pack
from sendboard.services.records import load
from sendboard.services.settings import get_settings
from sendboard.store.database import Database
from sendboard.store.files import file_bytes
from sendboard.store.models import (
    AgendaItem,
    Meeting,
    PackBuild,
    Paper,
)


def gather(
    db: Database, meeting_id: int, *, public: bool = False, supplement: bool = False
) -> PackContent:
    settings = get_settings(db)
    with db.read() as session:
        meeting = load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")
        previous = session.scalars(
            select(PackBuild).where(
                PackBuild.meeting_id == meeting_id,
                PackBuild.supplement == supplement,
                PackBuild.public == public,
            )
        ).all()
        issued_at = last_issue(session, meeting_id)
        agenda = session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .options(selectinload(AgendaItem.papers))
            .order_by(AgendaItem.position, AgendaItem.id)
        ).all()
        items = _items(session, meeting, list(agenda), supplement, issued_at)
        if supplement and not items:
            raise SendboardError(
                "There are no late papers for this meeting, so there is nothing for a "
                "supplement. Mark a paper as late, or attach it after the pack is issued."
            )
        standing = {} if supplement else _standing_data(db)
        return PackContent(
            board=meeting.board.name,
            meeting_title=_meeting_title(meeting),
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            venue=meeting.venue,
            online_link=meeting.online_link,
            classification=settings.classification or "OFFICIAL",
            secretary_name=settings.secretary_name,
            secretary_email=settings.secretary_email,
            secretary_phone=settings.secretary_phone,
            version=len(previous) + 1,
            issued_on=date.today(),
            items=items,
            public=public,
            supplement=supplement,
            **standing,
        )


def last_issue(session: Session, meeting_id: int) -> datetime | None:
    """When the main pack was last issued (UTC, naive); papers added later are late."""
    when = session.scalar(
        select(func.max(PackBuild.built_at)).where(
            PackBuild.meeting_id == meeting_id, PackBuild.supplement.is_(False)
        )
    )
    return _naive_utc(when) if when else None


def _naive_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def _is_late(paper: Paper, issued_at: datetime | None) -> bool:
    return paper.late or (issued_at is not None and _naive_utc(paper.added_at) > issued_at)


def _latest_versions(papers: list[Paper]) -> list[Paper]:
    """One paper per title: its highest version, in the order the papers were first attached."""
    best: dict[str, Paper] = {}
    for paper in papers:
        key = paper.title.strip().lower()
        if key not in best or paper.version > best[key].version:
            best[key] = paper
    return sorted(best.values(), key=lambda p: p.id)


def _paper_doc(session: Session, paper: Paper) -> PaperDoc:
    try:
        data: bytes | None = file_bytes(session, paper.file_id)
    except SendboardError:
        data = None
    return PaperDoc(title=paper.title, version=paper.version, data=data, late=paper.late)


def _items(
    session: Session,
    meeting: Meeting,
    agenda: list[AgendaItem],
    supplement: bool,
    issued_at: datetime | None,
) -> tuple[PackItem, ...]:
    items = []
    clock = meeting.starts_at
    for number, item in enumerate(agenda, start=1):
        papers = _latest_versions(list(item.papers))
        if supplement:
            papers = [p for p in papers if _is_late(p, issued_at)]
            if not papers:
                clock += timedelta(minutes=item.minutes)
                continue
        items.append(
            PackItem(
                number=str(number),
                title=item.title,
                lead=item.lead,
                purpose=item.purpose.label,
                minutes=item.minutes,
                starts=f"{clock:%H:%M}",
                exempt=item.exempt,
                standing=item.standing,
                papers=tuple(_paper_doc(session, p) for p in papers),
            )
        )
        clock += timedelta(minutes=item.minutes)
    return tuple(items)


def _standing_data(db: Database) -> dict[str, object]:
    log = pack_sections.action_log(db)
    standing = {"action_log": log, "progress": pack_sections.priority_progress(log, db)}
    standing["risks"] = risk_pack.pack_register(db)
    return standing


def _meeting_title(meeting: Meeting) -> str:
    """The meeting's own title, or its date when the title only repeats the board's name."""
    if meeting.title and meeting.title != meeting.board.name:
        return meeting.title
    day = meeting.starts_at
    return f"Meeting of {day.day} {day:%B %Y}"
