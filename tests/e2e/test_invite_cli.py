"""`sendboard invite`: files written and logged; exit 2 naming the role when the gate fails."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from sendboard.cli import main
from sendboard.domain.compliance import LATE_NOTE
from sendboard.services.common.workspace import Database
from sendboard.services.mail import hand_offs
from sendboard.services.meetings import invitations
from tests.invitation_fixtures import add_meeting
from tests.pg_server import target

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def demo_db(pinned_demo_db: Database) -> Database:
    """Meetings added here on set days must not fall on a demo meeting's day."""
    return pinned_demo_db


def test_invite_writes_eml_and_ics_and_logs_them(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = add_meeting(demo_db)
    out = tmp_path / "out"
    status = main(
        ["invite", "--db", target(demo_db), "--meeting", str(meeting_id), "--out", str(out)]
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
        ["invite", "--db", target(demo_db), "--meeting", str(meeting_id), "--out", str(out)]
    )
    assert status == 2
    assert "DfE case lead" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())
    assert hand_offs.list_hand_offs(demo_db, meeting_id) == []


def test_next_is_the_next_meeting_not_cancelled(demo_db: Database) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sendboard.domain.meetings import MeetingStatus
    from sendboard.services.meetings.invitation_files import next_meeting_id

    now = datetime(2031, 1, 1, 9, tzinfo=ZoneInfo("Europe/London"))
    add_meeting(demo_db, datetime(2030, 12, 31, 14))  # before now
    add_meeting(demo_db, datetime(2031, 1, 8, 14), status=MeetingStatus.CANCELLED)
    wanted = add_meeting(demo_db, datetime(2031, 1, 15, 14))
    add_meeting(demo_db, datetime(2031, 1, 22, 14))
    assert next_meeting_id(demo_db, now) == wanted


def test_invite_with_no_meeting_coming_up(db: Database, tmp_path: Path) -> None:
    status = main(["invite", "--db", target(db), "--meeting", "next", "--out", str(tmp_path)])
    assert status == 1


def _invite(db: Database, meeting_id: int, out: Path, *extra: str) -> int:
    return main(
        ["invite", "--db", target(db), "--meeting", str(meeting_id), "--out", str(out), *extra]
    )


def test_invite_after_the_meeting_started_is_refused_and_nothing_is_kept(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting_id = add_meeting(demo_db, datetime(2027, 1, 20, 14))
    out = tmp_path / "out"
    with time_machine.travel(datetime(2027, 1, 20, 14, 30, tzinfo=LONDON), tick=False):
        status = _invite(demo_db, meeting_id, out)
    assert status == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1  # one line
    assert "started at 14:00" in err and "late" in err and "--late" in err
    assert not out.exists()
    assert hand_offs.list_hand_offs(demo_db, meeting_id) == []
    assert invitations.list_invitations(demo_db, meeting_id) == []  # the list was not touched


def test_invite_one_minute_before_the_start_is_on_time(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = add_meeting(demo_db, datetime(2027, 1, 20, 14))
    with time_machine.travel(datetime(2027, 1, 20, 13, 59, tzinfo=LONDON), tick=False):
        assert _invite(demo_db, meeting_id, tmp_path / "out") == 0
    (logged,) = hand_offs.list_hand_offs(demo_db, meeting_id)
    assert not logged.note.startswith(LATE_NOTE)


def test_late_invitation_is_recorded_with_the_option_and_shown_beside_the_first(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting_id = add_meeting(demo_db, datetime(2027, 1, 20, 14))
    with time_machine.travel(datetime(2026, 12, 16, 9, 30, tzinfo=LONDON), tick=False):
        assert _invite(demo_db, meeting_id, tmp_path / "first") == 0
    capsys.readouterr()
    with time_machine.travel(datetime(2027, 1, 20, 16, tzinfo=LONDON), tick=False):
        assert _invite(demo_db, meeting_id, tmp_path / "late", "--late") == 0
    assert "late invitation" in capsys.readouterr().out
    (ics,) = (tmp_path / "late").glob("*.ics")
    assert Calendar.from_ical(ics.read_bytes())["METHOD"] == "REQUEST"
    latest, first = hand_offs.list_hand_offs(demo_db, meeting_id)
    assert latest.note.startswith(LATE_NOTE) and not first.note.startswith(LATE_NOTE)
    lead = next(
        i for i in invitations.list_invitations(demo_db, meeting_id) if i.name == "Daniel Osei"
    )
    assert lead.invited_at == datetime(2026, 12, 16, 9, 30, tzinfo=UTC)  # the first, kept

    with time_machine.travel(datetime(2027, 1, 21, 9, tzinfo=LONDON), tick=False):
        assert main(["compliance", "--db", target(demo_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Wed 20 Jan 2027 14:00")))
    assert "(Every required role invited)" in lines[start]
    adviser, later = lines[start + 1], lines[start + 2]
    assert "invited Wed 16 Dec 2026 09:30 (file) to Robert Kimani" in adviser
    assert later.strip() == "later: Wed 20 Jan 2027 16:00 (file, late)"


def test_cancellation_after_the_start_is_not_refused(demo_db: Database, tmp_path: Path) -> None:
    from sendboard.domain.meetings import MeetingStatus

    meeting_id = add_meeting(demo_db, datetime(2027, 1, 20, 14), status=MeetingStatus.CANCELLED)
    with time_machine.travel(datetime(2027, 1, 20, 15, tzinfo=LONDON), tick=False):
        assert _invite(demo_db, meeting_id, tmp_path / "out") == 0
    (ics,) = (tmp_path / "out").glob("*.ics")
    assert Calendar.from_ical(ics.read_bytes())["METHOD"] == "CANCEL"
    (logged,) = hand_offs.list_hand_offs(demo_db, meeting_id)
    assert logged.method == "CANCEL" and not logged.note.startswith(LATE_NOTE)
    # a cancellation is not an invitation: nobody is marked invited by it
    assert all(i.invited_at is None for i in invitations.list_invitations(demo_db, meeting_id))
