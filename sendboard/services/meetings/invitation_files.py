"""Writing a meeting's invitation as files (.eml draft and .ics) without opening a mail program."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from sendboard import clock
from sendboard.domain.meetings import MeetingStatus
from sendboard.errors import NotFoundError, SendboardError
from sendboard.mail.draft import Draft
from sendboard.mail.eml import write_eml
from sendboard.services.common.changes import Outcome
from sendboard.services.mail import draft_text
from sendboard.services.mail.hand_offs import (
    HandOffInput,
    HandOffView,
    prepare_invitation,
    record_hand_off,
)
from sendboard.services.meetings.invitations import ensure_gate, ensure_on_time
from sendboard.store.database import Database
from sendboard.store.models import Meeting

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class InvitationFiles:
    eml: Path
    ics: Path
    log: HandOffView


def next_meeting_id(db: Database, now: datetime | None = None) -> int:
    """The next meeting (of any board) that starts from now and is not cancelled."""
    moment = (now or clock.now()).astimezone(LONDON).replace(tzinfo=None)
    with db.read() as session:
        found = session.scalar(
            select(Meeting.id)
            .where(Meeting.starts_at >= moment, Meeting.status != MeetingStatus.CANCELLED)
            .order_by(Meeting.starts_at, Meeting.id)
            .limit(1)
        )
    if found is None:
        raise NotFoundError("There is no meeting coming up; schedule one first.")
    return found


def write_invitation_files(
    db: Database, meeting_id: int, out_dir: Path, *, late: bool = False
) -> Outcome[InvitationFiles]:
    """Check the gate, and that the meeting has not started (unless `late` says this is a record
    of a late invitation), before writing anything; then write both files and log the hand-off."""
    ensure_on_time(db, meeting_id, late=late)
    ensure_gate(db, meeting_id)
    package = prepare_invitation(db, meeting_id, late=late).value
    text = draft_text(db, package)
    draft = Draft(package, text.subject, text.body)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        ics = out_dir / draft.calendar_name
        ics.write_bytes(draft.calendar)
        eml = write_eml(draft, out_dir)
    except OSError as exc:
        raise SendboardError(
            f"The invitation could not be written to {out_dir} ({exc.strerror})."
        ) from exc
    logged = record_hand_off(
        db,
        meeting_id,
        HandOffInput(
            channel="file",
            recipients=draft.recipients,
            subject=draft.subject,
            attachments=draft.attachments(),
            sequence=package.sequence,
            method=package.method,
            note=f"Written to {eml} and {ics}",
            late=late,
        ),
    )
    return Outcome(InvitationFiles(eml=eml, ics=ics, log=logged.value), logged.changes)
