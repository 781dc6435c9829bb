"""Working out who a meeting's invitation goes to, inside one session.

Shared by the invitations service and the demo builder: current members of the board on the
meeting day, then everyone holding a statutory role the board must invite, even if not a member.

`MeetingList` loads a meeting's rows once (with their people) and keeps them as it adds rows, so
bringing a list up to date, checking the gate and reading it back cost one query, not one each.
`Invitees` loads each board's memberships and the role holders once, for callers that work
through many meetings in one session.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain.compliance import missing_roles
from sendboard.domain.governance import MemberRole, StatutoryRole
from sendboard.domain.invitations import InvitationKind
from sendboard.services.common.records import load
from sendboard.store.models import (
    Board,
    BoardRequiredRole,
    Invitation,
    Meeting,
    Membership,
    Person,
)

_ROLE_ORDER = {role: n for n, role in enumerate(MemberRole)}


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    return load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")


def required_roles(board: Board) -> tuple[StatutoryRole, ...]:
    wanted = {r.role for r in board.required_roles}
    return tuple(r for r in StatutoryRole if r in wanted)


def _current_on(membership: Membership, day: date) -> bool:
    starts_ok = membership.from_date is None or membership.from_date <= day
    return starts_ok and (membership.to_date is None or membership.to_date >= day)


def opening_list(
    members: Sequence[Membership], holders: Sequence[Person], day: date
) -> list[tuple[Person, InvitationKind, bool]]:
    """Who a meeting's list starts with: the board's members current on `day` in role order,
    then everyone holding a role the board must invite, member or not (`holders`). Each is
    (person, how invited, votes)."""
    current = sorted(
        (m for m in members if _current_on(m, day)),
        key=lambda m: (_ROLE_ORDER[m.role], m.person.name.lower()),
    )
    seen: set[int] = set()
    invited: list[tuple[Person, InvitationKind, bool]] = []
    for membership in current:
        if membership.person_id not in seen:
            seen.add(membership.person_id)
            invited.append((membership.person, InvitationKind.MEMBER, membership.voting))
    for person in holders:
        if person.id not in seen:
            seen.add(person.id)
            invited.append((person, InvitationKind.REQUIRED_ROLE, False))
    return invited


def board_gap(board: Board, invitees: Invitees, day: date) -> tuple[StatutoryRole, ...]:
    """Required roles that a new meeting of the board on `day` would have nobody to invite for:
    the gate of a fresh list, by the list's own rule (`opening_list`)."""
    roles = required_roles(board)
    invited = opening_list(invitees.members(board.id), invitees.holders(roles), day)
    return missing_roles(roles, [(p.statutory_role, p.email) for p, _, _ in invited])


def snapshot(invitation: Invitation, person: Person) -> None:
    """Copy the person's details onto the row: the record of who was invited stays true."""
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


class Invitees:
    """Boards' memberships and the holders of statutory roles, each loaded once per session.

    Only for work that does not change people or memberships while it runs.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._members: dict[int, list[Membership]] = {}
        self._holders: dict[tuple[StatutoryRole, ...], list[Person]] = {}

    def members(self, board_id: int) -> list[Membership]:
        if board_id not in self._members:
            self._members[board_id] = list(
                self._session.scalars(
                    select(Membership)
                    .where(Membership.board_id == board_id)
                    .options(selectinload(Membership.person).selectinload(Person.organisation))
                )
            )
        return self._members[board_id]

    def holders(self, roles: tuple[StatutoryRole, ...]) -> list[Person]:
        """Everyone holding one of the roles, by name."""
        if not roles:
            return []
        if roles not in self._holders:
            self._holders[roles] = list(
                self._session.scalars(
                    select(Person)
                    .where(Person.statutory_role.in_(roles))
                    .options(selectinload(Person.organisation))
                    .order_by(Person.name)
                )
            )
        return self._holders[roles]


class MeetingList:
    """One meeting's invitation rows, read once and kept current as rows are added through it.

    Valid while the session changes the meeting's rows only through this object.
    """

    def __init__(
        self, session: Session, meeting: Meeting, invitees: Invitees | None = None
    ) -> None:
        self.session = session
        self.meeting = meeting
        self.invitees = invitees or Invitees(session)
        #: Every row, removed ones included, in list (id) order.
        self.rows = stored(session, meeting.id)

    def active(self) -> list[Invitation]:
        return [i for i in self.rows if i.removed_at is None]

    def for_person(self, person_id: int) -> Invitation | None:
        return next((i for i in self.rows if i.person_id == person_id), None)

    def add(self, invitation: Invitation) -> None:
        self.session.add(invitation)
        self.rows.append(invitation)

    def _missing(self) -> list[tuple[Person, InvitationKind, bool]]:
        """Members current on the meeting day, then role holders, not yet on the list (nor
        removed from it): who each is, how they are invited, and whether they vote."""
        meeting = self.meeting
        known = {i.person_id for i in self.rows if i.person_id is not None}
        invited = opening_list(
            self.invitees.members(meeting.board_id),
            self.invitees.holders(required_roles(meeting.board)),
            meeting.starts_at.date(),
        )
        return [entry for entry in invited if entry[0].id not in known]

    def candidates(self) -> list[Invitation]:
        """Unsaved invitations for members and role holders not yet on the list (nor removed)."""
        made = []
        for person, kind, voting in self._missing():
            invitation = Invitation(
                meeting_id=self.meeting.id, person_id=person.id, kind=kind, voting=voting
            )
            snapshot(invitation, person)
            made.append(invitation)
        return made

    def refresh_snapshots(self) -> None:
        """Bring names, emails and roles of linked people up to date (the hand-off log keeps
        what was actually sent)."""
        for invitation in self.rows:
            if invitation.person is not None:
                snapshot(invitation, invitation.person)

    def sync(self) -> list[Invitation]:
        """Add the missing members and role holders; returns the rows added."""
        self.refresh_snapshots()
        added = self.candidates()
        self.session.add_all(added)
        self.rows.extend(added)
        self.session.flush()
        return added

    def restore_required(self) -> list[Invitation]:
        """Put back invitations taken off the list for people who hold a role the board must
        invite: the notice requires them at every meeting. Returns the rows put back."""
        roles = required_roles(self.meeting.board)
        restored = [
            i
            for i in self.rows
            if i.removed_at is not None
            and i.person is not None
            and i.person.statutory_role in roles
        ]
        for invitation in restored:
            invitation.removed_at = None
            snapshot(invitation, invitation.person)
        self.session.flush()
        return restored

    def gate(self) -> tuple[StatutoryRole, ...]:
        """Required roles with no holder on the list (as it would be sent) with a valid email."""
        holders = [
            (i.person.statutory_role, i.person.email) if i.person else (i.statutory_role, i.email)
            for i in self.active()
        ]
        holders += [(person.statutory_role, person.email) for person, _, _ in self._missing()]
        return missing_roles(required_roles(self.meeting.board), holders)


def sync(session: Session, meeting: Meeting) -> list[Invitation]:
    return MeetingList(session, meeting).sync()


def active(session: Session, meeting: Meeting) -> list[Invitation]:
    return MeetingList(session, meeting).active()


def gate(session: Session, meeting: Meeting) -> tuple[StatutoryRole, ...]:
    return MeetingList(session, meeting).gate()


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
