"""The invitation's calendar read by libical (a small C reader compiled against it): no parse
or iTIP restriction errors, and the method, identity, people and times it was written with."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sendboard.domain.meetings import MeetingStatus
from sendboard.outputs.calendar import build_calendar
from sendboard.services.common.workspace import Database
from sendboard.services.mail import hand_offs
from tests.invitation_fixtures import add_meeting, update_meeting

LONDON = ZoneInfo("Europe/London")
SOURCE = Path(__file__).with_name("read_ics.c")


def _libical() -> list[str] | None:
    if shutil.which("gcc") is None or shutil.which("pkg-config") is None:
        return None
    found = subprocess.run(["pkg-config", "--cflags", "--libs", "libical"], capture_output=True)
    return found.stdout.decode().split() if found.returncode == 0 else None


FLAGS = _libical()
pytestmark = pytest.mark.skipif(FLAGS is None, reason="gcc or libical's headers are not installed")


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Path:
    program = tmp_path_factory.mktemp("libical") / "read_ics"
    assert FLAGS is not None
    subprocess.run(["gcc", "-Wall", "-o", str(program), str(SOURCE), *FLAGS], check=True)
    return program


def read(reader: Path, ics: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "invitation.ics"
    path.write_bytes(ics)
    done = subprocess.run([str(reader), str(path)], capture_output=True, text=True, check=True)
    return [tuple(line.split(" ", 1)) for line in done.stdout.splitlines()]  # type: ignore[misc]


def utc(local: datetime) -> str:
    return f"{local.replace(tzinfo=LONDON).astimezone(UTC):%Y%m%dT%H%M%SZ}"


@pytest.mark.parametrize("starts", [datetime(2027, 1, 13, 14), datetime(2027, 6, 9, 14)])
def test_libical_reads_the_request(
    pinned_demo_db: Database, reader: Path, tmp_path: Path, starts: datetime
) -> None:
    meeting_id = add_meeting(pinned_demo_db, starts)
    package = hand_offs.prepare_invitation(pinned_demo_db, meeting_id).value
    found = read(reader, build_calendar(package), tmp_path)
    keys = dict(found)
    assert [value for key, value in found if key == "ERROR"] == []
    assert keys["RESTRICTIONS"] == "ok"
    assert (keys["METHOD"], keys["STATUS"]) == ("REQUEST", "CONFIRMED")
    assert keys["VTIMEZONE"] == "Europe/London"
    assert (keys["UID"], keys["SEQUENCE"]) == (package.uid, "0")
    assert keys["ORGANIZER"] == f"mailto:{package.organizer_email}"
    attendees = [value.split(" ") for key, value in found if key == "ATTENDEE"]
    assert attendees == [[a.role, f"mailto:{a.email}"] for a in package.attendees]
    assert len(attendees) > 5
    # Through the calendar's own VTIMEZONE: 14:00 is 14:00Z in winter and 13:00Z in summer.
    assert keys["DTSTART"] == utc(package.starts_at.replace(tzinfo=None))
    assert keys["DTEND"] == utc(package.ends_at.replace(tzinfo=None))


def test_libical_reads_the_cancellation(
    pinned_demo_db: Database, reader: Path, tmp_path: Path
) -> None:
    meeting_id = add_meeting(pinned_demo_db)
    first = hand_offs.prepare_invitation(pinned_demo_db, meeting_id).value
    update_meeting(pinned_demo_db, meeting_id, status=MeetingStatus.CANCELLED, sequence=1)
    package = hand_offs.prepare_invitation(pinned_demo_db, meeting_id).value
    found = read(reader, build_calendar(package), tmp_path)
    keys = dict(found)
    assert [value for key, value in found if key == "ERROR"] == []
    assert keys["RESTRICTIONS"] == "ok"
    assert (keys["METHOD"], keys["STATUS"]) == ("CANCEL", "CANCELLED")
    assert (keys["UID"], keys["SEQUENCE"]) == (first.uid, "1")
