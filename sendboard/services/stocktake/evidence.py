"""The evidence gathered automatically for a stocktake, over the window since the previous one.

Each source reads one area through its own services and returns one section of the evidence
appendix (or None when it has nothing to say). `SOURCES` is the order they print in; the
writers print whatever sections they are given, so a new source needs no change to them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain.actions import ActionStatus
from sendboard.domain.brag import Brag
from sendboard.domain.governance import BoardKind
from sendboard.domain.invitations import Attendance
from sendboard.domain.measures import Status
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.minutes import MinutesStatus
from sendboard.domain.stocktake.judgement import percent, share
from sendboard.domain.wording import counted
from sendboard.outputs.stocktake.content import EvidenceSection, Table
from sendboard.services import minutes as minutes_service
from sendboard.services.actions.queries import build_views
from sendboard.services.actions.settings import read_thresholds
from sendboard.services.measures.views import read_measures
from sendboard.services.meetings import compliance
from sendboard.services.stocktake.coverage import risk_score
from sendboard.services.stocktake.engagement import read_events
from sendboard.store.database import Database
from sendboard.store.models import Board, Invitation, Meeting, PriorityArea, Risk

ATTENDED = (Attendance.PRESENT, Attendance.SUBSTITUTE, Attendance.IN_ATTENDANCE)


@dataclass(frozen=True)
class Window:
    """After `since` (None: from the start) up to and including `until`."""

    since: date | None
    until: date
    today: date
    #: A held stocktake's window: figures as they stood at the end of `until`, not now.
    as_it_stood: bool = False

    @property
    def as_at(self) -> date | None:
        return self.until if self.as_it_stood else None

    def holds(self, day: date | None) -> bool:
        return day is not None and (self.since is None or day > self.since) and day <= self.until


def _improvement_boards(session: Session) -> list[Board]:
    return list(
        session.scalars(
            select(Board).where(Board.kind == BoardKind.IMPROVEMENT_BOARD).order_by(Board.name)
        )
    )


def governance(db: Database, window: Window) -> EvidenceSection | None:
    """Meetings held, and at how many every required adviser was invited before the start."""
    with db.read() as session:
        boards = [(b.id, b.name) for b in _improvement_boards(session)]
    lines, rows = [], []
    now = datetime.combine(window.today, time(23, 59))
    for board_id, name in boards:
        report = compliance.build_report(db, board_id, now)
        inside = [r for r in report.rows if window.holds(r.starts_at.date())]
        held = [r for r in inside if r.status is MeetingStatus.HELD]
        due = [r for r in inside if r.counted]
        compliant = [r for r in due if r.compliant]
        lines.append(
            f"{name}: {counted(len(held), 'meeting')} held; every required adviser invited at "
            f"{share(len(compliant), len(due))} of the meetings due."
        )
        rows += [(f"{r.starts_at:%d/%m/%Y}", name, r.status.label, r.note) for r in inside]
    if not boards:
        return None
    return EvidenceSection(
        "governance",
        "Meetings and invitations to the advisers",
        tuple(lines),
        Table(("Date", "Board", "Status", "Invitations"), tuple(rows)) if rows else None,
    )


def attendance(db: Database, window: Window) -> EvidenceSection | None:
    """Attendance at the Improvement Board's held meetings, by organisation."""
    with db.read() as session:
        ids = [b.id for b in _improvement_boards(session)]
        meetings = session.scalars(
            select(Meeting).where(Meeting.board_id.in_(ids), Meeting.status == MeetingStatus.HELD)
        ).all()
        held = [m.id for m in meetings if window.holds(m.starts_at.date())]
        invitations = session.scalars(
            select(Invitation).where(
                Invitation.meeting_id.in_(held), Invitation.removed_at.is_(None)
            )
        ).all()
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for invitation in invitations:
            organisation = invitation.organisation or "No organisation"
            counts[organisation]["invited"] += 1
            if invitation.attendance in ATTENDED:
                counts[organisation]["attended"] += 1
            elif invitation.attendance is Attendance.APOLOGIES:
                counts[organisation]["apologies"] += 1
    if not counts:
        return None
    rows = tuple(
        (
            name,
            str(c["invited"]),
            str(c["attended"]),
            str(c["apologies"]),
            percent(c["attended"], c["invited"]),
        )
        for name, c in sorted(counts.items())
    )
    total = sum(c["invited"] for c in counts.values())
    came = sum(c["attended"] for c in counts.values())
    return EvidenceSection(
        "attendance",
        "Attendance by organisation",
        (f"{counted(len(held), 'meeting')} held; {share(came, total)} of invitations attended.",),
        Table(("Organisation", "Invited", "Attended", "Apologies", "Share"), rows),
    )


