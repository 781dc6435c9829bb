from pathlib import Path

import pytest

from sendboard.cli import main
from sendboard.services import meetings
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import agenda
from tests.pg_server import target

pytestmark = pytest.mark.dated


def test_meetings_lists_a_board_with_key_dates(
    pinned_demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = target(pinned_demo_db)
    pinned_demo_db.close()
    assert main(["meetings", "--db", path, "--board", "send improvement board", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["ID", "Date", "Time", "Board"]
    assert "Papers deadline" in lines[0] and "Minutes due" in lines[0]
    december = next(line for line in lines if "Wed  9 Dec 2026" in line)
    assert "14:00–16:00" in december and "SEND Improvement Board" in december
    assert "Wed 25 Nov 2026" in december  # papers deadline: 10 working days before
    assert "Tue  1 Dec 2026" in december  # pack issue
    assert "Fri 18 Dec 2026" in december  # minutes due
    assert any("Cancelled" in line for line in lines)
    assert any("DfE stocktake" in line for line in lines)
    # ten months behind and thirteen ahead, monthly, and a stocktake held and one to come
    assert len(lines) == 2 + 24 + 2
    assert not any("Delivery Group" in line for line in lines)


def test_without_all_only_upcoming_meetings_are_listed(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    total = len(meetings.list_meetings(demo_db, include_past=True))
    upcoming = len(meetings.list_meetings(demo_db))
    path = target(demo_db)
    demo_db.close()
    assert main(["meetings", "--db", path]) == 0
    out = capsys.readouterr().out
    listed = out.split("\n\n")[0]  # overdue minutes of past meetings are named below the table
    rows = listed.splitlines()[2:] if upcoming else []
    assert len(rows) == upcoming < total


def test_unknown_board_is_a_clear_error(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = target(demo_db)
    demo_db.close()
    assert main(["meetings", "--db", path, "--board", "Nonesuch"]) == 1
    assert "There is no board called 'Nonesuch'" in capsys.readouterr().err


def test_empty_database_says_so(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meetings", "--db", str(db_path)]) == 0
    assert "No meetings from today on" in capsys.readouterr().out


def test_demo_has_agendas_papers_and_exempt_items(demo_db: Database) -> None:
    views = meetings.list_meetings(demo_db, include_past=True)
    board = [v for v in views if v.board_name == "SEND Improvement Board"]
    assert all(v.agenda_items >= 9 for v in board if v.kind.value == "ordinary")
    december = next(v for v in board if v.starts_at.month == 12)
    items = agenda.get_agenda(demo_db, december.id).items
    assert items[0].title == "Welcome and apologies" and items[-1].title == "Date of next meeting"
    papers = [p for i in items for p in i.papers]
    assert {p.title for p in papers} >= {"Performance dashboard", "SEND sufficiency strategy"}
    assert any(p.version == 2 for p in papers)
    exempt = [i for v in board for i in agenda.get_agenda(demo_db, v.id).items if i.exempt]
    assert exempt
    assert {v.board_name for v in views} >= {"SEND Delivery Group"}
    assert any(v.board_name.startswith("Sub-group") for v in views)
