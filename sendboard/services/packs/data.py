"""Gathers everything a meeting pack shows from live records, as plain `PackContent`.

Each standing section has its own small reader here so a richer source (the action log's
highlights, the risk register's reviews) replaces one function without touching the renderer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain.meetings import MeetingKind, StandingItem
from sendboard.errors import SendboardError
from sendboard.outputs.pack.content import (
    PackContent,
    PackItem,
    PaperDoc,
)
from sendboard.services.common.records import load
from sendboard.services.escalations import pack as escalations_pack
from sendboard.services.escalations.views import for_meeting
from sendboard.services.measures import pack as measures_pack
from sendboard.services.packs import sections as pack_sections
from sendboard.services.packs.sequence import SupplementPlan, naive_utc, plan_supplement
from sendboard.services.risks import pack as risk_pack
from sendboard.services.settings import get_settings
from sendboard.services.stocktake import pack as stocktake_pack
from sendboard.store.database import Database
from sendboard.store.files import file_bytes
from sendboard.store.models import (
    AgendaItem,
    Meeting,
    PackBuild,
    Paper,
)


def gather(
    db: Database,
    meeting_id: int,
    *,
    public: bool = False,
    supplement: bool = False,
    plan: SupplementPlan | None = None,
) -> PackContent:
    """The pack's content. A supplement continues the run of its classification (`plan`, read
    here when not given) and holds the papers attached after the last pack of that run."""
    settings = get_settings(db)
    with db.read() as session:
        meeting = load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")
        if supplement and plan is None:
            plan = plan_supplement(session, meeting_id, public)
        agenda = session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .options(selectinload(AgendaItem.papers))
            .order_by(AgendaItem.position, AgendaItem.id)
        ).all()
        since = plan.since if supplement and plan else None
        items = _items(session, meeting, list(agenda), since, public)
        if not supplement:
            items = _with_previous_minutes(db, session, meeting, items, public)
        if supplement and not items:
            raise NothingLate(NOTHING_LATE)
        standing = {} if supplement else _standing_data(db, meeting_id)
        if "progress" in standing:
            standing["progress"] = escalations_pack.with_reporting_up(
                session,
                meeting,
                standing["progress"],  # type: ignore[arg-type]
            )
        if meeting.kind is MeetingKind.STOCKTAKE and not supplement:
            items = stocktake_pack.with_self_assessment(items)
            standing["self_assessment"] = stocktake_pack.self_assessment(db, meeting_id)
        if supplement and plan:
            version, first_page, earlier = plan.number, plan.first_page, plan.earlier
        else:
            version, first_page, earlier = _next_version(session, meeting_id, public), 1, ()
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
            version=version,
            issued_on=clock.today(),
            items=items,
            public=public,
            supplement=supplement,
            first_page=first_page,
            earlier=earlier,
            **standing,
        )


class NothingLate(SendboardError):
    """A supplement was asked for, but every paper is already in an issued pack of its run.
    (A public supplement whose late papers are all exempt is still built: a notice stands in
    for each, so a public reader learns that papers were added and where they are.)"""


def _next_version(session: Session, meeting_id: int, public: bool) -> int:
    issued = session.scalar(
        select(func.count(PackBuild.id)).where(
            PackBuild.meeting_id == meeting_id,
            PackBuild.supplement.is_(False),
            PackBuild.public.is_(public),
        )
    )
    return (issued or 0) + 1


NOTHING_LATE = (
    "There are no late papers for this meeting: every paper is already in an issued "
    "pack or supplement, so there is nothing for a supplement. Attach the late paper "
    "to its agenda item first, then build the supplement."
)


def _is_late(paper: Paper, since: datetime | None) -> bool:
    """Attached after the last pack of the run was issued, so in none of them."""
    return since is not None and naive_utc(paper.added_at) > since


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
    since: datetime | None,
    public: bool,
) -> tuple[PackItem, ...]:
    """The agenda as the pack shows it; with `since` (a supplement), only the items with papers
    attached after it, holding just those papers. Items keep their agenda numbers. In a public
    pack an exempt item is reduced to what its "not for publication" notice shows."""
    items = []
    clock = meeting.starts_at
    escalated = tuple(e.agenda_line for e in for_meeting(session, meeting))
    for number, item in enumerate(agenda, start=1):
        papers = _latest_versions(list(item.papers))
        if since is not None:
            papers = [p for p in papers if _is_late(p, since)]
            if not papers:
                clock += timedelta(minutes=item.minutes)
                continue
        starts = f"{clock:%H:%M}"
        clock += timedelta(minutes=item.minutes)
        if public and item.exempt:
            items.append(_withheld_item(str(number), item.minutes, starts))
            continue
        items.append(
            PackItem(
                number=str(number),
                title=item.title,
                lead=item.lead,
                purpose=item.purpose.label,
                minutes=item.minutes,
                starts=starts,
                exempt=item.exempt,
                standing=item.standing,
                papers=tuple(_paper_doc(session, p) for p in papers),
                notes=escalated if item.standing is StandingItem.PRIORITY_UPDATES else (),
            )
        )
    return tuple(items)


def _with_previous_minutes(
    db: Database, session: Session, meeting: Meeting, items: tuple[PackItem, ...], public: bool
) -> tuple[PackItem, ...]:
    """The minutes brought to this meeting (draft or approved; the public copy in a public pack),
    usually the previous meeting's, as the papers of its "Minutes of the previous meeting" item,
    unless a paper is attached to it. A stocktake's minutes come with the next ordinary ones."""
    from sendboard.services import minutes
    from sendboard.services.minutes.read import brought_to

    slot = next((i for i in items if i.standing is StandingItem.PREVIOUS_MINUTES), None)
    if slot is None or slot.papers or slot.exempt:
        return items
    papers = []
    for previous_id in brought_to(session, meeting):
        try:
            view = minutes.get_minutes(db, previous_id)
        except minutes.NoMinutes:
            continue
        papers.append(
            PaperDoc(
                title=f"Minutes of {view.meeting_label} ({view.status.label.lower()})",
                version=1,
                data=minutes.minutes_pdf(db, previous_id, public=public),
            )
        )
    if not papers:
        return items
    return tuple(replace(i, papers=tuple(papers)) if i is slot else i for i in items)


def _withheld_item(number: str, minutes: int, starts: str) -> PackItem:
    """An exempt item as a public pack may know it: its number and slot, and that it is exempt.
    Its title, lead and papers never reach the public renderer, so none can leak into print."""
    return PackItem(number=number, title="", minutes=minutes, starts=starts, exempt=True)


def _standing_data(db: Database, meeting_id: int) -> dict[str, object]:
    log = pack_sections.action_log(db)
    standing = {"action_log": log, "progress": pack_sections.priority_progress(log, db)}
    standing["risks"] = risk_pack.pack_register(db, meeting_id)
    standing["dashboard"] = measures_pack.dashboard(db)
    return standing


def _meeting_title(meeting: Meeting) -> str:
    """The meeting's own title, or its date when the title only repeats the board's name."""
    if meeting.title and meeting.title != meeting.board.name:
        return meeting.title
    day = meeting.starts_at
    return f"Meeting of {day.day} {day:%B %Y}"