def actions(db: Database, window: Window) -> EvidenceSection | None:
    with db.read() as session:
        views = build_views(
            session, window.today, read_thresholds(session), as_it_stood=window.as_it_stood
        )
        areas = {a.code: a.title for a in session.scalars(select(PriorityArea))}
    if not views:
        return None
    done = (ActionStatus.COMPLETE, ActionStatus.CLOSED)
    completed = [v for v in views if v.status in done and window.holds(v.closed_on)]
    live = [v for v in views if v.status is ActionStatus.OPEN]
    by_rating = Counter(v.progress for v in live)
    lines = (
        f"{counted(len(completed), 'action')} completed in the period.",
        f"Of {counted(len(live), 'open action')}: {by_rating[Brag.GREEN]} on track (G), "
        f"{by_rating[Brag.AMBER]} with some slippage (A), {by_rating[Brag.RED]} off track (R), "
        f"{by_rating[None]} not yet rated.",
    )
    per_area: dict[str, Counter[Brag | None]] = defaultdict(Counter)
    for view in views:
        if view.status is ActionStatus.SUPERSEDED:
            continue
        per_area[view.priority_area_code][Brag.BLUE if view.status in done else view.progress] += 1
    rows = tuple(
        (
            f"{code} {areas.get(code, '')}".strip() or "No priority area",
            *(str(counts[b]) for b in (Brag.BLUE, Brag.GREEN, Brag.AMBER, Brag.RED)),
            str(counts[None]),
        )
        for code, counts in sorted(per_area.items())
    )
    return EvidenceSection(
        "actions",
        "Actions: completed, on track and slipping",
        lines,
        Table(("Priority area", "B", "G", "A", "R", "Not rated"), rows),
    )


def measures(db: Database, window: Window) -> EvidenceSection | None:
    with db.read() as session:
        views = read_measures(session, as_at=window.as_at)
    if not views:
        return None
    counts = Counter(v.status for v in views)
    line = "; ".join(f"{counts[s]} {s.label.lower()}" for s in Status if counts[s])
    rows = tuple(
        (v.reference, v.name, f"{v.status.letter} {v.status.label}", "; ".join(v.slippage))
        for v in views
        if v.status in (Status.AT_RISK, Status.OFF_TRACK) or v.slippage
    )
    return EvidenceSection(
        "measures",
        "Measures against their milestones",
        (f"{counted(len(views), 'measure')}: {line}.",),
        Table(("Measure", "Name", "Status", "Slippage"), rows) if rows else None,
    )


