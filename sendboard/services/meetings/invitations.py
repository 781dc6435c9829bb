"""A meeting's invitation list, the compliance gate, responses, attendance and quorum."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.compliance import describe_missing, is_late
from sendboard.domain.governance import StatutoryRole
from sendboard.domain.invitations import (
    Attendance,
    InvitationKind,
    QuorumStatus,
    Response,
    quorum,
)
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.wording import counted
from sendboard.errors import ComplianceError, LateHandOffError, NotFoundError, ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.meetings import invitation_list as lists
from sendboard.store.database import Database
from sendboard.store.models import Invitation, Meeting, Person

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class InvitationView:
    id: int
    meeting_id: int
    person_id: int | None
    name: str
    organisation: str
    email: str | None
    kind: InvitationKind
    statutory_role: StatutoryRole | None
    substitute_for_id: int | None
    substitute_for_name: str
    voting: bool
    invited_at: datetime | None
    channel: str
    response: Response
    attendance: Attendance | None


@dataclass(frozen=True)
class GuestInput:
    """A guest from the contact list (`person_id`) or typed in (name and email)."""

    person_id: int | None = None
    name: str = ""
    email: str = ""
    organisation: str = ""


def as_utc(moment: datetime | None) -> datetime | None:
    """SQLite hands timestamps back without their zone; they were stored in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def _view(invitation: Invitation) -> InvitationView:
    return InvitationView(
        id=invitation.id,
        meeting_id=invitation.meeting_id,
        person_id=invitation.person_id,
        name=invitation.name,
        organisation=invitation.organisation,
        email=invitation.email,
        kind=invitation.kind,
        statutory_role=invitation.statutory_role,
        substitute_for_id=invitation.substitute_for_id,
        substitute_for_name=invitation.substitute_for.name if invitation.substitute_for else "",
        voting=invitation.voting,
        invited_at=as_utc(invitation.invited_at),
        channel=invitation.channel,
        response=invitation.response,
        attendance=invitation.attendance,
    )


def _load(session: Session, invitation_id: int) -> Invitation:
    invitation = session.get(Invitation, invitation_id)
    if invitation is None or invitation.removed_at is not None:
        raise NotFoundError("That invitation is no longer on the list.")
    return invitation


def list_invitations(db: Database, meeting_id: int) -> list[InvitationView]:
    """The invitations saved for the meeting (removed ones left out), in list order."""
    with db.read() as session:
        lists.load_meeting(session, meeting_id)
        return [_view(i) for i in lists.stored(session, meeting_id) if i.removed_at is None]


@dataclass(frozen=True)
class ListUpdate:
    """What "Update from board" did to a meeting's list."""

    invitations: tuple[InvitationView, ...]
    added: tuple[str, ...]
    #: Holders of required roles who had been taken off the list, put back (name, role).
    restored: tuple[tuple[str, str], ...]

    @property
    def summary(self) -> str:
        parts = []
        if self.added:
            parts.append(f"Added {counted(len(self.added), 'person')} from the board")
        if self.restored:
            names = ", ".join(f"{name} ({role})" for name, role in self.restored)
            parts.append(
                f"put back {names}, taken off the list earlier: the board must invite "
                f"{'this role' if len(self.restored) == 1 else 'these roles'} to every meeting"
            )
        if not parts:
            return "The list already has the board's members and required-role holders."
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."


def update_from_board(db: Database, meeting_id: int) -> Outcome[ListUpdate]:
    """Add the board's current members and the holders of its required roles to the list, and
    put back any required-role holder taken off it. Other people taken off on purpose are left
    off; people already listed are not added twice."""
    with db.write() as session:
        listing = lists.MeetingList(session, lists.load_meeting(session, meeting_id))
        added = listing.sync()
        restored = listing.restore_required()
        update = ListUpdate(
            invitations=tuple(_view(i) for i in listing.active()),
            added=tuple(i.name for i in added),
            restored=tuple(
                (i.name, i.person.statutory_role.label)  # type: ignore[union-attr]
                for i in restored
            ),
        )
        return outcome(update, Area.MEETINGS)


