"""The draft every backend hands over: addresses, subject, body, and the files that go with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import EmailMessage
from functools import cached_property
from pathlib import Path

from sendboard.domain.invitation_package import InvitationPackage
from sendboard.outputs.calendar import build_calendar, calendar_filename
from sendboard.outputs.email_draft import (
    DEFAULT_ADDRESSING,
    Addressing,
    addressed,
    build_message,
    quoted,
    safe_header_text,
)


@dataclass(frozen=True)
class Draft:
    package: InvitationPackage
    subject: str
    body: str
    #: (file name, content, MIME type) of extra attachments such as papers.
    extra: tuple[tuple[str, bytes, str], ...] = field(default=())
    #: Which of To, Cc and Bcc the required and the optional invitees go in.
    addressing: Addressing = DEFAULT_ADDRESSING

    def __post_init__(self) -> None:
        safe_header_text(self.subject, "subject")

    @property
    def recipients(self) -> tuple[str, ...]:
        """Every invitee's address, whichever header it goes in: the evidence of who was sent it."""
        return tuple(a.email for a in self.package.attendees)

    def people(self, header: str) -> tuple[tuple[str, str], ...]:
        """(name, email) of everyone in `header` (to, cc or bcc)."""
        return addressed(self.package, self.addressing)[header]

    def quoted(self, header: str) -> tuple[str, ...]:
        """`"Name" <address>` of everyone in `header`, for programs given addresses as text."""
        return tuple(quoted(name, email) for name, email in self.people(header))

    @cached_property
    def calendar(self) -> bytes:
        return build_calendar(self.package)

    @property
    def calendar_name(self) -> str:
        return calendar_filename(self.package)

    def attachments(self) -> tuple[tuple[str, bytes], ...]:
        """Every file that goes with the message: the calendar first, then the extras."""
        return ((self.calendar_name, self.calendar), *((n, c) for n, c, _ in self.extra))

    def message(self) -> EmailMessage:
        return build_message(
            self.package,
            self.subject,
            self.body,
            self.extra,
            calendar=self.calendar,
            addressing=self.addressing,
        )


def write_attachments(draft: Draft, folder: Path) -> list[Path]:
    """Put the files where a mail client can read them (it may read them after we return)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in draft.attachments():
        path = folder / Path(name).name
        path.write_bytes(content)
        written.append(path)
    return written
