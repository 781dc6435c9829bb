"""A small meeting with a realistic agenda, papers and actions, for pack tests."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from sendboard.domain.meetings import Purpose, StandingItem
from sendboard.services.common.workspace import Database
from sendboard.store.files import store_bytes
from sendboard.store.models import (
    Action,
    AgendaItem,
    Board,
    Meeting,
    Paper,
    Person,
    PriorityArea,
)


def paper_pdf(title: str, pages: int, landscape: bool = False) -> bytes:
    buffer = io.BytesIO()
    size = (842, 595) if landscape else (595, 842)
    canvas = Canvas(buffer, pagesize=size)
    for page in range(1, pages + 1):
        canvas.setFont("Helvetica", 18)
        canvas.drawString(72, size[1] - 120, f"{title} body page {page}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(paper_pdf("Secret", 1))))
    writer.encrypt("letmein")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


#: (title, lead, purpose, standing, exempt, papers as (title, pages))
AGENDA = [
    ("Welcome, apologies and declarations", "Dr Margaret Ellery", None, False, []),
    ("Action and impact log", "Zoë Hartley", StandingItem.ACTION_LOG, False, []),
    ("Risk register", "Łukasz Nowak", StandingItem.RISK_REGISTER, False, []),
    ("Priority area progress", "Helen Marsh", StandingItem.PRIORITY_UPDATES, False, []),
    ("Finance and sufficiency report", "Siân Pritchard", None, False, [("Finance", 3)]),
    ("Provider contract dispute", "Siân Pritchard", None, True, [("Contract dispute", 2)]),
    ("Any other business", "Dr Margaret Ellery", None, False, []),
]
FINANCE_ITEM = 5
EXEMPT_ITEM = 6


def afternoon_meeting(board: Board, days_ahead: int, venue: str) -> Meeting:
    """A two-hour board meeting at 14:00 some days from now: what the pack tests and the pack
    benchmark both put an agenda on."""
    start = (datetime.now() + timedelta(days=days_ahead)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    return Meeting(
        board=board,
        title="Improvement Board",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        venue=venue,
    )


def make_meeting(db: Database, days_ahead: int = 14) -> int:
    """Add a meeting to the demo board with the agenda above and a few actions."""
    with db.write() as session:
        board = session.scalars(select(Board).where(Board.name == "SEND Improvement Board")).one()
        people = {p.name: p for p in session.scalars(select(Person))}
        meeting = afternoon_meeting(board, days_ahead, "Kingsmere Civic Centre, Committee Room 2")
        session.add(meeting)
        for position, (title, lead, standing, exempt, papers) in enumerate(AGENDA):
            item = AgendaItem(
                meeting=meeting,
                position=position,
                title=title,
                lead=lead,
                purpose=Purpose.DECISION if papers else Purpose.DISCUSSION,
                minutes=15,
                exempt=exempt,
                standing=standing,
            )
            session.add(item)
            for paper_title, pages in papers:
                stored = store_bytes(session, paper_pdf(paper_title, pages), "application/pdf")
                session.add(Paper(item=item, title=paper_title, file=stored))
        areas = list(session.scalars(select(PriorityArea).order_by(PriorityArea.code)))
        owners = ["Siân Pritchard", "Zoë Hartley", "Łukasz Nowak"]
        have = set(session.scalars(select(Action.reference)))
        for n in range(1, 7):
            if f"IB-{n:03d}" in have:
                continue
            session.add(
                Action(
                    reference=f"IB-{n:03d}",
                    title=f"Reduce waiting times for assessment, step {n}",
                    priority_area=areas[n % len(areas)],
                    owner=people[owners[n % 3]],
                    original_due=date(2026, 6, n),
                )
            )
        session.flush()
        return meeting.id


def add_paper(
    db: Database, meeting_id: int, item_position: int, title: str, data: bytes, late: bool = False
) -> None:
    with db.write() as session:
        item = session.scalars(
            select(AgendaItem).where(
                AgendaItem.meeting_id == meeting_id, AgendaItem.position == item_position
            )
        ).one()
        stored = store_bytes(session, data, "application/pdf")
        session.add(Paper(item=item, title=title, file=stored, late=late))
