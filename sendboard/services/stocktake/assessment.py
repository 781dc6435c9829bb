"""The council's self-assessment for a stocktake meeting: per requirement of the notice, the
RAG the data suggests, the judgement set by the secretary or lead (with the reason for any
difference), a short narrative, what answers it, and its movement since the previous
stocktake's judgement; then the evidence gathered since that stocktake.

Judgements are saved as rows: each save adds one, the latest stands, and the rows before it
are its history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain.brag import Brag
from sendboard.domain.meetings import MeetingKind, MeetingStatus
from sendboard.domain.stocktake.judgement import movement
from sendboard.errors import NotFoundError, ValidationError
from sendboard.outputs.stocktake.content import Rated, RequirementJudgement, SelfAssessment
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.services.measures.notice import read_notice_date
from sendboard.services.meetings.invitations import meeting_label
from sendboard.services.stocktake.coverage import CoverageRow, LinkedItem, read_coverage
from sendboard.services.stocktake.evidence import Window, gather_evidence
from sendboard.store.database import Database
from sendboard.store.models import AssessmentEntry, Meeting, Requirement, Setting


@dataclass(frozen=True)
class StocktakeMeeting:
    id: int
    label: str
    day: date
    status: MeetingStatus


def _stocktakes(session: Session) -> list[Meeting]:
    return list(
        session.scalars(
            select(Meeting)
            .where(Meeting.kind == MeetingKind.STOCKTAKE)
            .order_by(Meeting.starts_at, Meeting.id)
        )
    )


def list_stocktakes(db: Database) -> tuple[StocktakeMeeting, ...]:
    """Every DfE stocktake meeting, oldest first."""
    with db.read() as session:
        return tuple(
            StocktakeMeeting(m.id, meeting_label(m), m.starts_at.date(), m.status)
            for m in _stocktakes(session)
        )


def next_stocktake(db: Database, today: date | None = None) -> int:
    """The next DfE stocktake meeting not cancelled, on or after today."""
    day = today or clock.today()
    for meeting in list_stocktakes(db):
        if meeting.day >= day and meeting.status is not MeetingStatus.CANCELLED:
            return meeting.id
    raise NotFoundError(
        "There is no DfE stocktake meeting ahead. Add one on the Meetings page (kind: DfE "
        "stocktake), or name a meeting by its number."
    )


def _latest(session: Session, meeting_id: int) -> dict[int, AssessmentEntry]:
    entries = session.scalars(
        select(AssessmentEntry)
        .where(AssessmentEntry.meeting_id == meeting_id)
        .order_by(AssessmentEntry.recorded_at, AssessmentEntry.id)
    )
    return {e.requirement_id: e for e in entries}


def _rated(item: LinkedItem) -> Rated:
    return Rated(item.reference, item.title, item.letter, item.label, item.colour, item.text_colour)


def _judgement(
    row: CoverageRow, saved: AssessmentEntry | None, before: AssessmentEntry | None
) -> RequirementJudgement:
    previous = (before.judgement or before.suggested) if before else None
    judgement = saved.judgement if saved else None
    return RequirementJudgement(
        requirement_id=row.id,
        reference=row.reference,
        text=row.text,
        heading=row.heading,
        suggested=row.suggestion.rag,
        suggested_reason=row.suggestion.reason,
        judgement=judgement,
        reason=saved.reason if saved else "",
        narrative=saved.narrative if saved else "",
        previous=previous,
        movement=movement(previous, judgement or row.suggestion.rag).label,
        flags=tuple(f.label for f in row.flags),
        actions=tuple(_rated(a) for a in row.actions),
        measures=tuple(_rated(m) for m in row.measures),
        risks=tuple(r.text for r in row.risks),
        evidence=row.evidence,
        engagement=row.engagement,
    )


def draft_assessment(db: Database, meeting_id: int, today: date | None = None) -> SelfAssessment:
    """The self-assessment as it stands: suggestions from today's data, saved judgements and
    narratives, movement since the previous stocktake, and the evidence since it."""
    day = today or clock.today()
    with db.read() as session:
        meeting = load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")
        if meeting.kind is not MeetingKind.STOCKTAKE:
            raise ValidationError(
                f"{meeting_label(meeting)} is not a DfE stocktake meeting; choose one whose kind "
                "is DfE stocktake."
            )
        earlier = [
            m
            for m in _stocktakes(session)
            if m.starts_at < meeting.starts_at and m.status is not MeetingStatus.CANCELLED
        ]
        previous = earlier[-1] if earlier else None
        saved = _latest(session, meeting_id)
        before = _latest(session, previous.id) if previous else {}
        rows = [r for r in read_coverage(session, day) if r.tracked]
        council = session.get(Setting, "notice_council")
        notice = read_notice_date(session)
        meeting_on = meeting.starts_at.date()
        since = previous.starts_at.date() if previous else notice
        requirements = tuple(_judgement(r, saved.get(r.id), before.get(r.id)) for r in rows)
        board = meeting.board.name
        title = meeting_label(meeting)
        previous_title = meeting_label(previous) if previous else ""
    window = Window(since, min(meeting_on, day), day)
    return SelfAssessment(
        council=council.value if council else "",
        notice_date=notice,
        board=board,
        meeting_id=meeting_id,
        meeting_title=title,
        meeting_on=meeting_on,
        period_from=since,
        period_to=window.until,
        previous_title=previous_title,
        requirements=requirements,
        evidence=gather_evidence(db, window),
        prepared_on=day,
    )


def save_judgement(
    db: Database,
    meeting_id: int,
    requirement_id: int,
    *,
    judgement: Brag | None,
    reason: str = "",
    narrative: str = "",
    suggested: Brag | None = None,
    recorded_by: str = "",
) -> Outcome[int]:
    """Save a requirement's judgement and narrative for the stocktake, as a new row. A
    judgement that differs from the suggestion needs its reason."""
    differs = judgement is not None and suggested is not None and judgement is not suggested
    if differs and not reason.strip() and suggested is not None and judgement is not None:
        raise ValidationError(
            f"The data suggests {suggested.label} ({suggested.letter}); give the reason for "
            f"judging it {judgement.label} ({judgement.letter})."
        )
    with db.write() as session:
        meeting = load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")
        if meeting.kind is not MeetingKind.STOCKTAKE:
            raise ValidationError("Judgements are saved for DfE stocktake meetings only.")
        load(session, Requirement, requirement_id, "That requirement no longer exists.")
        entry = AssessmentEntry(
            meeting_id=meeting_id,
            requirement_id=requirement_id,
            suggested=suggested,
            judgement=judgement,
            reason=reason.strip(),
            narrative=narrative.strip(),
            recorded_by=recorded_by,
        )
        session.add(entry)
        session.flush()
        return outcome(entry.id, Area.STOCKTAKE)
