"""The invitation draft opened in Thunderbird: the secretary's compose window and a recipient's
message window show the whole text and the calendar request as one .ics attachment."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from icalendar import Calendar

from sendboard.cli import main
from sendboard.services.common.workspace import Database
from tests.clients.thunderbird import EXECUTABLE, Thunderbird
from tests.pg_server import target

pytestmark = pytest.mark.skipif(EXECUTABLE is None, reason="Thunderbird is not installed")


def words(text: str) -> str:
    return " ".join(text.split())


def test_thunderbird_opens_the_invitation_with_its_body_and_one_ics(
    demo_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert main(["invite", "--db", target(demo_db), "--meeting", "next", "--out", str(out)]) == 0
    (draft,) = out.glob("*.eml")
    (ics,) = out.glob("*.ics")
    message = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    body = message.get_body(("plain",)).get_content()
    subject = str(message["Subject"])
    (event,) = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    # As a recipient has it: the same message, sent.
    received = tmp_path / "received.eml"
    received.write_bytes(draft.read_bytes().replace(b"X-Unsent: 1\r\n", b"", 1))

    with Thunderbird(tmp_path / "thunderbird") as thunderbird:
        thunderbird.open_eml(draft)
        thunderbird.open_eml(received)
        shown = thunderbird.shown(compose=1, read=1)

    (compose,) = shown["compose"]
    assert compose["subject"] == subject
    assert words(compose["body"]) == words(body)
    assert compose["attachments"] == [ics.name]
    (read,) = shown["read"]
    assert subject in read["subject"]
    assert words(body) in words(read["body"])
    assert read["attachments"] == [[ics.name, "text/calendar"]]
    # Thunderbird's calendar read the attachment as an invitation to the meeting.
    assert f"has invited you to {event['SUMMARY']}" in words(read["body"])
