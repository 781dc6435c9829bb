"""The invitation message: an editable template filled in, the calendar request attached.

Names and subjects never reach a header unchecked: CR and LF are refused in subjects and
stripped from display names, and addresses go through `email.headerregistry.Address`.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from sendboard import clock
from sendboard.domain.invitation_package import Attendee, InvitationPackage
from sendboard.errors import ValidationError
from sendboard.outputs.calendar import build_calendar, calendar_filename

PLACEHOLDERS = ("meeting", "board", "date", "time", "venue", "papers_deadline", "recipient")

DEFAULT_SUBJECT = "Invitation: {meeting}, {date}"
DEFAULT_BODY = (
    "Dear {recipient},\n\n"
    "You are invited to {meeting} on {date}, {time}.\n\n"
    "Venue: {venue}\n\n"
    "Papers are due to the secretariat by {papers_deadline}. The agenda and papers will "
    "follow.\n\n"
    "Please accept or decline the attached calendar invitation so we can confirm the "
    "quorum.\n\n"
    "With thanks"
)
CANCEL_SUBJECT = "Cancelled: {meeting}, {date}"
CANCEL_BODY = (
    "Dear {recipient},\n\n"
    "{meeting} on {date}, {time} has been cancelled. The attached "
    "cancellation removes it from your calendar.\n\n"
    "With apologies for any inconvenience"
)


@dataclass(frozen=True)
class Template:
    subject: str
    body: str


def check_template(template: Template) -> None:
    """Refuse placeholders the message cannot fill, naming them and the ones it can."""
    for label, text in (("subject", template.subject), ("body", template.body)):
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(text) if f is not None]
        except ValueError as exc:
            raise ValidationError(
                f"The {label} has an unmatched brace ({exc}); write {{{{ or }}}} for a "
                "literal brace.",
                label,
            ) from exc
        unknown = sorted({f for f in fields if f not in PLACEHOLDERS})
        if unknown:
            raise ValidationError(
                f"The {label} uses unknown placeholder(s) "
                + ", ".join("{" + f + "}" for f in unknown)
                + "; use "
                + ", ".join("{" + p + "}" for p in PLACEHOLDERS)
                + ".",
                label,
            )


def safe_header_text(text: str, label: str) -> str:
    """Header text on one line: a CR or LF in it is refused, never passed on."""
    if "\r" in text or "\n" in text:
        raise ValidationError(f"The {label} must be a single line.", label)
    return text.strip()


def display_name(name: str) -> str:
    """A name for an address header, with line breaks and control characters removed."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in name).split())


def address(name: str, email: str) -> Address:
    if any(ch in email for ch in "\r\n<>,; ") or email.count("@") != 1:
        raise ValidationError(f"'{email.strip()}' is not a usable email address.", "email")
    local, domain = email.split("@")
    return Address(display_name=display_name(name), username=local, domain=domain)


TO, CC, BCC = "to", "cc", "bcc"
HEADERS = (TO, CC, BCC)
HEADER_LABELS = {TO: "To", CC: "Cc", BCC: "Bcc"}


@dataclass(frozen=True)
class Addressing:
    """Which header the invitees go in, chosen per hand-off: the required ones (the chair, voting
    members, substitutes and the statutory advisers) and the optional ones (officers, guests)."""

    required: str = TO
    optional: str = CC

    def __post_init__(self) -> None:
        for header in (self.required, self.optional):
            if header not in HEADERS:
                raise ValidationError(f"'{header}' is not To, Cc or Bcc.", "addressing")

    def header_for(self, attendee: Attendee) -> str:
        return self.optional if attendee.role == "OPT-PARTICIPANT" else self.required


DEFAULT_ADDRESSING = Addressing()


def addressed(
    package: InvitationPackage, addressing: Addressing
) -> dict[str, tuple[tuple[str, str], ...]]:
    """(name, email) per header in list order. When nobody is in To the secretary is, as mail
    programs expect someone there (everyone else in Bcc keeps a long list private)."""
    headers: dict[str, list[tuple[str, str]]] = {header: [] for header in HEADERS}
    for attendee in package.attendees:
        headers[addressing.header_for(attendee)].append((attendee.name, attendee.email))
    if not headers[TO]:
        headers[TO].append((package.organizer_name, package.organizer_email))
    return {header: tuple(people) for header, people in headers.items()}


def quoted(name: str, email: str) -> str:
    """`"Name" <address>` for programs given addresses as text; the bare address without a name."""
    name = display_name(name)
    if not name:
        return email
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + f'" <{email}>'


def values(package: InvitationPackage, recipient: str) -> dict[str, str]:
    return {
        "meeting": package.title,
        "board": package.board_name,
        "date": f"{package.starts_at:%A} {package.starts_at.day} {package.starts_at:%B %Y}",
        "time": f"{package.starts_at:%H:%M}–{package.ends_at:%H:%M}",
        "venue": package.location or "to be confirmed",
        "papers_deadline": f"{package.papers_deadline:%A} {package.papers_deadline.day} "
        f"{package.papers_deadline:%B %Y}",
        "recipient": recipient,
    }


def render(template: Template, package: InvitationPackage, recipient: str) -> Template:
    """Fill the placeholders; `recipient` is the one name, or "colleagues" for a group."""
    check_template(template)
    filled = values(package, recipient)
    subject = " ".join(template.subject.format(**filled).split())
    return Template(subject=subject, body=template.body.format(**filled))


def default_template(package: InvitationPackage) -> Template:
    if package.cancelled:
        return Template(CANCEL_SUBJECT, CANCEL_BODY)
    return Template(DEFAULT_SUBJECT, DEFAULT_BODY)


def recipient_label(package: InvitationPackage) -> str:
    if len(package.attendees) == 1:
        return package.attendees[0].name
    return "colleagues"


def build_message(
    package: InvitationPackage,
    subject: str,
    body: str,
    extra: Iterable[tuple[str, bytes, str]] = (),
    *,
    calendar: bytes | None = None,
    draft: bool = True,
    addressing: Addressing = DEFAULT_ADDRESSING,
) -> EmailMessage:
    """The message to every invitee: the text first, then the calendar request as one .ics file.

    `multipart/mixed` with CRLF line ends: a `text/calendar` alternative beside the text is
    taken for the body by some clients (Thunderbird shows an empty message and the invitation
    twice). `extra` are (file name, content, MIME type) attachments such as papers. Pass
    `calendar` when its bytes are also logged or written elsewhere, so every copy is the same
    (DTSTAMP included).
    """
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = safe_header_text(subject, "subject")
    message["From"] = address(package.organizer_name, package.organizer_email)
    for header, people in addressed(package, addressing).items():
        if people:
            message[HEADER_LABELS[header]] = [address(name, email) for name, email in people]
    message["Date"] = format_datetime(clock.now())
    message["Message-ID"] = make_msgid(domain="sendboard")
    if draft:
        message["X-Unsent"] = "1"
    message.set_content(body)
    if calendar is None:
        calendar = build_calendar(package)
    message.add_attachment(
        calendar.decode("utf-8"),
        subtype="calendar",
        filename=calendar_filename(package),
        params={"method": package.method},
    )
    for name, content, media_type in extra:
        maintype, _, subtype = media_type.partition("/")
        message.add_attachment(
            content,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=display_name(name),
        )
    return message
