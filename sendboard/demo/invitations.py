"""Demo invitations: past meetings sent, answered and attended; the next few sent, some answered.

Works on the meetings an earlier step put in `ctx.made["meetings"]`; with none, it does nothing.
Each meeting's list is read once and worked on in memory; the session is flushed between the
secretary's steps (sending, recording replies, taking attendance), so the audit trail shows each
step as its own change, as it would be had she done them one by one.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

from sendboard.demo import DemoContext
from sendboard.domain.invitations import Attendance, InvitationKind, Response
from sendboard.domain.meetings import MeetingStatus
from sendboard.outputs.calendar import build_calendar, calendar_filename
from sendboard.services.mail import hand_offs
from sendboard.services.meetings.invitation_list import Invitees, MeetingList
from sendboard.store.models import HandOff, Invitation, Meeting, Person

#: How many upcoming meetings per board have had their invitation sent.
UPCOMING_SENT = 2


def _send(ctx: DemoContext, listing: MeetingList, days_before: int) -> datetime:
    """Log a hand-off as the secretary would have made it, and mark the list invited."""
    meeting = listing.meeting
    listing.sync()
    package = hand_offs.package_for(ctx.session, meeting, listing)
    at = (meeting.starts_at - timedelta(days=days_before, hours=-ctx.rng.randint(0, 6))).replace(
        tzinfo=UTC
    )
    built = datetime.combine(ctx.today, time(8), tzinfo=UTC)  # the morning the demo is built
    at = min(at, built - timedelta(hours=ctx.rng.randint(1, 48)))
    calendar = build_calendar(package, now=at)
    channel = ctx.rng.choice(["outlook", "outlook", "outlook", "eml"])
    ctx.session.add(
        HandOff(
            meeting_id=meeting.id,
            at=at,
            channel=channel,
            recipients=[a.email for a in package.attendees],
            subject=f"Invitation: {package.title}, {meeting.starts_at:%A} "
            f"{meeting.starts_at.day} {meeting.starts_at:%B %Y}",
            attachments=[
                {
                    "name": calendar_filename(package),
                    "sha256": hashlib.sha256(calendar).hexdigest(),
                    "size": len(calendar),
                }
            ],
            sequence=meeting.sequence,
            method=package.method,
            note="Opened in Outlook" if channel == "outlook" else "Draft saved as .eml",
        )
    )
    sent_to = {a.email for a in package.attendees}
    for invitation in listing.active():
        if invitation.email in sent_to:
            invitation.invited_at = at
            invitation.channel = channel
    ctx.session.flush()
    return at


def _respond(ctx: DemoContext, invitation: Invitation, answered: float) -> None:
    if ctx.rng.random() > answered:
        return
    invitation.response = ctx.rng.choices(
        [Response.ACCEPTED, Response.DECLINED, Response.TENTATIVE], weights=[8, 2, 1]
    )[0]


def _attend(ctx: DemoContext, listing: MeetingList, stand_ins: list[Person]) -> None:
    for invitation in listing.active():
        if invitation.kind == InvitationKind.SUBSTITUTE:
            continue
        adviser = not invitation.voting
        if invitation.response == Response.DECLINED:
            invitation.attendance = Attendance.APOLOGIES
            if invitation.voting and stand_ins and ctx.rng.random() < 0.4:
                _substitute(listing, invitation, ctx.rng.choice(stand_ins))
        elif invitation.response == Response.ACCEPTED or ctx.rng.random() < 0.5:
            invitation.attendance = Attendance.IN_ATTENDANCE if adviser else Attendance.PRESENT
        else:
            invitation.attendance = Attendance.ABSENT


def _substitute(listing: MeetingList, absent: Invitation, person: Person) -> None:
    if listing.for_person(person.id) is not None:
        return
    listing.add(
        Invitation(
            meeting_id=listing.meeting.id,
            person_id=person.id,
            name=person.name,
            email=person.email,
            organisation=person.organisation.name if person.organisation else "",
            kind=InvitationKind.SUBSTITUTE,
            substitute_for_id=absent.person_id,
            voting=absent.voting,
            invited_at=absent.invited_at,
            channel="email from the member",
            response=Response.ACCEPTED,
            attendance=Attendance.SUBSTITUTE,
        )
    )


def build(ctx: DemoContext) -> None:
    meetings = [m for m in ctx.made.get("meetings", []) if isinstance(m, Meeting)]  # type: ignore[union-attr]
    if not meetings:
        return
    ctx.session.flush()
    stand_ins = list(ctx.made.get("extra_people", []))[:12]  # type: ignore[call-overload]
    now = datetime.combine(ctx.today, time.min)
    invitees = Invitees(ctx.session)  # this step changes no people or memberships
    upcoming_sent: dict[int, int] = {}
    for meeting in sorted(meetings, key=lambda m: m.starts_at):
        if meeting.status == MeetingStatus.CANCELLED:
            continue
        listing = MeetingList(ctx.session, meeting, invitees)
        if listing.gate():
            continue  # a board whose required roles cannot be met is left for the secretary
        past = meeting.status == MeetingStatus.HELD or meeting.starts_at < now
        if past:
            _send(ctx, listing, days_before=ctx.rng.randint(14, 28))
            for invitation in listing.active():
                _respond(ctx, invitation, answered=0.9)
            ctx.session.flush()
            _attend(ctx, listing, stand_ins)
        elif upcoming_sent.get(meeting.board_id, 0) < UPCOMING_SENT:
            upcoming_sent[meeting.board_id] = upcoming_sent.get(meeting.board_id, 0) + 1
            _send(ctx, listing, days_before=ctx.rng.randint(21, 35))
            for invitation in listing.active():
                _respond(ctx, invitation, answered=0.6)
        else:
            listing.sync()
        ctx.session.flush()
