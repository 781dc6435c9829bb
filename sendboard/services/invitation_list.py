"""Working out who a meeting's invitation goes to, inside one session.

Shared by the invitations service and the demo builder: current members of the board on the
meeting day, then everyone holding a statutory role the board must invite, even if not a member.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain.compliance import missing_roles
from sendboard.domain.governance import MemberRole, StatutoryRole
from sendboard.domain.invitations import InvitationKind
from sendboard.services.records import load
from sendboard.store.models import (
    Board,
    BoardRequiredRole,
    Invitation,
    Meeting,
    Membership,
    Person,
)

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


Holder = tuple[StatutoryRole | None, str | None]


def gates(session: Session, meetings: Sequence[Meeting]) -> dict[int, tuple[StatutoryRole, ...]]:
    """`gate` for many meetings in four queries: meeting id → missing roles, for those missing any.

    The same rule as `gate` (the list as it would be sent: kept invitations, then current members
    and role holders not already on it nor removed), read as plain rows, not built as records.
    """
    required: dict[int, set[StatutoryRole]] = {}
    board_ids = {m.board_id for m in meetings}
    for board_id, role in session.execute(
        select(BoardRequiredRole.board_id, BoardRequiredRole.role).where(
            BoardRequiredRole.board_id.in_(board_ids)
        )
    ):
        required.setdefault(board_id, set()).add(role)
    checked = [m for m in meetings if m.board_id in required]
    if not checked:
        return {}
    on_list: dict[int, list[tuple[int | None, bool, Holder]]] = {m.id: [] for m in checked}
    for row in session.execute(
        select(
            Invitation.meeting_id,
            Invitation.person_id,
            Invitation.removed_at,
            Invitation.statutory_role,
            Invitation.email,
            Person.id,
            Person.statutory_role,
            Person.email,
        )
        .outerjoin(Person, Invitation.person_id == Person.id)
        .where(Invitation.meeting_id.in_(on_list))
    ):
        meeting_id, person_id, removed_at, role, email, linked, person_role, person_email = row
        holder = (person_role, person_email) if linked is not None else (role, email)
        on_list[meeting_id].append((person_id, removed_at is None, holder))
    members: dict[int, list[tuple[int, date | None, date | None, Holder]]] = {}
    for board_id, person_id, starts, ends, role, email in session.execute(
        select(
            Membership.board_id,
            Membership.person_id,
            Membership.from_date,
            Membership.to_date,
            Person.statutory_role,
            Person.email,
        )
        .join(Person, Membership.person_id == Person.id)
        .where(Membership.board_id.in_(required))
    ):
        members.setdefault(board_id, []).append((person_id, starts, ends, (role, email)))
    all_roles = set().union(*required.values())
    role_holders = session.execute(
        select(Person.id, Person.statutory_role, Person.email).where(
            Person.statutory_role.in_(all_roles)
        )
    ).all()
    missing: dict[int, tuple[StatutoryRole, ...]] = {}
    for meeting in checked:
        day = meeting.starts_at.date()
        listed = on_list[meeting.id]
        known = {person_id for person_id, _, _ in listed if person_id is not None}
        holders = [holder for _, kept, holder in listed if kept]
        holders += [
            holder
            for person_id, starts, ends, holder in members.get(meeting.board_id, [])
            if person_id not in known
            and (starts is None or starts <= day)
            and (ends is None or ends >= day)
        ]
        holders += [(role, email) for pid, role, email in role_holders if pid not in known]
        if lacking := missing_roles(required[meeting.board_id], holders):
            missing[meeting.id] = lacking
    return missing
