"""`sendboard invite`: files written and logged; exit 2 naming the role when the gate fails."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from icalendar import Calendar

from sendboard.cli import main
from sendboard.services import hand_offs, invitations
from sendboard.services.workspace import Database
from tests.invitation_fixtures import add_meeting


def test_invite_writes_eml_and_ics_and_logs_them(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = add_meeting(demo_db)
    out = tmp_path / "out"
    status = main(
        ["invite", "--db", str(demo_db.file), "--meeting", str(meeting_id), "--out", str(out)]
    )
    assert status == 0
    (ics,) = out.glob("*.ics")
    (eml,) = out.glob("*.eml")
    assert Calendar.from_ical(ics.read_bytes())["METHOD"] == "REQUEST"
    parsed = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert parsed["X-Unsent"] == "1"
    (logged,) = hand_offs.list_hand_offs(demo_db, meeting_id)
    assert logged.channel == "file"
    assert logged.attachments[0].name == ics.name


def test_invite_refuses_with_status_2_naming_the_role(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting_id = add_meeting(demo_db)
    listed = invitations.build_invitation_list(demo_db, meeting_id).value
    case_lead = next(i for i in listed if i.name == "Daniel Osei")
    invitations.remove_invitation(demo_db, case_lead.id)
    out = tmp_path / "out"
    status = main(
        ["invite", "--db", str(demo_db.file), "--meeting", str(meeting_id), "--out", str(out)]
    )
    assert status == 2
    assert "DfE case lead" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())
    assert hand_offs.list_hand_offs(demo_db, meeting_id) == []


def test_next_is_the_next_meeting_not_cancelled(demo_db: Database) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sendboard.domain.meetings import MeetingStatus
    from sendboard.services.invitation_files import next_meeting_id

    now = datetime(2031, 1, 1, 9, tzinfo=ZoneInfo("Europe/London"))
    add_meeting(demo_db, datetime(2030, 12, 31, 14))  # before now
    add_meeting(demo_db, datetime(2031, 1, 8, 14), status=MeetingStatus.CANCELLED)
    wanted = add_meeting(demo_db, datetime(2031, 1, 15, 14))
    add_meeting(demo_db, datetime(2031, 1, 22, 14))
    assert next_meeting_id(demo_db, now) == wanted


def test_invite_with_no_meeting_coming_up(db: Database, tmp_path: Path) -> None:
    status = main(["invite", "--db", str(db.file), "--meeting", "next", "--out", str(tmp_path)])
    assert status == 1
