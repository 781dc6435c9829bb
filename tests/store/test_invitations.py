"""The invitation list, the compliance gate, responses, attendance, quorum, compliance record."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from sendboard.domain.governance import StatutoryRole
from sendboard.domain.invitations import Attendance, InvitationKind, Response
from sendboard.errors import ComplianceError, ValidationError
from sendboard.services import people
from sendboard.services.common.workspace import Database
from sendboard.services.mail import hand_offs
from sendboard.services.meetings import invitations
from sendboard.services.meetings.compliance_record import compliance_record
from sendboard.store.models import Person
from tests.invitation_fixtures import add_meeting, person_id

pytestmark = pytest.mark.dated

LONDON = ZoneInfo("Europe/London")


def _by_name(db: Database, meeting_id: int) -> dict[str, invitations.InvitationView]:
    return {i.name: i for i in invitations.list_invitations(db, meeting_id)}


def test_list_has_members_and_role_holders_even_when_not_members(demo_db: Database) -> None:
    robert = person_id(demo_db, "Robert Kimani")
    # The DfE SEND adviser is a member of the demo board; make a second holder who is not.
    with demo_db.write() as session:
        session.add(
            Person(
                name="Nadia Quinn",
                email="nadia.quinn@education.example.gov.uk",
                statutory_role=StatutoryRole.DFE_SEND_ADVISER,
            )
        )
    meeting_id = add_meeting(demo_db)
    assert invitations.list_invitations(demo_db, meeting_id) == []
    listed = invitations.build_invitation_list(demo_db, meeting_id).value
    names = [i.name for i in listed]
    assert names[0] == "Dr Margaret Ellery"  # the chair first
    by_name = {i.name: i for i in listed}
    assert by_name["Nadia Quinn"].kind == InvitationKind.REQUIRED_ROLE
    assert by_name["Robert Kimani"].kind == InvitationKind.MEMBER
    assert by_name["Robert Kimani"].person_id == robert
    assert by_name["Robert Kimani"].statutory_role == StatutoryRole.DFE_SEND_ADVISER
    assert by_name["Siân Pritchard"].voting and not by_name["Helen Marsh"].voting
    # Building again adds nobody twice.
    again = invitations.build_invitation_list(demo_db, meeting_id).value
    assert [i.id for i in again] == [i.id for i in listed]


def test_gate_names_the_missing_role_and_remembers_removals(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    assert invitations.check_gate(demo_db, meeting_id) == ()
    listed = _by_name(demo_db, meeting_id) or {
        i.name: i for i in invitations.build_invitation_list(demo_db, meeting_id).value
    }
    invitations.remove_invitation(demo_db, listed["Daniel Osei"].id)
    assert invitations.check_gate(demo_db, meeting_id) == (StatutoryRole.DFE_CASE_LEAD,)
    with pytest.raises(ComplianceError, match="DfE case lead") as caught:
        hand_offs.prepare_invitation(demo_db, meeting_id)
    assert caught.value.missing == (StatutoryRole.DFE_CASE_LEAD,)
    invitations.add_guest(
        demo_db, meeting_id, invitations.GuestInput(person_id=listed["Daniel Osei"].person_id)
    )
    assert invitations.check_gate(demo_db, meeting_id) == ()


def test_update_from_board_puts_back_a_required_adviser_and_says_so(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    listed = {i.name: i for i in invitations.build_invitation_list(demo_db, meeting_id).value}
    member = next(i for i in listed.values() if i.kind == InvitationKind.MEMBER)
    invitations.remove_invitation(demo_db, listed["Daniel Osei"].id)
    invitations.remove_invitation(demo_db, member.id)
    update = invitations.update_from_board(demo_db, meeting_id).value
    assert update.restored == (("Daniel Osei", "DfE case lead"),)
    assert update.added == ()
    names = [i.name for i in update.invitations]
    assert "Daniel Osei" in names and member.name not in names  # a member's removal stands
    assert invitations.check_gate(demo_db, meeting_id) == ()
    assert update.summary == (
        "Put back Daniel Osei (DfE case lead), taken off the list earlier: the board must "
        "invite this role to every meeting."
    )
    again = invitations.update_from_board(demo_db, meeting_id).value
    assert again.summary == "The list already has the board's members and required-role holders."


def test_gate_fails_when_the_holder_has_no_email(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    fiona = people.get_person(demo_db, person_id(demo_db, "Fiona Blackwood"))
    people.update_person(
        demo_db,
        fiona.id,
        people.PersonInput(
            name=fiona.name, organisation=fiona.organisation, statutory_role=fiona.statutory_role
        ),
    )
    assert invitations.check_gate(demo_db, meeting_id) == (StatutoryRole.NHSE_ADVISER,)
    with pytest.raises(ComplianceError, match="NHS England adviser"):
        invitations.ensure_gate(demo_db, meeting_id)


def test_guests_and_substitutes(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    listed = {i.name: i for i in invitations.build_invitation_list(demo_db, meeting_id).value}
    guest = invitations.add_guest(
        demo_db,
        meeting_id,
        invitations.GuestInput(name="Ola Bello", email="Ola@Example.org", organisation="Ofsted"),
    ).value
    assert guest.kind == InvitationKind.GUEST and guest.email == "ola@example.org"
    with pytest.raises(ValidationError, match="already on the list"):
        invitations.add_guest(
            demo_db, meeting_id, invitations.GuestInput(name="Ola", email="ola@example.org")
        )
    with pytest.raises(ValidationError, match="email"):
        invitations.add_guest(demo_db, meeting_id, invitations.GuestInput(name="No Mail"))
    substitute = invitations.add_substitute(
        demo_db,
        meeting_id,
        listed["Siân Pritchard"].id,
        invitations.GuestInput(person_id=person_id(demo_db, "Tom Whitcombe")),
    ).value
    assert substitute.kind == InvitationKind.SUBSTITUTE
    assert substitute.substitute_for_name == "Siân Pritchard"
    assert substitute.voting


def test_responses_attendance_and_quorum(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    listed = {i.name: i for i in invitations.build_invitation_list(demo_db, meeting_id).value}
    invitations.set_response(demo_db, listed["Daniel Osei"].id, Response.DECLINED)
    assert _by_name(demo_db, meeting_id)["Daniel Osei"].response == Response.DECLINED
    status = invitations.quorum_status(demo_db, meeting_id)
    assert status.required == 5 and status.counted == 0 and not status.met
    for name in ("Dr Margaret Ellery", "Zoë Hartley", "Cllr Peter Ashdown", "Grace O'Connell"):
        invitations.set_attendance(demo_db, listed[name].id, Attendance.PRESENT)
    # Advisers in attendance and non-voting officers do not count.
    invitations.set_attendance(demo_db, listed["Robert Kimani"].id, Attendance.PRESENT)
    invitations.set_attendance(demo_db, listed["Helen Marsh"].id, Attendance.PRESENT)
    assert invitations.quorum_status(demo_db, meeting_id).counted == 4
    invitations.set_attendance(demo_db, listed["Siân Pritchard"].id, Attendance.APOLOGIES)
    with pytest.raises(ValidationError, match="not invited as a substitute"):
        invitations.set_attendance(demo_db, listed["Łukasz Nowak"].id, Attendance.SUBSTITUTE)
    substitute = invitations.add_substitute(
        demo_db,
        meeting_id,
        listed["Siân Pritchard"].id,
        invitations.GuestInput(name="Kai Deputy", email="kai@kingsmere.example.gov.uk"),
    ).value
    invitations.set_attendance(demo_db, substitute.id, Attendance.SUBSTITUTE)
    status = invitations.quorum_status(demo_db, meeting_id)
    assert status.counted == 5 and status.met
    assert status.text.startswith("Quorate: 5 of 5")


def test_compliance_record_shows_each_role_and_when(demo_db: Database) -> None:
    past = add_meeting(demo_db, datetime(2026, 11, 11, 14))
    future = add_meeting(demo_db, datetime(2027, 1, 13, 14))
    with time_machine.travel(datetime(2026, 10, 28, 10, tzinfo=LONDON), tick=False):
        package = hand_offs.prepare_invitation(demo_db, past).value
        hand_offs.record_hand_off(
            demo_db,
            past,
            hand_offs.HandOffInput(
                channel="file",
                recipients=tuple(a.email for a in package.attendees),
                subject="Invitation",
                attachments=(("m.ics", b"BEGIN:VCALENDAR"),),
                sequence=0,
                method="REQUEST",
            ),
        )
    board_id = demo_db_board_id(demo_db)
    record = {r.meeting_id: r for r in compliance_record(demo_db, board_id)}
    assert [r.role for r in record[past].roles] == list(StatutoryRole)
    assert record[past].compliant
    lead = next(r for r in record[past].roles if r.role == StatutoryRole.DFE_CASE_LEAD)
    assert lead.invited and lead.holder == "Daniel Osei" and lead.hand_offs == 1
    assert lead.first_invited_at is not None and lead.first_invited_at.tzinfo is not None
    assert lead.first_invited_at == datetime(2026, 10, 28, 10, tzinfo=LONDON)
    assert lead.channel == "file" and lead.later == () and not lead.late
    assert not record[future].compliant
    assert not any(r.invited for r in record[future].roles)


def demo_db_board_id(db: Database) -> int:
    from sendboard.services.boards import find_board

    return find_board(db, "SEND Improvement Board").id


def test_upcoming_gate_warnings_name_meetings_that_cannot_be_sent(demo_db: Database) -> None:
    now = datetime(2027, 1, 1, 9, tzinfo=ZoneInfo("Europe/London"))
    ok = add_meeting(demo_db, datetime(2027, 1, 13, 14))
    blocked = add_meeting(demo_db, datetime(2027, 2, 10, 14))
    add_meeting(demo_db, datetime(2026, 12, 9, 14))  # past: not warned about
    listed = invitations.build_invitation_list(demo_db, blocked).value
    invitations.remove_invitation(
        demo_db, next(i.id for i in listed if i.name == "Fiona Blackwood")
    )
    warnings = invitations.upcoming_gate_warnings(
        demo_db, now=now.replace(tzinfo=None).astimezone()
    )
    assert [w.meeting_id for w in warnings] == [blocked]
    assert warnings[0].missing == (StatutoryRole.NHSE_ADVISER,)
    assert "NHS England adviser" in warnings[0].text
    assert ok not in [w.meeting_id for w in warnings]


def test_cancelled_meeting_never_sent_needs_no_invitations(demo_db: Database) -> None:
    from sendboard.domain.meetings import MeetingStatus

    cancelled = add_meeting(demo_db, datetime(2027, 3, 10, 14), status=MeetingStatus.CANCELLED)
    record = {r.meeting_id: r for r in compliance_record(demo_db, demo_db_board_id(demo_db))}
    assert record[cancelled].compliant
    assert not any(r.invited for r in record[cancelled].roles)
