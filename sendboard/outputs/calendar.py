"""One iCalendar request (or cancellation) per meeting, as Outlook and other clients expect.

Meeting times are London wall-clock times, written with TZID=Europe/London and a full VTIMEZONE.
The VTIMEZONE is the rule form published for Europe/London (last Sunday of March at 01:00 GMT,
last Sunday of October at 02:00 BST): Outlook reads RRULE observances reliably, and RFC 5545 wants
each observance's DTSTART in the offset it changes *from* (icalendar's generated DAYLIGHT onset is
an hour late by that reading). A test checks the rule against the zoneinfo database.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sendboard import __version__, clock
from sendboard.domain.invitation_package import InvitationPackage
from sendboard.domain.validation import neutralise

if TYPE_CHECKING:
    from icalendar import Timezone, vCalAddress

# icalendar is imported where it is used: this module is loaded at startup (through the mail
# hand-off), long before the first invitation is written.

LONDON = ZoneInfo("Europe/London")
TZID = "Europe/London"
PRODID = f"-//Kingsmere SEND secretariat tools//sendboard {__version__}//EN"


def london_timezone() -> Timezone:
    """VTIMEZONE for Europe/London with its STANDARD and DAYLIGHT observances."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard
    from icalendar.prop import vRecur

    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "BST")
    daylight.add("tzoffsetfrom", _offset(0))
    daylight.add("tzoffsetto", _offset(60))
    daylight.add("dtstart", datetime(1970, 3, 29, 1, 0, 0))
    daylight.add("rrule", vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    standard = TimezoneStandard()
    standard.add("tzname", "GMT")
    standard.add("tzoffsetfrom", _offset(60))
    standard.add("tzoffsetto", _offset(0))
    standard.add("dtstart", datetime(1970, 10, 25, 2, 0, 0))
    standard.add("rrule", vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    zone.add_component(daylight)
    zone.add_component(standard)
    return zone


def _offset(minutes: int) -> timedelta:
    return timedelta(minutes=minutes)


def _person(name: str, email: str) -> vCalAddress:
    from icalendar import vCalAddress

    who = vCalAddress(f"mailto:{neutralise(email).replace(' ', '')}")
    who.params["cn"] = neutralise(name)
    return who


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _description(package: InvitationPackage) -> str:
    lines = [f"{package.kind_label} meeting of the {package.board_name}."]
    if package.cancelled:
        lines.insert(0, "This meeting has been cancelled.")
    else:
        lines.append(f"Papers deadline: {_day(package.papers_deadline)}.")
        lines.append(f"Agenda pack issued by: {_day(package.pack_issue)}.")
    if package.online_link:
        lines.append(f"Join online: {package.online_link}")
    if package.notes.strip():
        lines.append(package.notes.strip())
    return "\n".join(lines)


def build_calendar(package: InvitationPackage, now: datetime | None = None) -> bytes:
    """The VCALENDAR for the meeting: METHOD:REQUEST, or METHOD:CANCEL when it is cancelled."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", package.method)
    calendar.add_component(london_timezone())

    event = Event()
    event.add("uid", package.uid)
    event.add("sequence", package.sequence)
    event.add("dtstamp", (now or clock.now()).astimezone(UTC).replace(microsecond=0))
    event.add("dtstart", package.starts_at.replace(tzinfo=LONDON))
    event.add("dtend", package.ends_at.replace(tzinfo=LONDON))
    event.add("summary", package.title)
    if package.location:
        event.add("location", package.location)
    event.add("description", _description(package))
    if package.online_link:
        event.add("url", package.online_link)
    event.add("organizer", _person(package.organizer_name, package.organizer_email))
    for attendee in package.attendees:
        who = _person(attendee.name, attendee.email)
        who.params["role"] = attendee.role
        who.params["partstat"] = "NEEDS-ACTION"
        who.params["rsvp"] = "TRUE"
        who.params["cutype"] = "INDIVIDUAL"
        event.add("attendee", who, encode=0)
    if package.cancelled:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
    calendar.add_component(event)
    return calendar.to_ical()


def calendar_filename(package: InvitationPackage) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", package.title).strip("-").lower() or "meeting"
    suffix = "-cancelled" if package.cancelled else ""
    return f"{slug}-{package.starts_at:%Y-%m-%d}{suffix}.ics"
