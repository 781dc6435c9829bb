"""The self-assessment read back from Word (python-docx) and from the stocktake's pack (pypdf):
every requirement with its judgement, and evidence figures that match the data."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import docx
from pypdf import PdfReader
from sqlalchemy import select

from sendboard import clock
from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.minutes import MinutesStatus
from sendboard.services import packs, stocktake
from sendboard.services.common.workspace import Database
from sendboard.store.models import Board, Decision, HandOff, Invitation, Meeting, Minutes

LONDON = ZoneInfo("Europe/London")


def _compliance_share(db: Database, since, until) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Board meetings in the window whose every required role had an invitation handed off
    to a holder before the start, counted straight from the rows."""
    due = compliant = 0
    with db.read() as session:
        board = session.scalar(select(Board).where(Board.kind == BoardKind.IMPROVEMENT_BOARD))
        roles = [r.role for r in board.required_roles]
        for meeting in session.scalars(select(Meeting).where(Meeting.board_id == board.id)):
            day = meeting.starts_at.date()
            if not (since < day <= until):
                continue
            starts = meeting.starts_at.replace(tzinfo=LONDON).astimezone(UTC)
            sent = session.scalars(
                select(HandOff).where(HandOff.meeting_id == meeting.id, HandOff.method != "CANCEL")
            ).all()
            if meeting.status is MeetingStatus.CANCELLED and not sent:
                continue
            if meeting.starts_at > clock.local_now() and not sent:
                continue  # still ahead, invitations not sent yet
            due += 1
            invited = session.scalars(
                select(Invitation).where(Invitation.meeting_id == meeting.id)
            ).all()
            ok = True
            for role in roles:
                emails = {i.email.lower() for i in invited if i.statutory_role == role and i.email}
                ok &= any(
                    _utc(h.at) < starts and emails & {r.lower() for r in h.recipients} for h in sent
                )
            compliant += ok
    return compliant, due


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _forget_one_invitation(db: Database, since) -> None:  # type: ignore[no-untyped-def]
    """The first held board meeting after `since` loses its invitation evidence."""
    with db.write() as session:
        board = session.scalar(select(Board).where(Board.kind == BoardKind.IMPROVEMENT_BOARD))
        held = session.scalars(
            select(Meeting)
            .where(Meeting.board_id == board.id, Meeting.status == MeetingStatus.HELD)
            .order_by(Meeting.starts_at)
        )
        meeting = next(m for m in held if m.starts_at.date() > since)
        for hand_off in session.scalars(select(HandOff).where(HandOff.meeting_id == meeting.id)):
            session.delete(hand_off)


def test_word_self_assessment_reads_back(pinned_demo_db: Database, tmp_path: Path) -> None:
    meeting_id = stocktake.next_stocktake(pinned_demo_db)
    since = stocktake.draft_assessment(pinned_demo_db, meeting_id).period_from
    _forget_one_invitation(pinned_demo_db, since)
    assessment = stocktake.draft_assessment(pinned_demo_db, meeting_id)
    out = stocktake.write_assessment(pinned_demo_db, meeting_id, tmp_path / "sa.docx")
    document = docx.Document(str(out))

    props = document.core_properties
    assert props.title == "Kingsmere Borough Council: self-assessment for the DfE stocktake"
    assert props.language == "en-GB"
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Heading 3"} <= styles
    text = "\n".join(p.text for p in document.paragraphs)

    summary = document.tables[0]
    assert [c.text for c in summary.rows[0].cells] == [
        "Ref",
        "Requirement",
        "Suggested",
        "Judgement",
        "Previous",
        "Movement",
    ]
    header_xml = summary.rows[0]._tr.xml
    assert "w:tblHeader" in header_xml  # repeats on each page
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in summary.rows[1:]}
    assert len(rows) == len(assessment.requirements) >= 19
    for item in assessment.requirements:
        assert rows[item.reference][3] == f"{item.rag.letter} {item.rag.label}"
        assert f"{item.reference}  {item.rag.letter} {item.rag.label}" in text
    # 2h answers to nothing in the demo: flagged in the summary and at the requirement
    assert rows["2h"][2] == "R Red"
    assert "2h: Nothing linked" in text
    # the previous stocktake's judgements are the comparison
    assert rows["2d"][4] == "R Red"

    compliant, due = _compliance_share(pinned_demo_db, assessment.period_from, assessment.period_to)
    assert 0 < compliant < due
    share = f"{compliant} of {due} ({round(100 * compliant / due)}%)"
    assert f"every required adviser invited at {share} of the meetings due" in text
    assert "co-production and engagement events" in text