def build_invitation_list(db: Database, meeting_id: int) -> Outcome[list[InvitationView]]:
    """`update_from_board`, returning the list as it now stands."""
    done = update_from_board(db, meeting_id)
    return Outcome(list(done.value.invitations), done.changes)


def check_gate(db: Database, meeting_id: int) -> tuple[StatutoryRole, ...]:
    """Required roles of the board with nobody on the list, as it would be sent, to receive it."""
    with db.read() as session:
        return lists.gate(session, lists.load_meeting(session, meeting_id))


def ensure_gate(db: Database, meeting_id: int) -> None:
    """Raise ComplianceError naming the missing roles, or return if the list is complete."""
    with db.read() as session:
        require_gate(session, lists.load_meeting(session, meeting_id))


def gate_message(meeting_title: str, missing: tuple[StatutoryRole, ...]) -> str:
    return (
        f"Invitations for {meeting_title} cannot be sent: {describe_missing(missing)} "
        "The Improvement Notice requires every required role to be invited to each meeting; "
        "add the person (with an email address) in People & Boards or as a guest."
    )


def require_gate(
    session: Session, meeting: Meeting, listing: lists.MeetingList | None = None
) -> None:
    """Raise ComplianceError naming the missing roles; every send and write path calls this.

    Pass the meeting's list if the caller has it already loaded."""
    missing = (listing or lists.MeetingList(session, meeting)).gate()
    if missing:
        raise ComplianceError(gate_message(meeting_label(meeting), missing), missing)


def late_message(meeting: Meeting) -> str:
    start = meeting.starts_at
    return (
        f"{meeting_label(meeting)} started at {start:%H:%M}: an invitation handed off now is "
        "late, so it cannot stand as the invitation the Improvement Notice requires. Nothing was "
        "sent or recorded."
    )


def require_on_time(meeting: Meeting, *, late: bool = False, now: datetime | None = None) -> bool:
    """Raise LateHandOffError if the meeting has started, unless `late` says the hand-off is a
    record of a late invitation. Returns whether the hand-off is late.

    A cancellation (the meeting is cancelled, so the message is METHOD:CANCEL) is never refused:
    it is not an invitation and never counts as one in the compliance record.
    """
    if meeting.status == MeetingStatus.CANCELLED:
        return False
    overdue = is_late(now or clock.now(), meeting.starts_at)
    if overdue and not late:
        raise LateHandOffError(late_message(meeting))
    return overdue


def ensure_on_time(db: Database, meeting_id: int, *, late: bool = False) -> bool:
    """`require_on_time` in its own read: call it before anything is written or opened."""
    with db.read() as session:
        return require_on_time(lists.load_meeting(session, meeting_id), late=late)


def meeting_label(meeting: Meeting) -> str:
    title = meeting.title or meeting.board.name
    when = meeting.starts_at
    return f"{title} on {when:%A} {when.day} {when:%B %Y}"


def _existing_for_person(session: Session, meeting_id: int, person_id: int) -> Invitation | None:
    for invitation in lists.stored(session, meeting_id):
        if invitation.person_id == person_id:
            return invitation
    return None


def _guest_row(session: Session, meeting_id: int, data: GuestInput) -> Invitation:
    if data.person_id is not None:
        person = session.get(Person, data.person_id)
        if person is None:
            raise ValidationError("The chosen person no longer exists.", "person_id")
        row = _existing_for_person(session, meeting_id, person.id)
        if row is not None and row.removed_at is None:
            raise ValidationError(f"{person.name} is already on the list.", "person_id")
        if row is None:
            row = Invitation(meeting_id=meeting_id, person_id=person.id)
            session.add(row)
        row.removed_at = None
        lists.snapshot(row, person)
        if not row.email:
            raise ValidationError(
                f"{person.name} has no email address; add one in People & Boards first.", "email"
            )
        return row
    name = validation.required(data.name, "Name", "name")
    email = validation.email(data.email)
    if not email:
        raise ValidationError("A guest needs an email address to be invited.", "email")
    for other in lists.stored(session, meeting_id):
        if other.email == email and other.removed_at is None:
            raise ValidationError(f"{email} is already on the list ({other.name}).", "email")
    row = Invitation(
        meeting_id=meeting_id,
        name=name,
        email=email,
        organisation=validation.clean(data.organisation),
    )
    session.add(row)
    return row


