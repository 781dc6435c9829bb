"""`sendboard minutes`, `sendboard decisions` and `sendboard interests` from the command line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import time_machine
from docx import Document
from openpyxl import load_workbook

from sendboard.cli import main
from sendboard.services import minutes as mins
from sendboard.services.common.workspace import Database
from tests.minutes_fixtures import EXEMPT_TEXT, NOW, TODAY, make_board
from tests.pg_server import target


@pytest.fixture(autouse=True)
def _clock() -> Iterator[None]:
    with time_machine.travel(NOW):  # the board's first two meetings are held
        yield


def test_minutes_from_the_command_line(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board = make_board(db)
    mins.open_minutes(db, board.first, today=TODAY)
    mins.save_section(db, board.first, board.items["contract"], EXEMPT_TEXT)
    mins.add_interest(db, mins.InterestInput(board.people["Tom"], "Trustee", "Northfield Care"))
    path = target(db)
    db.close()
    base = ["--db", path, "--meeting", str(board.first)]

    out = tmp_path / "none.docx"
    other = ["--db", path, "--meeting", str(board.second)]
    assert main(["minutes", "export", *other, "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("sendboard: The SEND Improvement Board, Wed 10 Feb 2027 meeting")
    assert "has no minutes yet" in err and "\n" not in err and not out.exists()

    assert main(["minutes", "decide", *base, "--item", "4", "--text", "To adopt it."]) == 0
    assert "IB/2027/1 recorded" in capsys.readouterr().out
    assert main(["minutes", "decide", *base, "--item", "40", "--text", "x"]) == 1
    assert "items 1 to 6, not 40" in capsys.readouterr().err
    assert main(["minutes", "approve", *base]) == 1
    assert "Circulate" in capsys.readouterr().err
    assert main(["minutes", "send-to-chair", *base]) == 0
    assert main(["minutes", "circulate", *base]) == 0
    assert main(["minutes", "approve", *base, "--amendments", "Spelling in item 4."]) == 0
    assert "approved at the meeting of 10 February 2027; now locked" in capsys.readouterr().out

    assert main(["minutes", "decide", *base, "--text", "A late change"]) == 1
    assert "approved on 10/02/2027 and are locked" in capsys.readouterr().err
    assert main(["minutes", "erratum", *base, "--item", "6", "--text", "Next meeting 5 May."]) == 0

    public = tmp_path / "public.docx"
    assert main(["minutes", "export", *base, "--out", str(public), "--public"]) == 0
    text = "\n".join(p.text for p in Document(str(public)).paragraphs)
    assert "Next meeting 5 May." in text and EXEMPT_TEXT not in text
    assert "Approved at the meeting of 10 February 2027, with amendments." in text

    decisions = tmp_path / "decisions.xlsx"
    board_name = ["--board", "SEND Improvement Board"]
    assert main(["decisions", "export", "--db", path, "--out", str(decisions), *board_name]) == 0
    rows = list(load_workbook(decisions).active.iter_rows(values_only=True))
    assert rows[1][0] == "IB/2027/1" and rows[1][2].date() == date(2027, 1, 13)
    interests = tmp_path / "interests.csv"
    assert main(["interests", "export", "--db", path, "--out", str(interests)]) == 0
    assert "Northfield Care" in interests.read_text(encoding="utf-8-sig")
    assert main(["interests", "export", "--db", path, "--out", str(tmp_path / "x.txt")]) == 1
    assert ".xlsx or .csv" in capsys.readouterr().err


def test_the_command_line_refuses_approval_at_a_meeting_not_yet_held(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    board = make_board(db)
    mins.open_minutes(db, board.second, today=TODAY)
    mins.circulate(db, board.second)
    path = target(db)
    db.close()
    base = ["--db", path, "--meeting", str(board.second)]
    with time_machine.travel(date(2027, 3, 1)):
        assert main(["minutes", "approve", *base, "--at", str(board.third)]) == 1
    err = capsys.readouterr().err
    assert "Wed 10 Mar 2027 has not been held yet" in err
    assert "on or after 10 March 2027" in err
    assert main(["minutes", "approve", *base, "--at", str(board.third)]) == 0
    assert "approved at the meeting of 10 March 2027" in capsys.readouterr().out
