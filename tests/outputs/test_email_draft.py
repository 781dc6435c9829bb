"""The .eml read back with the standard email parser; templates; header injection."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from icalendar import Calendar

from sendboard.errors import ValidationError
from sendboard.mail.draft import Draft
from sendboard.mail.eml import write_eml
from sendboard.outputs.email_draft import Template, check_template, render
from sendboard.services import mail
from sendboard.services.common.workspace import Database
from sendboard.services.mail import hand_offs
from sendboard.services.meetings import invitations
from tests.invitation_fixtures import add_meeting

pytestmark = pytest.mark.dated


@pytest.fixture
def package(demo_db: Database) -> hand_offs.InvitationPackage:
    return hand_offs.prepare_invitation(demo_db, add_meeting(demo_db)).value


def _read(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)  # type: ignore[return-value]


def test_eml_draft_carries_calendar_part_and_attachments(
    demo_db: Database, package: hand_offs.InvitationPackage, tmp_path: Path
) -> None:
    text = mail.draft_text(demo_db, package)
    paper = b"%PDF-1.4 fake paper"
    draft = Draft(
        package, text.subject, text.body, (("Risk register.pdf", paper, "application/pdf"),)
    )
    parsed = _read(write_eml(draft, tmp_path))
    assert parsed["X-Unsent"] == "1"
    assert parsed["Subject"] == "Invitation: SEND Improvement Board, Wednesday 13 January 2027"
    assert parsed["From"].addresses[0].addr_spec == "jack.lindqvist@kingsmere.example.gov.uk"
    to = {a.addr_spec for a in parsed["To"].addresses}
    cc = {a.addr_spec for a in parsed["Cc"].addresses}
    assert to | cc == {a.email for a in package.attendees}
    assert to == {a.email for a in package.attendees if a.role != "OPT-PARTICIPANT"}
    assert "daniel.osei@education.example.gov.uk" in to
    calendar_parts = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    assert len(calendar_parts) == 1
    assert calendar_parts[0].get_param("method") == "REQUEST"
    assert Calendar.from_ical(calendar_parts[0].get_content())["METHOD"] == "REQUEST"
    attachments = {p.get_filename(): p.get_content() for p in parsed.iter_attachments()}
    assert attachments["Risk register.pdf"] == paper
    ics_name = next(n for n in attachments if n.endswith(".ics"))
    assert attachments[ics_name].encode() == draft.calendar
    body = parsed.get_body(("plain",)).get_content()
    assert "Dear colleagues" in body
    assert "Wednesday 13 January 2027, 14:00–16:00" in body
    assert "Committee Room 1" in body


def test_template_placeholders_fill_and_unknown_ones_are_named(
    package: hand_offs.InvitationPackage,
) -> None:
    filled = render(
        Template("{board} – {date}", "Hi {recipient}: {venue} by {papers_deadline}"),
        package,
        "Daniel Osei",
    )
    assert filled.subject == "SEND Improvement Board – Wednesday 13 January 2027"
    assert filled.body.startswith("Hi Daniel Osei: Committee Room 1")
    with pytest.raises(ValidationError, match=r"\{chair\}"):
        check_template(Template("Meeting {chair}", "body"))
    with pytest.raises(ValidationError, match="brace"):
        check_template(Template("Meeting {", "body"))


def test_saved_template_is_checked_and_used(demo_db: Database) -> None:
    with pytest.raises(ValidationError, match=r"\{where\}"):
        mail.save_template(demo_db, Template("x", "See you {where}"))
    mail.save_template(demo_db, Template("Board on {date}", "Dear {recipient}, {time}."))
    package = hand_offs.prepare_invitation(demo_db, add_meeting(demo_db)).value
    text = mail.draft_text(demo_db, package)
    assert text.subject == "Board on Wednesday 13 January 2027"
    assert text.body == "Dear colleagues, 14:00–16:00."


def test_header_injection_in_subject_is_refused(package: hand_offs.InvitationPackage) -> None:
    with pytest.raises(ValidationError, match="single line"):
        Draft(package, "Meeting\r\nBcc: x@y.example", "body")


def test_header_injection_in_names_is_neutralised(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = add_meeting(demo_db)
    invitations.add_guest(
        demo_db,
        meeting_id,
        invitations.GuestInput(name="Eve\r\nBcc: x@y.example", email="eve@example.org"),
    )
    package = hand_offs.prepare_invitation(demo_db, meeting_id).value
    raw = write_eml(Draft(package, "Invitation", "Body"), tmp_path).read_bytes()
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed["Bcc"] is None
    assert b"\nBcc:" not in raw and b"\rBcc:" not in raw
    copied = parsed["To"].addresses + parsed["Cc"].addresses
    to = {a.addr_spec for a in copied}
    assert "eve@example.org" in to and "x@y.example" not in to
    # The guest with a line break in the name is kept, on one line.
    assert any(a.display_name == "Eve Bcc: x@y.example" for a in copied)


def test_guest_email_with_line_break_is_refused(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    with pytest.raises(ValidationError, match="not a valid email"):
        invitations.add_guest(
            demo_db,
            meeting_id,
            invitations.GuestInput(name="Eve", email="eve@example.org\r\nBcc: x@y.example"),
        )


def test_cancellation_message_carries_method_cancel(demo_db: Database, tmp_path: Path) -> None:
    from sendboard.domain.meetings import MeetingStatus
    from tests.invitation_fixtures import update_meeting

    meeting_id = add_meeting(demo_db)
    update_meeting(demo_db, meeting_id, status=MeetingStatus.CANCELLED, sequence=1)
    package = hand_offs.prepare_invitation(demo_db, meeting_id).value
    text = mail.draft_text(demo_db, package)
    assert text.subject.startswith("Cancelled: ")
    parsed = _read(write_eml(Draft(package, text.subject, text.body), tmp_path))
    (part,) = [p for p in parsed.walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "CANCEL"
    calendar = Calendar.from_ical(part.get_content())
    assert calendar["METHOD"] == "CANCEL"
    assert next(iter(calendar.walk("VEVENT")))["STATUS"] == "CANCELLED"
    assert "cancelled" in parsed.get_body(("plain",)).get_content()


def test_eml_opens_with_its_body_and_one_calendar_attachment(
    demo_db: Database, package: hand_offs.InvitationPackage, tmp_path: Path
) -> None:
    """Text body first, the calendar once as an attachment, CRLF throughout: mail clients that
    take a text/calendar alternative as the body (Thunderbird) show an empty message."""
    text = mail.draft_text(demo_db, package)
    raw = write_eml(Draft(package, text.subject, text.body), tmp_path).read_bytes()
    assert raw.count(b"\n") == raw.count(b"\r\n")
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed.get_content_type() == "multipart/mixed"
    assert all(p.get_content_type() != "multipart/alternative" for p in parsed.walk())
    first, *rest = parsed.iter_parts()
    assert first.get_content_type() == "text/plain"
    assert first.get_content_disposition() is None
    assert "Dear colleagues" in first.get_content()
    assert len(rest) == 1
    (ics,) = rest
    assert ics.get_content_disposition() == "attachment"
    assert ics.get_filename().endswith(".ics")
    assert ics.get_content_type() == "text/calendar"
    assert ics.get_param("method") == "REQUEST"
    assert Calendar.from_ical(ics.get_content())["METHOD"] == "REQUEST"
