"""An invitation as plain data: what the calendar file and the message are built from.

It lives below the services so that the files written (`outputs`) and the hand-off to the mail
program (`mail`) can use it without looking up a layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    #: iCalendar ROLE: CHAIR, REQ-PARTICIPANT or OPT-PARTICIPANT (see `attendee_role`).
    role: str


@dataclass(frozen=True)
class InvitationPackage:
    """Everything the calendar and the message need, as plain data."""

    meeting_id: int
    uid: str
    sequence: int
    cancelled: bool
    title: str
    board_name: str
    kind_label: str
    starts_at: datetime  # London wall-clock time
    ends_at: datetime
    venue: str
    online_link: str
    notes: str
    papers_deadline: date
    pack_issue: date
    organizer_name: str
    organizer_email: str
    attendees: tuple[Attendee, ...]

    @property
    def method(self) -> str:
        return "CANCEL" if self.cancelled else "REQUEST"

    @property
    def location(self) -> str:
        return " — ".join(part for part in (self.venue, self.online_link) if part)
