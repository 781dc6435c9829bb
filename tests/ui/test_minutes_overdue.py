"""The "minutes due" key date: draft minutes not circulated by then are flagged on Home (a link
to the Minutes page for that meeting) and in `sendboard meetings`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from sendboard.cli import main
from sendboard.domain.minutes import MinutesStatus, minutes_overdue
from sendboard.services import minutes as mins
from sendboard.services.common.workspace import Database
from tests.minutes_fixtures import TODAY, Board1, make_board
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.home.minutes_overdue import minutes_overdue_html
from ui.home.page import HomePage
from ui.minutes.page import MinutesPage

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def board(db: Database) -> Iterator[Board1]:
    with time_machine.travel(NOW):
        yield make_board(db)


def test_only_drafts_past_their_due_date_are_overdue() -> None:
    due = date(2027, 2, 19)
    assert minutes_overdue(MinutesStatus.DRAFT, due, date(2027, 2, 20))
    assert minutes_overdue(MinutesStatus.SENT_TO_CHAIR, due, date(2027, 2, 20))
    assert not minutes_overdue(MinutesStatus.DRAFT, due, due)
    assert not minutes_overdue(MinutesStatus.CIRCULATED, due, date(2027, 3, 20))
    assert not minutes_overdue(MinutesStatus.APPROVED, due, date(2027, 3, 20))
    assert not minutes_overdue(None, due, date(2027, 3, 20))


def test_overdue_drafts_are_listed_until_circulated(db: Database, board: Board1) -> None:
    mins.open_minutes(db, board.second, today=TODAY)
    overdue = mins.overdue_minutes(db, TODAY)
    assert [r.meeting_id for r in overdue] == [board.second]
    assert overdue[0].minutes_due < TODAY
    assert mins.overdue_minutes(db, overdue[0].minutes_due) == []
    mins.circulate(db, board.second)
    assert mins.overdue_minutes(db, TODAY) == []


def test_meetings_command_marks_overdue_minutes(
    db: Database, board: Board1, capsys: pytest.CaptureFixture[str]
) -> None:
    mins.open_minutes(db, board.second, today=TODAY)
    path = str(db.file)
    db.close()
    with time_machine.travel(NOW):
        assert main(["meetings", "--db", path, "--all"]) == 0
        listed = capsys.readouterr().out
        assert main(["meetings", "--db", path]) == 0
        upcoming = capsys.readouterr().out
    row = next(line for line in listed.splitlines() if "Wed 10 Feb 2027" in line)
    assert "overdue" in row.lower()
    first = next(line for line in listed.splitlines() if "Wed 13 Jan 2027" in line)
    assert "overdue" not in first.lower()
    # without --all the past meeting is not in the table, but its minutes are still named
    assert "Wed 10 Feb 2027" not in upcoming.split("\n\n")[0]
    assert "Minutes overdue" in upcoming and "10 Feb 2027" in upcoming


def test_home_links_overdue_minutes_to_the_minutes_page(db: Database, board: Board1, qtbot) -> None:  # type: ignore[no-untyped-def]
    mins.open_minutes(db, board.second, today=TODAY)
    rows = mins.overdue_minutes(db, TODAY)
    html = minutes_overdue_html(rows, TODAY)
    assert f"href='minutes:meeting:{board.second}'" in html
    assert "Minutes overdue" in html
    assert minutes_overdue_html([], TODAY) == ""

    ctx = AppContext(db, TaskRunner(), ChangeBus())
    with time_machine.travel(NOW):
        home = HomePage(ctx)
        qtbot.addWidget(home)
        home.refresh()
        qtbot.waitUntil(lambda: "Minutes overdue" in home.minutes_overdue.text(), timeout=10000)
        assert home.minutes_overdue.isVisibleTo(home)
        page = MinutesPage(ctx)
        qtbot.addWidget(page)
        page.open_intent(f"meeting:{board.second}")
        qtbot.waitUntil(lambda: page.view is not None, timeout=10000)
        assert page.view.meeting_id == board.second
        assert "overdue" in page.state.text()
    ctx.tasks.wait()