def add_guest(db: Database, meeting_id: int, data: GuestInput) -> Outcome[InvitationView]:
    with db.write() as session:
        lists.load_meeting(session, meeting_id)
        row = _guest_row(session, meeting_id, data)
        if row.kind is None:  # a new row; someone taken off and put back keeps their kind
            row.kind = InvitationKind.GUEST
        session.flush()
        session.refresh(row)
        return outcome(_view(row), Area.MEETINGS)


def add_substitute(
    db: Database, meeting_id: int, for_invitation_id: int, data: GuestInput
) -> Outcome[InvitationView]:
    """Someone standing in for an invitee; votes if the member they replace votes."""
    with db.write() as session:
        lists.load_meeting(session, meeting_id)
        original = _load(session, for_invitation_id)
        if original.meeting_id != meeting_id or original.person_id is None:
            raise ValidationError("Choose a member of this meeting's list to substitute for.")
        row = _guest_row(session, meeting_id, data)
        row.kind = InvitationKind.SUBSTITUTE
        row.substitute_for_id = original.person_id
        row.voting = original.voting
        session.flush()
        session.refresh(row)
        return outcome(_view(row), Area.MEETINGS)


def remove_invitation(db: Database, invitation_id: int) -> Outcome[None]:
    """Take someone off the list; rebuilding the list from the board will not add them back."""
    with db.write() as session:
        invitation = _load(session, invitation_id)
        invitation.removed_at = clock.now()
        return outcome(None, Area.MEETINGS)


def set_response(db: Database, invitation_id: int, response: Response) -> Outcome[InvitationView]:
    with db.write() as session:
        invitation = _load(session, invitation_id)
        invitation.response = Response(response)
        session.flush()
        return outcome(_view(invitation), Area.MEETINGS)


def set_attendance(
    db: Database, invitation_id: int, attendance: Attendance | None
) -> Outcome[InvitationView]:
    with db.write() as session:
        invitation = _load(session, invitation_id)
        if attendance == Attendance.SUBSTITUTE and invitation.kind != InvitationKind.SUBSTITUTE:
            raise ValidationError(
                f"{invitation.name} was not invited as a substitute; add the substitute to the "
                "list first and record the member as sending apologies.",
                "attendance",
            )
        invitation.attendance = Attendance(attendance) if attendance else None
        session.flush()
        return outcome(_view(invitation), Area.MEETINGS, Area.MINUTES)


def quorum_status(db: Database, meeting_id: int) -> QuorumStatus:
    with db.read() as session:
        meeting = lists.load_meeting(session, meeting_id)
        rows = lists.active(session, meeting)
        return quorum(meeting.board.quorum, [(i.voting, i.attendance) for i in rows])


@dataclass(frozen=True)
class GateWarning:
    meeting_id: int
    label: str
    starts_at: datetime
    missing: tuple[StatutoryRole, ...]

    @property
    def text(self) -> str:
        return describe_missing(self.missing)


def upcoming_gate_warnings(
    db: Database, now: datetime | None = None, days: int = 120
) -> list[GateWarning]:
    """Coming meetings (not cancelled) whose invitations could not be sent as things stand."""
    moment = (now or clock.now()).astimezone(LONDON).replace(tzinfo=None)
    with db.read() as session:
        meetings = session.scalars(
            select(Meeting)
            .where(
                Meeting.starts_at >= moment,
                Meeting.starts_at <= moment + timedelta(days=days),
                Meeting.status != MeetingStatus.CANCELLED,
            )
            .options(selectinload(Meeting.board))
            .order_by(Meeting.starts_at)
        ).all()
        missing = lists.gates(session, meetings)
        return [
            GateWarning(m.id, meeting_label(m), m.starts_at, missing[m.id])
            for m in meetings
            if m.id in missing
        ]
