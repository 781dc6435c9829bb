"""Highlight reports: after a sub-group meeting, one per priority area the sub-group oversees.

The figures are read from the log and the measures as at the meeting's day each time the report
is saved, and kept with it: a later change to an action or a measure does not rewrite what the
board above was told. A report not yet saved shows the figures as they would be kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain.actions import reference_key
from sendboard.domain.escalations import LONGEST, AreaFigures
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.risk import RiskStatus
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.cycles import previous_meeting_start
from sendboard.services.common.records import load
from sendboard.services.escalations.figures import FiguresReader
from sendboard.services.escalations.records import (
    EscalationInput,
    add_escalation,
    remove_escalation,
)
from sendboard.services.escalations.views import LOADED, EscalationView, to_view
from sendboard.store.database import Database
from sendboard.store.models import (
    Action,
    Escalation,
    HighlightReport,
    Meeting,
    PriorityArea,
    Risk,
)


@dataclass(frozen=True)
class AreaReportView:
    area_id: int
    code: str
    title: str
    lead: str
    figures: AreaFigures
    figures_on: date
    narrative: str = ""
    report_id: int | None = None  # None: not saved yet
    version: int = 0
    escalations: tuple[EscalationView, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.code} {self.title}"


@dataclass(frozen=True)
class MeetingReportsView:
    meeting_id: int
    board_id: int
    board_name: str
    parent_name: str  # the board escalations go to ("" when the board has none)
    day: date
    held: bool
    areas: tuple[AreaReportView, ...]


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class HighlightInput:
    meeting_id: int
    area_id: int
    narrative: str
    add: tuple[EscalationInput, ...] = ()
    remove: tuple[int, ...] = ()  # ids of escalations raised with this report to withdraw


def _since(session: Session, meeting: Meeting) -> date | None:
    found = previous_meeting_start(session, meeting)
    return found.date() if found else None


def _areas(session: Session, board_id: int) -> list[PriorityArea]:
    query = select(PriorityArea).where(PriorityArea.sub_group_id == board_id)
    return sorted(session.scalars(query), key=lambda a: reference_key(a.code))


def _read(
    session: Session, meeting: Meeting, reader: FiguresReader | None = None
) -> MeetingReportsView:
    day = meeting.starts_at.date()
    since = _since(session, meeting)
    reports = {
        r.priority_area_id: r
        for r in session.scalars(
            select(HighlightReport).where(HighlightReport.meeting_id == meeting.id)
        )
    }
    raised = session.scalars(
        select(Escalation)
        .where(Escalation.raised_meeting_id == meeting.id)
        .options(*LOADED)
        .order_by(Escalation.id)
    ).all()
    today = clock.today()
    views = []
    for area in _areas(session, meeting.board_id):
        report = reports.get(area.id)
        if report is not None:
            figures = AreaFigures.from_json(report.figures)
        else:
            reader = reader or FiguresReader(session)
            figures = reader.figures(area.id, day, since)
        views.append(
            AreaReportView(
                area_id=area.id,
                code=area.code,
                title=area.title,
                lead=area.lead.name if area.lead else "",
                figures=figures,
                figures_on=report.figures_on if report else day,
                narrative=report.narrative if report else "",
                report_id=report.id if report else None,
                version=report.version if report else 0,
                escalations=tuple(
                    to_view(e, today) for e in raised if e.priority_area_id == area.id
                ),
            )
        )
    parent = meeting.board.parent
    return MeetingReportsView(
        meeting_id=meeting.id,
        board_id=meeting.board_id,
        board_name=meeting.board.name,
        parent_name=parent.name if parent else "",
        day=day,
        held=meeting.status is MeetingStatus.HELD,
        areas=tuple(views),
    )


def meeting_reports(db: Database, meeting_id: int) -> MeetingReportsView:
    """The meeting's highlight reports, one per priority area of its board (saved or not)."""
    with db.read() as session:
        meeting = load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")
        return _read(session, meeting)


def escalation_choices(
    db: Database, meeting_id: int, area_id: int
) -> tuple[tuple[Choice, ...], tuple[Choice, ...]]:
    """What a highlight report may escalate: the area's open actions, and its open risks held
    in the meeting's board's register."""
    with db.read() as session:
        meeting = load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")
        actions = session.scalars(select(Action).where(Action.priority_area_id == area_id)).all()
        risks = session.scalars(
            select(Risk).where(
                Risk.priority_area_id == area_id,
                Risk.board_id == meeting.board_id,
                Risk.status == RiskStatus.OPEN,
            )
        ).all()
        return (
            tuple(
                Choice(a.id, f"{a.reference} {a.title}")
                for a in sorted(actions, key=lambda a: reference_key(a.reference))
                if not a.status.finished
            ),
            tuple(
                Choice(r.id, f"{r.reference} {r.title}")
                for r in sorted(risks, key=lambda r: reference_key(r.reference))
            ),
        )


def check_meeting(meeting: Meeting, area: PriorityArea) -> None:
    if meeting.status is not MeetingStatus.HELD:
        raise ValidationError(
            "A highlight report follows a meeting: mark the meeting held first "
            f"(it is {meeting.status.label.lower()})."
        )
    if area.sub_group_id != meeting.board_id:
        raise ValidationError(
            f"{area.code} {area.title} is not overseen by {meeting.board.name}; its highlight "
            "report comes from its own sub-group."
        )


def save_report(
    session: Session, data: HighlightInput, reader: FiguresReader | None = None
) -> HighlightReport:
    """Write the report (figures as at the meeting's day), then its escalations added and
    withdrawn, in the caller's transaction."""
    meeting = load(
        session, Meeting, data.meeting_id, f"Meeting {data.meeting_id} no longer exists."
    )
    area = load(session, PriorityArea, data.area_id, "That priority area no longer exists.")
    check_meeting(meeting, area)
    narrative = (data.narrative or "").strip()
    if len(narrative) > LONGEST * 2:
        raise ValidationError(f"Keep the narrative under {LONGEST * 2} characters.", "narrative")
    day = meeting.starts_at.date()
    figures = (reader or FiguresReader(session)).figures(area.id, day, _since(session, meeting))
    report = session.scalar(
        select(HighlightReport).where(
            HighlightReport.meeting_id == meeting.id, HighlightReport.priority_area_id == area.id
        )
    )
    if report is None:
        report = HighlightReport(meeting_id=meeting.id, priority_area_id=area.id, figures_on=day)
        session.add(report)
    report.narrative = narrative
    report.figures = figures.to_json()
    report.figures_on = day
    report.saved_at = clock.now()
    session.flush()
    for escalation_id in data.remove:
        row = load(session, Escalation, escalation_id, "That escalation no longer exists.")
        if row.raised_meeting_id != meeting.id:
            raise ValidationError("Only escalations raised at this meeting can be withdrawn here.")
        remove_escalation(session, row)
    session.flush()
    for item in data.add:
        add_escalation(session, meeting, item, area_id=area.id, report_id=report.id)
    session.flush()
    return report


def save_highlight_report(db: Database, data: HighlightInput) -> Outcome[AreaReportView]:
    """Save the narrative with a fresh snapshot of the figures, and the escalations changed."""
    with db.write() as session:
        save_report(session, data)
        session.expire_all()
        meeting = session.get(Meeting, data.meeting_id)
        view = _read(session, meeting)  # type: ignore[arg-type]
        found = next(a for a in view.areas if a.area_id == data.area_id)
        also = (Area.RISKS,) if any(e.risk_id for e in data.add) or data.remove else ()
        return outcome(found, Area.MEETINGS, Area.PACKS, *also)