def risks(db: Database, window: Window) -> EvidenceSection | None:
    """Each open risk's residual score at the start of the window and at its end (now, for a
    stocktake ahead)."""
    with db.read() as session:
        held = session.scalars(select(Risk).options(selectinload(Risk.reviews))).all()
        rows, moved = [], Counter()
        for risk in held:
            stood = window.as_at
            if stood is not None and risk.created_on > stood:
                continue
            closed = risk.closed_on
            if stood is not None and closed is not None and closed > stood:
                closed = None  # still open on the day
            if closed is not None and not window.holds(closed):
                continue
            before = [r for r in risk.reviews if window.since and r.reviewed_on <= window.since]
            now_score = risk_score(risk, stood)
            if not before:
                word = "new"
                then = ""
            else:
                last = before[-1]
                then_score = last.residual_likelihood * last.residual_impact
                word = (
                    "reduced"
                    if now_score < then_score
                    else "increased"
                    if now_score > then_score
                    else "unchanged"
                )
                then = str(then_score)
            moved[word] += 1
            rows.append((risk.reference, risk.title, then, str(now_score), word))
    if not rows:
        return None
    line = ", ".join(f"{moved[w]} {w}" for w in ("reduced", "unchanged", "increased", "new"))
    return EvidenceSection(
        "risks",
        "Risks: movement in residual score",
        (f"{counted(len(rows), 'risk')}: {line}.",),
        Table(("Risk", "Title", "Then", "Now", "Movement"), tuple(rows)),
    )


def engagement(db: Database, window: Window) -> EvidenceSection | None:
    with db.read() as session:
        events = [e for e in read_events(session) if window.holds(e.held_on)]
    people = sum(e.number or 0 for e in events)
    changed = sum(1 for e in events if e.changed.strip())
    rows = tuple(
        (
            f"{e.held_on:%d/%m/%Y}",
            f"{e.title} ({e.format.label.lower()})",
            "; ".join(e.participants),
            str(e.number) if e.number is not None else "",
            e.said,
            e.changed,
        )
        for e in events
    )
    return EvidenceSection(
        "engagement",
        "Co-production and engagement: you said, we did",
        (
            f"{counted(len(events), 'co-production and engagement event')} with "
            f"{counted(people, 'participant')}; "
            f"{changed} led to a recorded change.",
        ),
        Table(("Date", "Event", "Who took part", "How many", "You said", "We did"), rows)
        if rows
        else None,
    )


def minutes(db: Database, window: Window) -> EvidenceSection | None:
    """Board by board: the meetings held, how far their minutes have got, and the decisions
    they record (minutes go to reviewers on request, so approved ones are the evidence)."""
    held = [
        m
        for m in minutes_service.list_minutes_meetings(db, window.today)
        if m.meeting_status is MeetingStatus.HELD and window.holds(m.starts_at.date())
    ]
    if not held:
        return None
    decided = Counter(
        d.board
        for d in minutes_service.decision_log(db)
        if window.holds(d.meeting_date) and d.minutes_status is MinutesStatus.APPROVED
    )
    per_board: dict[str, Counter[str]] = defaultdict(Counter)
    for meeting in held:
        counts = per_board[meeting.board_name]
        counts["held"] += 1
        if meeting.status is MinutesStatus.APPROVED:
            counts["approved"] += 1
        elif meeting.status is None:
            counts["none"] += 1
        else:
            counts["waiting"] += 1
    total = Counter[str]()
    for counts in per_board.values():
        total.update(counts)
    rows = tuple(
        (
            board,
            str(c["held"]),
            str(c["approved"]),
            str(c["waiting"]),
            str(c["none"]),
            str(decided[board]),
        )
        for board, c in sorted(per_board.items())
    )
    return EvidenceSection(
        "minutes",
        "Minutes and decisions",
        (
            f"{counted(total['held'], 'meeting')} held across the boards: minutes approved for "
            f"{share(total['approved'], total['held'])}, {total['waiting']} awaiting approval, "
            f"{total['none']} not yet started.",
            f"{counted(sum(decided.values()), 'decision')} recorded in approved minutes.",
        ),
        Table(
            ("Board", "Held", "Minutes approved", "Awaiting approval", "Not started", "Decisions"),
            rows,
        ),
    )


Source = Callable[[Database, Window], EvidenceSection | None]
#: The evidence appendix, in order.
SOURCES: tuple[Source, ...] = (
    governance,
    attendance,
    minutes,
    actions,
    measures,
    risks,
    engagement,
)


def gather_evidence(db: Database, window: Window) -> tuple[EvidenceSection, ...]:
    return tuple(s for s in (source(db, window) for source in SOURCES) if s is not None)
