"""Who was there: read from the meeting's invitation list and attendance record.

Approved minutes keep the record as it stood when they were approved (`attendance_record`), so a
later change to the invitation list cannot rewrite what the board agreed.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard.domain.invitations import Attendance as Mark
from sendboard.domain.invitations import quorum
from sendboard.services.meetings.invitation_list import stored
from sendboard.services.minutes.views import Attendance, AttendeeView
from sendboard.store.models import Invitation, Meeting, Membership, Person


def _roles(session: Session, meeting: Meeting) -> dict[int, str]:
    """Each member's role on the board, where it says more than "Member"."""
    rows = session.execute(
        select(Membership.person_id, Membership.role).where(Membership.board_id == meeting.board_id)
    )
    roles = {pid: role.label for pid, role in rows if role.value != "member"}
    if meeting.board.chair_id is not None:
        roles[meeting.board.chair_id] = "Chair"
    return roles


def _attendee(row: Invitation, roles: dict[int, str]) -> AttendeeView:
    person: Person | None = row.person
    parts = []
    if row.person_id is not None and row.person_id in roles:
        parts.append(roles[row.person_id])
    if row.statutory_role is not None:
        parts.append(row.statutory_role.label)
    elif person is not None and person.title:
        parts.append(person.title)
    standing_in = row.substitute_for.name if row.substitute_for is not None else ""
    return AttendeeView(
        name=row.name,
        organisation=row.organisation,
        role=", ".join(dict.fromkeys(parts)),
        substitute_for=standing_in,
    )


def read_attendance(session: Session, meeting: Meeting) -> Attendance:
    rows = [r for r in stored(session, meeting.id) if r.removed_at is None]
    roles = _roles(session, meeting)
    groups: dict[Mark, list[AttendeeView]] = {mark: [] for mark in Mark}
    for row in rows:
        if row.attendance is not None:
            groups[row.attendance].append(_attendee(row, roles))
    status = quorum(meeting.board.quorum, [(r.voting, r.attendance) for r in rows])
    return Attendance(
        present=tuple(groups[Mark.PRESENT]),
        apologies=tuple(groups[Mark.APOLOGIES]),
        substitutes=tuple(groups[Mark.SUBSTITUTE]),
        in_attendance=tuple(groups[Mark.IN_ATTENDANCE]),
        quorum_text=status.text,
        quorate=status.met,
    )


def to_record(attendance: Attendance) -> dict[str, Any]:
    return asdict(attendance)


def from_record(record: dict[str, Any]) -> Attendance:
    def people(key: str) -> tuple[AttendeeView, ...]:
        return tuple(AttendeeView(**row) for row in record.get(key, ()))

    return Attendance(
        present=people("present"),
        apologies=people("apologies"),
        substitutes=people("substitutes"),
        in_attendance=people("in_attendance"),
        quorum_text=str(record.get("quorum_text", "")),
        quorate=bool(record.get("quorate", False)),
    )
