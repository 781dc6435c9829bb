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
    row: CoverageRow,
    saved: AssessmentEntry | None,
    before: AssessmentEntry | None,
    held: bool,
) -> RequirementJudgement:
    """A requirement's judgement as it stands. A saved judgement keeps the suggestion saved
    with it (what the data said when it was judged); the data's own suggestion for the
    period is kept beside it, so a change since can be shown."""
    previous = (before.judgement or before.suggested) if before else None
    judgement = saved.judgement if saved else None
    data = row.suggestion
    kept = saved.suggested if saved is not None and judgement is not None else None
    suggested = kept or data.rag
    return RequirementJudgement(
        requirement_id=row.id,
        reference=row.reference,
        text=row.text,
        heading=row.heading,
        suggested=suggested,
        suggested_reason=data.reason if suggested is data.rag else "",
        judgement=judgement,
        reason=saved.reason if saved else "",
        narrative=saved.narrative if saved else "",
        previous=previous,
        movement=movement(previous, judgement or suggested).label,
        flags=tuple(f.label for f in row.flags),
        actions=tuple(_rated(a) for a in row.actions),
        measures=tuple(_rated(m) for m in row.measures),
        risks=tuple(r.text for r in row.risks),
        evidence=row.evidence,
        engagement=row.engagement,
        judged_on=saved.recorded_at.date() if saved is not None and kept else None,
        data_suggested=data.rag,
        data_reason=data.reason,
        held=held,
    )


def draft_assessment(db: Database, meeting_id: int, today: date | None = None) -> SelfAssessment:
    """The self-assessment as it stands: saved judgements with the suggestions saved with them
    (else the data's), narratives, movement since the previous stocktake, and the evidence
    since it. For a stocktake ahead the data is today's; for one already held, the data as it
    stood at the end of its day, so a held stocktake reads as it did then."""
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
        meeting_on = meeting.starts_at.date()
        held = meeting_on < day
        as_at = meeting_on if held else day
        rows = [r for r in read_coverage(session, as_at, as_it_stood=held) if r.tracked]
        council = session.get(Setting, "notice_council")
        notice = read_notice_date(session)
        since = previous.starts_at.date() if previous else notice
        requirements = tuple(_judgement(r, saved.get(r.id), before.get(r.id), held) for r in rows)
        board = meeting.board.name
        title = meeting_label(meeting)
        previous_title = meeting_label(previous) if previous else ""
    window = Window(since, as_at, as_at, as_it_stood=held)
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
