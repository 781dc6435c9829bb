"""`sendboard setup`: a council's whole governance from one workbook, then straight to work.

The workbook is built here with openpyxl, as a secretary would fill it in: an Improvement Board,
a delivery group and five sub-groups, forty people (the three advisers among them), memberships
with roles and dates, priority areas and her own details. After the import, the next meeting's
invitation and pack are made with nothing else called.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from sendboard.cli import main

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/London"))
BOARD = "Westmarsh SEND Improvement Board"
DELIVERY = "SEND Delivery Group"
SUBGROUPS = [
    "Early Identification Sub-group",
    "EHC Plans Quality Sub-group",
    "Preparation for Adulthood Sub-group",
    "Sufficiency Sub-group",
    "Co-production Sub-group",
]
ADVISERS = [
    ("Dana Adviser", "dana.adviser@education.gov.uk", "DfE", "DfE SEND adviser"),
    ("Nell England", "nell.england@nhs.net", "NHS England", "NHS England adviser"),
    ("Carl Lead", "carl.lead@education.gov.uk", "DfE", "DfE case lead"),
]


def _people() -> list[tuple[str, str, str, str, str]]:
    rows = [(name, email, org, "Adviser", role) for name, email, org, role in ADVISERS]
    for number in range(1, 38):
        org = "Westmarsh Council" if number % 2 else "Westmarsh ICB"
        rows.append(
            (f"Person {number:02d}", f"person{number:02d}@westmarsh.gov.uk", org, "Officer", "")
        )
    return rows


def _workbook(path: Path, *, spoiled: bool = False) -> Path:
    book = Workbook()
    book.active.title = "Instructions"
    boards = book.create_sheet("Boards")
    boards.append(
        [
            "Board",
            "Short name",
            "Parent board",
            "Tier",
            "Cadence",
            "First meeting on or after",
            "Location",
            "Online link",
        ]
    )
    boards.append(
        [
            BOARD,
            "SEND IB",
            "",
            "improvement board",
            "monthly, second Tuesday, 10:00-12:00",
            date(2026, 3, 1),
            "Civic Centre",
            "https://teams.example/ib",
        ]
    )
    cadence = "whenever suits" if spoiled else "monthly, last Thursday, 14:00–15:30"
    boards.append([DELIVERY, "DG", BOARD, "delivery group", cadence, "01/03/2026", "", ""])
    for name in SUBGROUPS:
        boards.append([name, "", DELIVERY, "sub-group", "", None, "", ""])
    people = book.create_sheet("People")
    people.append(["Name", "Email", "Organisation", "Job title", "Statutory role"])
    for row in _people():
        people.append(list(row))
    members = book.create_sheet("Memberships")
    members.append(["Board", "Email", "Role", "Voting", "From", "To"])
    everyone = _people()
    members.append([BOARD, everyone[3][1], "chair", "yes", date(2025, 9, 1), None])
    for _, email, *_rest in everyone[:3]:
        members.append([BOARD, email, "adviser", "no", date(2025, 9, 1), None])
    for index, person in enumerate(everyone[4:], start=0):
        board = [BOARD, DELIVERY, *SUBGROUPS][index % 7]
        members.append([board, person[1], "member", "", date(2025, 10, 1), None])
    if spoiled:
        members.append([DELIVERY, "nobody@westmarsh.gov.uk", "member", "yes", None, None])
    areas = book.create_sheet("Priority areas")
    areas.append(["Code", "Title", "Lead (email)", "Sub-group (board)"])
    for number, name in enumerate(SUBGROUPS, start=1):
        areas.append([f"PA{number}", name.replace(" Sub-group", ""), everyone[4 + number][1], name])
    secretary = book.create_sheet("Secretary")
    secretary.append(["Name", "Email", "Organisation"])
    secretary.append(["Pat Clerk", "pat.clerk@westmarsh.gov.uk", "Westmarsh Council"])
    book.save(path)
    return path


@pytest.fixture
def clock_set() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [line for line in connection.iterdump() if "audit" not in line.lower()]


def test_workbook_to_first_invitation_and_pack(
    tmp_path: Path, clock_set: None, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _workbook(tmp_path / "setup.xlsx")
    db = ["--db", str(tmp_path / "board.db")]
    assert main(["setup", "import", str(book), *db]) == 0
    printed = capsys.readouterr().out
    assert "0 with errors" in printed and "Imported: " in printed
    assert "Boards row 2" in printed and "Schedules 12 meetings, Tue 10 Mar 2026" in printed

    assert main(["meetings", *db]) == 0
    listing = capsys.readouterr().out
    assert "Tue 10 Mar 2026" in listing and BOARD in listing
    assert "Thu 26 Mar 2026" in listing and DELIVERY in listing

    out = tmp_path / "invite"
    assert main(["invite", *db, "--meeting", "next", "--out", str(out)]) == 0
    capsys.readouterr()
    eml = next(out.glob("*.eml")).read_text(encoding="utf-8")
    for _, email, _, _ in ADVISERS:
        assert email in eml
    assert "pat.clerk@westmarsh.gov.uk" in eml

    pack = tmp_path / "pack.pdf"
    assert main(["pack", *db, "--meeting", "next", "--out", str(pack)]) == 0
    assert len(PdfReader(pack).pages) >= 2

    # The same file again: every row unchanged, nothing written.
    before = _dump(tmp_path / "board.db")
    assert main(["setup", "import", str(book), *db]) == 0
    again = capsys.readouterr().out
    rows = 7 + 40 + 40 + 5 + 1
    assert f"{rows} rows, 0 new, 0 to update, {rows} unchanged, 0 with errors" in again
    assert _dump(tmp_path / "board.db") == before


def test_a_spoiled_workbook_is_refused_naming_sheet_and_row(
    tmp_path: Path, clock_set: None, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _workbook(tmp_path / "good.xlsx")
    spoiled = _workbook(tmp_path / "spoiled.xlsx", spoiled=True)
    db = ["--db", str(tmp_path / "board.db")]
    assert main(["setup", "import", str(spoiled), *db]) == 1
    printed = capsys.readouterr()
    assert "Boards row 3 (SEND Delivery Group): Cadence: 'whenever suits'" in printed.out
    assert "Memberships row 42 (SEND Delivery Group · nobody@westmarsh.gov.uk)" in printed.out
    assert "nobody@westmarsh.gov.uk is not on the People sheet" in printed.out
    assert "nothing was imported" in printed.err
    with sqlite3.connect(tmp_path / "board.db") as connection:
        for table in ("boards", "people", "memberships", "meetings", "priority_areas"):
            assert connection.execute(f"select count(*) from {table}").fetchone() == (0,)

    assert main(["setup", "import", str(good), *db]) == 0
    before = _dump(tmp_path / "board.db")
    assert main(["setup", "import", str(spoiled), *db]) == 1
    assert _dump(tmp_path / "board.db") == before


def test_template_has_the_sheets_and_columns_and_imports_as_it_stands(
    tmp_path: Path, clock_set: None, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "template.xlsx"
    assert main(["setup", "template", "--out", str(path)]) == 0
    book = load_workbook(path)
    assert book.sheetnames == [
        "Instructions",
        "Boards",
        "People",
        "Memberships",
        "Priority areas",
        "Secretary",
    ]
    headings = {name: [c.value for c in book[name][1]] for name in book.sheetnames[1:]}
    assert headings["Boards"] == [
        "Board",
        "Short name",
        "Parent board",
        "Tier",
        "Cadence",
        "First meeting on or after",
        "Location",
        "Online link",
    ]
    assert headings["People"] == ["Name", "Email", "Organisation", "Job title", "Statutory role"]
    assert headings["Memberships"] == ["Board", "Email", "Role", "Voting", "From", "To"]
    assert headings["Priority areas"] == ["Code", "Title", "Lead (email)", "Sub-group (board)"]
    assert headings["Secretary"] == ["Name", "Email", "Organisation"]
    for name in book.sheetnames[1:]:
        filled = [r for r in book[name].iter_rows(values_only=True) if any(r)]
        assert len(filled) == 2, name  # the headings and one example row
    assert "Improvement Notice" in " ".join(
        str(c.value) for c in book["Instructions"]["A"] if c.value
    )
    db = ["--db", str(tmp_path / "board.db")]
    assert main(["setup", "import", str(path), *db, "--dry-run"]) == 0
    assert "5 new" in capsys.readouterr().out
