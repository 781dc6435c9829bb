"""The invitation compliance record, built only from the append-only hand-off log.

For each meeting and each required role, the evidence is the first invitation (METHOD:REQUEST)
that reached a holder of the role before the meeting started. Every other invitation to a
holder (a re-send before the meeting, or one recorded late after it started) is listed beside
the evidence, never in its place. A role whose first invitation came only after the start is
late, not invited. Cancellations are not invitations and are left out.

Which role an address held is read from the meeting's invitation rows, taken-off ones included:
taking someone off the list after the hand-off does not unmake the evidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from sendboard.domain.compliance import Sent, is_late, split_evidence
from sendboard.domain.governance import StatutoryRole
from sendboard.domain.meetings import MeetingStatus
from sendboard.services.meetings import invitation_list as lists
from sendboard.services.meetings.invitations import as_utc, meeting_label
from sendboard.store.database import Database
from sendboard.store.models import HandOff, Invitation, Meeting


@dataclass(frozen=True)
class RoleInvitation:
    role: StatutoryRole
    holder: str
    #: The first invitation to a holder before the meeting started: the compliance evidence.
    evidence: Sent | None
    #: Every other invitation to a holder, oldest first: re-sends and late ones.
    later: tuple[Sent, ...] = ()

    @property
    def invited(self) -> bool:
        """Invited before the meeting started."""
        return self.evidence is not None

    @property
    def late(self) -> bool:
        """First invited only after the meeting had started."""
        return self.evidence is None and any(s.late for s in self.later)

    @property
    def first_invited_at(self) -> datetime | None:
        return self.evidence.at if self.evidence else None

    @property
    def channel(self) -> str:
        return self.evidence.channel if self.evidence else ""

    @property
    def hand_offs(self) -> int:
        """How many logged invitations went to a holder of the role."""
        return len(self.later) + (1 if self.evidence else 0)


@dataclass(frozen=True)
class MeetingCompliance:
    meeting_id: int
    label: str
    starts_at: datetime
    status: MeetingStatus
    roles: tuple[RoleInvitation, ...]

    @property
    def compliant(self) -> bool:
        """Every required role invited before the start; a meeting cancelled before any
        invitation went out needs none."""
        if self.status == MeetingStatus.CANCELLED and not any(r.hand_offs for r in self.roles):
            return True
        return all(r.invited for r in self.roles)


def _role_row(
    role: StatutoryRole, meeting: Meeting, invitations: list[Invitation], hand_offs: list[HandOff]
) -> RoleInvitation:
    holders = [i for i in invitations if i.statutory_role == role and i.email]
    emails = {i.email.lower(): i.name for i in holders if i.email}
    reached: dict[str, None] = {}  # names, in the order the invitations reached them
    sent = []
    for hand_off in hand_offs:
        to = [emails[r.lower()] for r in hand_off.recipients or () if r.lower() in emails]
        if not to:
            continue
        at = as_utc(hand_off.at) or hand_off.at
        sent.append(Sent(hand_off.id, at, hand_off.channel, is_late(at, meeting.starts_at)))
        reached.update(dict.fromkeys(to))
    evidence, later = split_evidence(sent)
    active = [i.name for i in holders if i.removed_at is None]
    return RoleInvitation(
        role=role,
        holder=", ".join(reached or active),
        evidence=evidence,
        later=later,
    )


def compliance_record(db: Database, board_id: int) -> list[MeetingCompliance]:
    """For every meeting of the board: was each required role invited before it, and when."""
    with db.read() as session:
        meetings = session.scalars(
            select(Meeting).where(Meeting.board_id == board_id).order_by(Meeting.starts_at)
        ).all()
        # two queries for the whole board, not two per meeting
        invited: dict[int, list[Invitation]] = defaultdict(list)
        for invitation in session.scalars(
            select(Invitation)
            .join(Meeting, Invitation.meeting_id == Meeting.id)
            .where(Meeting.board_id == board_id)
            .order_by(Invitation.id)
        ):
            invited[invitation.meeting_id].append(invitation)
        handed: dict[int, list[HandOff]] = defaultdict(list)
        for hand_off in session.scalars(
            select(HandOff)
            .join(Meeting, HandOff.meeting_id == Meeting.id)
            .where(Meeting.board_id == board_id, HandOff.method != "CANCEL")
            .order_by(HandOff.at, HandOff.id)
        ):
            handed[hand_off.meeting_id].append(hand_off)
        record = []
        for meeting in meetings:
            invitations, hand_offs = invited[meeting.id], handed[meeting.id]
            roles = lists.required_roles(meeting.board)
            record.append(
                MeetingCompliance(
                    meeting_id=meeting.id,
                    label=meeting_label(meeting),
                    starts_at=meeting.starts_at,
                    status=meeting.status,
                    roles=tuple(_role_row(r, meeting, invitations, hand_offs) for r in roles),
                )
            )
        return record
