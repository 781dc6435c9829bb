"""The demo is built around the day it is built, and holds on awkward days: clock changes, a
leap day, bank holidays, the turn of the year."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader
from sqlalchemy import func, select

from sendboard.cli import main
from sendboard.demo import build_demo
from sendboard.domain.actions import ActionStatus
from sendboard.domain.meetings import MeetingKind, MeetingStatus
from sendboard.services import actions, meetings
from sendboard.services.common.workspace import Database, open_database
from sendboard.store.models import ActionUpdate, Invitation, Meeting, RiskReview

LONDON = ZoneInfo("Europe/London")
DAYS = [
    date(2027, 3, 28),  # clocks go forward
    date(2027, 10, 31),  # clocks go back
    date(2028, 2, 29),  # leap day
    date(2029, 12, 24),  # Christmas Eve, three years on
    date(2027, 12, 31),  # New Year's Eve
    date(2027, 5, 31),  # Spring bank holiday
    date(2027, 8, 15),  # the board's summer recess
]


def _demo(tmp_path: Path, day: date, size: str = "small") -> Database:
    db = open_database(tmp_path / f"demo-{day}.db")
    build_demo(db, size, today=day)
    return db


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_demo_is_current_on_any_day(tmp_path: Path, day: date) -> None:
    with time_machine.travel(datetime.combine(day, time(10), LONDON)):
        db = _demo(tmp_path, day)
        ahead = meetings.list_meetings(db)
        board = [m for m in ahead if m.board_name == "SEND Improvement Board"]
        assert len(ahead) >= 6 and len(board) >= 11  # a year of the board's programme ahead
        assert board[-1].starts_at.date() >= day.replace(year=day.year + 1, day=28)
        assert meetings.next_meeting(db) is not None

        log = actions.load_log(db)
        live = [v for v in log.rows if v.status is ActionStatus.OPEN]
        flagged = [v for v in live if v.highlighted]
        assert 0.05 <= len(flagged) / len(live) <= 0.40, (len(flagged), len(live))
        assert 1 <= len(log.partners) <= 2
        assert log.partners[0].organisation == "Dunmoor College"

        with db.read() as session:
            held = session.scalars(
                select(Meeting).where(Meeting.status == MeetingStatus.HELD)
            ).all()
            assert all(m.starts_at.date() < day for m in held)
            assert min(m.starts_at.date() for m in held) <= date(day.year - 1, 12, 31) or (
                (day - min(m.starts_at.date() for m in held)).days > 270
            )
            assert [m.kind for m in held].count(MeetingKind.STOCKTAKE) == 1
            attended = select(func.count()).select_from(Invitation)
            assert session.scalar(attended.where(Invitation.attendance.is_not(None))) > 50
            assert session.scalar(select(func.max(ActionUpdate.on))) <= day
            assert session.scalar(select(func.max(RiskReview.reviewed_on))) <= day
        db.close()


def test_invite_and_pack_for_the_next_meeting_on_a_moved_clock(tmp_path: Path) -> None:
    day = date(2028, 2, 29)
    with time_machine.travel(datetime.combine(day, time(10), LONDON)):
        path = str(tmp_path / "demo.db")
        assert main(["demo", "--db", path, "--today", day.isoformat()]) == 0
        assert main(["invite", "--db", path, "--meeting", "next", "--out", str(tmp_path)]) == 0
        out = tmp_path / "pack.pdf"
        assert main(["pack", "--db", path, "--meeting", "next", "--out", str(out)]) == 0
        assert len(PdfReader(out).pages) >= 3  # front sheet, contents, agenda at least


def test_demo_as_of_another_day_is_the_same_each_time(tmp_path: Path) -> None:
    day = date(2027, 3, 28)
    (tmp_path / "1").mkdir(), (tmp_path / "2").mkdir()
    first, second = _demo(tmp_path / "1", day), _demo(tmp_path / "2", day)

    def shape(db: Database) -> list[tuple]:
        with db.read() as session:
            return [
                (m.starts_at, m.status, m.board_id)
                for m in session.scalars(select(Meeting).order_by(Meeting.id))
            ]

    assert shape(first) == shape(second)
    assert [v.highlights for v in actions.list_actions(first, today=day)] == [
        v.highlights for v in actions.list_actions(second, today=day)
    ]


def test_demo_today_option_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["demo", "--db", str(tmp_path / "x.db"), "--today", "31/02/2027"])
    assert exit_.value.code == 2
    assert "'31/02/2027' is not a date like 2027-03-31" in capsys.readouterr().err
