"""The setup import matches what is there (people by email, boards by name) and updates it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import time_machine
from openpyxl import load_workbook

from sendboard.domain.governance import BoardKind, MemberRole
from sendboard.errors import ImportRejected
from sendboard.services import boards, meetings, people, settings
from sendboard.services.common.imports import RowStatus
from sendboard.services.common.workspace import Database
from sendboard.services.setup import (
    import_setup,
    preview_setup_import,
    setup_progress,
    write_template,
)

EXAMPLE = "Example SEND Improvement Board"


@pytest.fixture
def template(tmp_path: Path) -> Path:
    with time_machine.travel(date(2026, 5, 4)):
        return write_template(tmp_path / "setup.xlsx")


def _edit(path: Path, sheet: str, cell: str, value: object) -> None:
    book = load_workbook(path)
    book[sheet][cell] = value
    book.save(path)


@time_machine.travel(date(2026, 5, 4))
def test_reimport_updates_matched_records(db: Database, template: Path) -> None:
    import_setup(db, template)
    board = boards.find_board(db, EXAMPLE)
    assert board.kind is BoardKind.IMPROVEMENT_BOARD and len(board.required_roles) == 3
    assert [m.starts_at.date() for m in meetings.list_meetings(db, board.id)][:2] == [
        date(2026, 6, 10),
        date(2026, 7, 8),
    ]
    _edit(template, "People", "D2", "Chief Executive")  # job title
    _edit(template, "Memberships", "C2", "chair")
    _edit(template, "Secretary", "C2", "Another Council")
    preview = preview_setup_import(db, template)
    by_sheet = {f.sheet: f for f in preview.rows}
    assert by_sheet["People"].status is RowStatus.UPDATE
    assert "title: Director of Children's Services → Chief Executive" in by_sheet["People"].messages
    assert by_sheet["Memberships"].messages == (
        "role: member → chair",
        f"Becomes chair of {EXAMPLE}",
    )
    assert by_sheet["Boards"].status is RowStatus.UNCHANGED
    assert by_sheet["Secretary"].status is RowStatus.UPDATE
    import_setup(db, template)
    (person,) = people.list_people(db)
    assert person.title == "Chief Executive"
    (member,) = boards.list_members(db, board.id)
    assert member.role is MemberRole.CHAIR
    assert boards.get_board(db, board.id).chair_name == person.name
    assert settings.get_settings(db).secretary_organisation == "Another Council"
    assert len(meetings.list_meetings(db, board.id)) == 12  # not scheduled twice


@time_machine.travel(date(2026, 5, 4))
def test_a_board_with_meetings_booked_keeps_them(db: Database, template: Path) -> None:
    import_setup(db, template)
    _edit(template, "Boards", "E2", "monthly, first Monday, 10:00-12:00")
    preview = preview_setup_import(db, template)
    (row,) = [f for f in preview.rows if f.sheet == "Boards"]
    assert row.status is RowStatus.UPDATE
    assert row.messages[0].startswith("cadence: Monthly, second Wednesday")
    assert "meetings are already booked from Wed 10 Jun 2026" in row.messages[1]


@time_machine.travel(date(2026, 5, 4))
def test_errors_name_the_sheet_and_row(db: Database, template: Path) -> None:
    _edit(template, "Boards", "D2", "committee")
    _edit(template, "Memberships", "E2", "31/02/2026")
    _edit(template, "Priority areas", "D2", "No Such Group")
    with pytest.raises(ImportRejected) as caught:
        import_setup(db, template)
    text = str(caught.value)
    assert "Boards row 2 (Example SEND Improvement Board): 'committee' is not a tier" in text
    assert "Memberships row 2" in text and "From: '31/02/2026' is not a date" in text
    assert "Priority areas row 2" in text and "Board 'No Such Group'" not in text
    assert "Sub-group 'No Such Group' is not on the Boards sheet" in text
    assert boards.list_boards(db) == [] and people.list_people(db) == []


@time_machine.travel(date(2026, 5, 4))
def test_progress_ticks_itself(db: Database, template: Path) -> None:
    before = setup_progress(db)
    assert before.empty and not any(s.done for s in before.steps) and before.show
    import_setup(db, template)
    after = {s.key: s for s in setup_progress(db).steps}
    assert after["details"].done and after["boards"].done and after["contacts"].done
    assert after["series"].done
    assert not after["members"].done  # the example has no advisers
    assert "NHS England adviser" in after["members"].detail
    assert not after["agenda"].done