def _minutes_counts(db: Database, since, until) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """Held meetings in the window, those with approved minutes, and the decisions in them."""
    with db.read() as session:
        held = [
            m
            for m in session.scalars(select(Meeting).where(Meeting.status == MeetingStatus.HELD))
            if since < m.starts_at.date() <= until
        ]
        ids = [m.id for m in held]
        approved = session.scalars(
            select(Minutes.id).where(
                Minutes.meeting_id.in_(ids), Minutes.status == MinutesStatus.APPROVED
            )
        ).all()
        decisions = session.scalars(
            select(Decision.id).where(Decision.minutes_id.in_(approved))
        ).all()
    return len(held), len(approved), len(decisions)


def test_word_self_assessment_has_the_minutes_evidence(
    pinned_demo_db: Database, tmp_path: Path
) -> None:
    meeting_id = stocktake.next_stocktake(pinned_demo_db)
    assessment = stocktake.draft_assessment(pinned_demo_db, meeting_id)
    held, approved, decisions = _minutes_counts(
        pinned_demo_db, assessment.period_from, assessment.period_to
    )
    assert 0 < approved < held and decisions > 0
    out = stocktake.write_assessment(pinned_demo_db, meeting_id, tmp_path / "sa.docx")
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    start = paragraphs.index("Minutes and decisions")
    assert document.paragraphs[start].style.name == "Heading 2"
    share = f"{approved} of {held} ({round(100 * approved / held)}%)"
    assert paragraphs[start + 1].startswith(
        f"{held} meetings held across the boards: minutes approved for {share}"
    )
    assert paragraphs[start + 2] == f"{decisions} decisions recorded in approved minutes."
    table = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["Board", "Held"]
    )
    body = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert sum(int(r[1]) for r in body) == held
    assert sum(int(r[2]) for r in body) == approved
    assert sum(int(r[5]) for r in body) == decisions


def test_stocktake_pack_holds_the_self_assessment(pinned_demo_db: Database, tmp_path: Path) -> None:
    meeting_id = stocktake.next_stocktake(pinned_demo_db)
    assessment = stocktake.draft_assessment(pinned_demo_db, meeting_id)
    issued = stocktake.issue_pack(pinned_demo_db, meeting_id, tmp_path / "pack.pdf").value
    out = tmp_path / "pack.pdf"
    assert [p.id for p in packs.list_packs(pinned_demo_db, meeting_id)] == [issued.id]
    assert issued.pages == len(PdfReader(str(out)).pages)
    reader = PdfReader(str(out))
    assert len(reader.pages) > 5
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert "self-assessment for the DfE stocktake" in flat
    assert "Evidence appendix" in flat
    for item in assessment.requirements:
        assert f"{item.reference} — {item.rag.letter} {item.rag.label}" in flat
    assert "2h: Nothing linked" in flat
    events = [
        e
        for e in stocktake.list_events(pinned_demo_db)
        if assessment.period_from < e.held_on <= assessment.period_to
    ]
    people = sum(e.number or 0 for e in events)
    assert f"{len(events)} co-production and engagement events with {people} participants" in flat


def test_the_demo_stocktake_pack_has_one_self_assessment_item(
    pinned_demo_db: Database, tmp_path: Path
) -> None:
    meeting_id = stocktake.next_stocktake(pinned_demo_db)
    out = tmp_path / "pack.pdf"
    stocktake.issue_pack(pinned_demo_db, meeting_id, out)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages]
    agenda = next(p for p in pages if p.startswith("Agenda"))
    assert agenda.count("self-assessment") == 1
    assert "1 Council self-assessment Siân Pritchard" in agenda
    assert "The council's self-assessment and evidence" not in " ".join(pages)
    assert "4 The council" not in agenda
    # the demo's own item 1 carries the self-assessment
    first = next(i for i, p in enumerate(pages) if p.startswith("1. Council self-assessment"))
    assert "self-assessment for the DfE stocktake" in pages[first]
    assert sum("1. Council self-assessment Lead:" in p for p in pages) == 1
