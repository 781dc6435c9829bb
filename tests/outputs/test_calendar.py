"""The .ics read back with icalendar: method, identity, time zone, attendees, organiser."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from sendboard.domain.meetings import MeetingStatus
from sendboard.outputs.calendar import build_calendar, london_timezone
from sendboard.services.common.workspace import Database
from sendboard.services.mail import hand_offs
from tests.invitation_fixtures import add_meeting, update_meeting

pytestmark = pytest.mark.dated


def _parse(db: Database, meeting_id: int) -> tuple[Calendar, hand_offs.InvitationPackage]:
    package = hand_offs.prepare_invitation(db, meeting_id).value
    return Calendar.from_ical(build_calendar(package)), package


def _event(calendar: Calendar):  # type: ignore[no-untyped-def]
    (event,) = calendar.walk("VEVENT")
    return event


def test_request_has_method_identity_times_and_zone(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db, datetime(2027, 6, 9, 14, 0))
    calendar, package = _parse(demo_db, meeting_id)
    assert calendar["METHOD"] == "REQUEST"
    assert calendar["VERSION"] == "2.0"
    assert "sendboard" in str(calendar["PRODID"])
    event = _event(calendar)
    assert str(event["UID"]) == package.uid
    assert event["SEQUENCE"] == 0
    assert event["STATUS"] == "CONFIRMED"
    assert event["DTSTAMP"].dt.tzinfo is not None
    start = event["DTSTART"]
    assert start.params["TZID"] == "Europe/London"
    assert start.dt.replace(tzinfo=None) == datetime(2027, 6, 9, 14, 0)
    assert start.dt.utcoffset() == timedelta(hours=1)  # June: British Summer Time
    assert event["DTEND"].params["TZID"] == "Europe/London"
    assert "Committee Room 1" in str(event["LOCATION"])
    assert "Papers deadline" in str(event["DESCRIPTION"])
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/London"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}


def test_one_attendee_per_invitee_with_role_rsvp_and_name(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    calendar, package = _parse(demo_db, meeting_id)
    attendees = _event(calendar).get("ATTENDEE")
    by_email = {str(a).removeprefix("mailto:"): a for a in attendees}
    assert len(attendees) == len(package.attendees) == len(by_email)
    assert set(by_email) == {a.email for a in package.attendees}
    for attendee in attendees:
        assert attendee.params["RSVP"] == "TRUE"
        assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"
        assert attendee.params["ROLE"] in ("CHAIR", "REQ-PARTICIPANT", "OPT-PARTICIPANT")
        assert attendee.params["CN"]
    case_lead = by_email["daniel.osei@education.example.gov.uk"]
    assert case_lead.params["CN"] == "Daniel Osei"
    assert case_lead.params["ROLE"] == "REQ-PARTICIPANT"
    assert by_email["m.ellery@kingsmere.example.org.uk"].params["ROLE"] == "CHAIR"
    assert by_email["helen.marsh@kingsmere.example.gov.uk"].params["ROLE"] == "OPT-PARTICIPANT"
    assert by_email["zoe.hartley@kingsmere.example.gov.uk"].params["CN"] == "Zoë Hartley"
    organizer = _event(calendar)["ORGANIZER"]
    assert str(organizer) == "mailto:jack.lindqvist@kingsmere.example.gov.uk"
    assert organizer.params["CN"] == "Jack Lindqvist"
    # The secretary organises; she is not also sent her own invitation.
    assert "jack.lindqvist@kingsmere.example.gov.uk" not in by_email


def test_uid_stays_and_sequence_rises_when_rescheduled(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    first, _ = _parse(demo_db, meeting_id)
    update_meeting(demo_db, meeting_id, starts_at=datetime(2027, 1, 20, 10), sequence=1)
    update_meeting(demo_db, meeting_id, ends_at=datetime(2027, 1, 20, 12))
    second, _ = _parse(demo_db, meeting_id)
    assert _event(first)["UID"] == _event(second)["UID"]
    assert _event(second)["SEQUENCE"] == _event(first)["SEQUENCE"] + 1
    assert _event(second)["DTSTART"].dt.replace(tzinfo=None) == datetime(2027, 1, 20, 10)
    assert _event(second)["DTSTART"].dt.utcoffset() == timedelta(0)  # January: GMT


def test_cancelled_meeting_gives_a_cancellation(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    first, _ = _parse(demo_db, meeting_id)
    update_meeting(demo_db, meeting_id, status=MeetingStatus.CANCELLED, sequence=1)
    calendar, package = _parse(demo_db, meeting_id)
    assert calendar["METHOD"] == "CANCEL"
    event = _event(calendar)
    assert event["STATUS"] == "CANCELLED"
    assert event["UID"] == _event(first)["UID"]
    assert event["SEQUENCE"] == 1
    assert len(event.get("ATTENDEE")) == len(package.attendees)


def _onsets(component, year: int) -> datetime:  # type: ignore[no-untyped-def]
    """The UTC instant of the observance's onset in `year`, read as RFC 5545 says: DTSTART is
    local time in TZOFFSETFROM, repeating by its RRULE (last Sunday of the month)."""
    start = component["DTSTART"].dt
    month = component["RRULE"]["BYMONTH"][0]
    assert component["RRULE"]["BYDAY"] == ["-1SU"]
    last = date(year, month + 1, 1) - timedelta(days=1)
    sunday = last - timedelta(days=(last.weekday() - 6) % 7)
    local = datetime.combine(sunday, start.time())
    return (local - component["TZOFFSETFROM"].td).replace(tzinfo=UTC)


def test_vtimezone_agrees_with_the_zoneinfo_database() -> None:
    zone = london_timezone()
    daylight = next(c for c in zone.subcomponents if c.name == "DAYLIGHT")
    standard = next(c for c in zone.subcomponents if c.name == "STANDARD")
    london = ZoneInfo("Europe/London")
    for year in range(2020, 2038):
        for component, before, after in ((daylight, 0, 1), (standard, 1, 0)):
            onset = _onsets(component, year)
            assert (onset - timedelta(seconds=1)).astimezone(london).utcoffset() == timedelta(
                hours=before
            )
            assert onset.astimezone(london).utcoffset() == timedelta(hours=after)
