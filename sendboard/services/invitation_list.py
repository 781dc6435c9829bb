"""Working out who a meeting's invitation goes to, inside one session.

Shared by the invitations service and the demo builder: current members of the board on the
meeting day, then everyone holding a statutory role the board must invite, even if not a member.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain.compliance import missing_roles
from sendboard.domain.governance import MemberRole, StatutoryRole
from sendboard.domain.invitations import InvitationKind
from sendboard.services.records import load
from sendboard.store.models import Board, Invitation, Meeting, Membership, Person

_ROLE_ORDER = list(MemberRole)


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    return load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")


def required_roles(board: Board) -> tuple[StatutoryRole, ...]:
    wanted = {r.role for r in board.required_roles}
    return tuple(r for r in StatutoryRole if r in wanted)


def _current_on(membership: Membership, day: date) -> bool:
    starts_ok = membership.from_date is None or membership.from_date <= day
    return starts_ok and (membership.to_date is None or membership.to_date >= day)


def _snapshot(invitation: Invitation, person: Person) -> None:
    invitation.name = person.name
    invitation.email = person.email
    invitation.organisation = person.organisation.name if person.organisation else ""
    invitation.statutory_role = person.statutory_role


def stored(session: Session, meeting_id: int) -> list[Invitation]:
    """Every invitation row of the meeting, removed ones included."""
    query = (
        select(Invitation)
        .where(Invitation.meeting_id == meeting_id)
        .options(selectinload(Invitation.person).selectinload(Person.organisation))
        .order_by(Invitation.id)
    )
    return list(session.scalars(query))


def candidates(session: Session, meeting: Meeting) -> list[Invitation]:
    """Unsaved invitations for members and role holders not yet on the list (nor removed)."""
    board = meeting.board
    day = meeting.starts_at.date()
    known = {i.person_id for i in stored(session, meeting.id) if i.person_id is not None}
    members = session.scalars(
        select(Membership)
        .where(Membership.board_id == board.id)
        .options(selectinload(Membership.person).selectinload(Person.organisation))
    ).all()
    current = sorted(
        (m for m in members if _current_on(m, day)),
        key=lambda m: (_ROLE_ORDER.index(m.role), m.person.name.lower()),
    )
    made: list[Invitation] = []
    for membership in current:
        if membership.person_id in known:
            continue
        known.add(membership.person_id)
        invitation = Invitation(
            meeting_id=meeting.id,
            person_id=membership.person_id,
            kind=InvitationKind.MEMBER,
            voting=membership.voting,
        )
        _snapshot(invitation, membership.person)
        made.append(invitation)
    roles = required_roles(board)
    if roles:
        holders = session.scalars(
            select(Person)
            .where(Person.statutory_role.in_(roles))
            .options(selectinload(Person.organisation))
            .order_by(Person.name)
        ).all()
        for person in holders:
            if person.id in known:
                continue
            known.add(person.id)
            invitation = Invitation(
                meeting_id=meeting.id, person_id=person.id, kind=InvitationKind.REQUIRED_ROLE
            )
            _snapshot(invitation, person)
            made.append(invitation)
    return made


def refresh_snapshots(session: Session, meeting_id: int) -> None:
    """Bring names, emails and roles of linked people up to date (the hand-off log keeps what
    was actually sent)."""
    for invitation in stored(session, meeting_id):
        if invitation.person is not None:
            _snapshot(invitation, invitation.person)


def sync(session: Session, meeting: Meeting) -> list[Invitation]:
    """Add the missing members and role holders; returns the rows added."""
    refresh_snapshots(session, meeting.id)
    added = candidates(session, meeting)
    session.add_all(added)
    session.flush()
    return added


def active(session: Session, meeting: Meeting) -> list[Invitation]:
    return [i for i in stored(session, meeting.id) if i.removed_at is None]


def gate(session: Session, meeting: Meeting) -> tuple[StatutoryRole, ...]:
    """Required roles with no holder on the list (as it would be sent) with a valid email."""
    planned = active(session, meeting) + candidates(session, meeting)
    holders = [
        (i.person.statutory_role, i.person.email) if i.person else (i.statutory_role, i.email)
        for i in planned
    ]
    return missing_roles(required_roles(meeting.board), holders)
