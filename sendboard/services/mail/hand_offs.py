"""What goes into an invitation, and the evidence log of every hand-off.

`prepare_invitation` brings the list up to date and passes the compliance gate (and, once the
meeting has started, the late check) before anything is built; `record_hand_off` passes them
again and writes the evidence in the same transaction. The compliance record built from this
log is in `compliance_record`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain.compliance import LATE_NOTE
from sendboard.domain.invitation_package import Attendee, InvitationPackage
from sendboard.domain.invitations import InvitationKind
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.working_days import key_dates
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.meetings import invitation_list as lists
from sendboard.services.meetings.invitations import as_utc, require_gate, require_on_time
from sendboard.store.database import Database
from sendboard.store.models import HandOff, Invitation, Meeting, Setting


@dataclass(frozen=True)
class AttachmentRecord:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class HandOffInput:
    channel: str
    recipients: tuple[str, ...]
    subject: str
    attachments: tuple[tuple[str, bytes], ...]
    sequence: int
    method: str
    note: str = ""
    #: The secretary says this is a record of a late invitation: allowed after the meeting
    #: started, and marked as late in its note.
    late: bool = False


@dataclass(frozen=True)
class HandOffView:
    id: int
    meeting_id: int
    at: datetime
    channel: str
    recipients: tuple[str, ...]
    subject: str
    attachments: tuple[AttachmentRecord, ...]
    sequence: int
    method: str
    note: str


def attendee_role(invitation: Invitation, chair_id: int | None) -> str:
    """The board's chair chairs; voting members, substitutes and the statutory advisers are
    required; officers and guests are optional. NON-PARTICIPANT is never used: clients treat it
    as "for information" and the advisers must be able to accept."""
    if chair_id is not None and invitation.person_id == chair_id:
        return "CHAIR"
    if invitation.voting or invitation.statutory_role is not None:
        return "REQ-PARTICIPANT"
    if invitation.kind in (InvitationKind.SUBSTITUTE, InvitationKind.REQUIRED_ROLE):
        return "REQ-PARTICIPANT"
    return "OPT-PARTICIPANT"


def package_for(
    session: Session, meeting: Meeting, listing: lists.MeetingList | None = None
) -> InvitationPackage:
    stored = {s.key: s.value for s in session.scalars(select(Setting))}
    organizer_name = stored.get("secretary_name", "")
    organizer_email = stored.get("secretary_email", "")
    if not organizer_name or not organizer_email:
        raise ValidationError(
            "Invitations come from the secretary: set the secretary's name and email in "
            "Settings first.",
            "secretary_email",
        )
    board = meeting.board
    dates = key_dates(meeting.starts_at, board.papers_deadline_days)
    attendees = tuple(
        Attendee(name=i.name, email=i.email, role=attendee_role(i, board.chair_id))
        for i in (listing or lists.MeetingList(session, meeting)).active()
        if i.email and i.email.lower() != organizer_email.lower()  # she sends it; not a guest
    )
    return InvitationPackage(
        meeting_id=meeting.id,
        uid=meeting.uid,
        sequence=meeting.sequence,
        cancelled=meeting.status == MeetingStatus.CANCELLED,
        title=meeting.title or board.name,
        board_name=board.name,
        kind_label=meeting.kind.label,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        venue=meeting.venue,
        online_link=meeting.online_link,
        notes=meeting.notes,
        papers_deadline=dates.papers_deadline,
        pack_issue=dates.pack_issue,
        organizer_name=organizer_name,
        organizer_email=organizer_email,
        attendees=attendees,
    )


def prepare_invitation(
    db: Database, meeting_id: int, *, late: bool = False
) -> Outcome[InvitationPackage]:
    """Bring the list up to date from the board, pass the gate, and gather the package.

    Once the meeting has started, an invitation is refused (LateHandOffError, nothing changed)
    unless `late` says it is a record of a late invitation.
    """
    with db.write() as session:
        meeting = lists.load_meeting(session, meeting_id)
        require_on_time(meeting, late=late)
        listing = lists.MeetingList(session, meeting)
        listing.sync()
        require_gate(session, meeting, listing)
        return outcome(package_for(session, meeting, listing), Area.MEETINGS)


def _records(attachments: tuple[tuple[str, bytes], ...]) -> list[dict[str, object]]:
    return [
        {"name": name, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
        for name, content in attachments
    ]


def _view(row: HandOff) -> HandOffView:
    return HandOffView(
        id=row.id,
        meeting_id=row.meeting_id,
        at=as_utc(row.at) or row.at,
        channel=row.channel,
        recipients=tuple(row.recipients or ()),
        subject=row.subject,
        attachments=tuple(
            AttachmentRecord(str(a["name"]), str(a["sha256"]), int(a["size"]))  # type: ignore[call-overload]
            for a in row.attachments or ()
        ),
        sequence=row.sequence,
        method=row.method,
        note=row.note,
    )


def record_hand_off(db: Database, meeting_id: int, data: HandOffInput) -> Outcome[HandOffView]:
    """Log the evidence, a new row every time, and mark who it went to as invited.

    An invitation after the meeting started is refused unless `data.late`; then its note says
    it is late. A cancellation is never refused and never marks anyone invited. Someone's
    `invited_at` is the first invitation that reached them: a re-send does not move it.
    """
    with db.write() as session:
        meeting = lists.load_meeting(session, meeting_id)
        listing = lists.MeetingList(session, meeting)
        require_gate(session, meeting, listing)
        now = clock.now()
        invitation = data.method != "CANCEL"
        late = invitation and require_on_time(meeting, late=data.late, now=now)
        note = "; ".join(part for part in (LATE_NOTE if late else "", data.note) if part)
        row = HandOff(
            meeting_id=meeting_id,
            at=now,
            channel=data.channel,
            recipients=list(data.recipients),
            subject=data.subject,
            attachments=_records(data.attachments),
            sequence=data.sequence,
            method=data.method,
            note=note,
        )
        session.add(row)
        sent_to = {r.lower() for r in data.recipients}
        for person in listing.active():
            reached = person.email and person.email.lower() in sent_to
            if invitation and reached and person.invited_at is None:
                person.invited_at = now
                person.channel = data.channel
        session.flush()
        return outcome(_view(row), Area.MEETINGS)


def list_hand_offs(db: Database, meeting_id: int) -> list[HandOffView]:
    with db.read() as session:
        rows = session.scalars(
            select(HandOff).where(HandOff.meeting_id == meeting_id).order_by(HandOff.at.desc())
        ).all()
        return [_view(r) for r in rows]
