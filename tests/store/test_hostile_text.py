"""Control characters and line breaks: refused at entry and import, harmless on output."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from sqlalchemy import text

from sendboard.cli import main
from sendboard.errors import SendboardError, ValidationError
from sendboard.services import people
from sendboard.services.common.workspace import Database
from tests.invitation_fixtures import add_meeting
from tests.pg_server import target


@pytest.mark.parametrize("name", ["Jo\x01 Bloggs", "Jo\x00", "Jo\x1fBloggs", "Jo\x7f"])
def test_control_characters_in_a_name_are_refused(db, name: str) -> None:
    with pytest.raises(ValidationError, match=r"control character \(U\+00"):
        people.create_person(db, people.PersonInput(name=name))
    assert people.list_people(db) == []


def test_a_line_break_in_an_email_is_refused(db) -> None:
    with pytest.raises(ValidationError, match="not a valid email"):
        people.create_person(
            db, people.PersonInput(name="Jo", email="jo@example.org\r\nBcc: all@example.org")
        )


@pytest.mark.parametrize("area", ["people", "actions"])
def test_an_import_with_a_control_character_names_the_cell_and_writes_nothing(
    demo_db, tmp_path: Path, area: str, capsys
) -> None:
    sheet = tmp_path / f"{area}.csv"
    if area == "people":
        sheet.write_text("Name,Email\nSam\x0bOkafor,sam@example.org\n", "utf-8")
    else:
        sheet.write_text("Action,Owner,Target date\nFix\x01it,Priya Raman,1 March 2027\n", "utf-8")
    before = sheet_counts(demo_db)
    assert main([area, "import", "--db", target(demo_db), str(sheet)]) == 1
    err = capsys.readouterr().err
    assert "row 2" in err and "control character" in err and "Traceback" not in err
    assert sheet_counts(demo_db) == before


def sheet_counts(db: Database) -> tuple[int, int]:
    with db.engine.connect() as conn:
        return (
            conn.execute(text("SELECT count(*) FROM people")).scalar_one(),
            conn.execute(text("SELECT count(*) FROM actions")).scalar_one(),
        )


def stored_badly(db: Database, sql: str, **values: str) -> None:
    """What an older release let in: written behind the services' back."""
    with db.engine.begin() as conn:
        conn.execute(text(sql), values)


def test_stored_control_characters_do_not_break_the_xlsx_export(demo_db, tmp_path) -> None:
    stored_badly(demo_db, "UPDATE actions SET title = :bad WHERE id = 1", bad="Bad\x01title\x0b")
    out = tmp_path / "log.xlsx"
    assert main(["actions", "export", "--db", target(demo_db), "--out", str(out)]) == 0
    cells = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert "Bad title " in cells


def test_a_stored_line_break_in_an_email_does_not_break_the_invitation(
    demo_db, tmp_path: Path
) -> None:
    meeting_id = add_meeting(demo_db)
    stored_badly(
        demo_db,
        "UPDATE people SET email = email || :crlf || 'X-Evil: 1', "
        "name = name || :crlf || 'ATTENDEE:mailto:spy@example.org' WHERE email IS NOT NULL",
        crlf="\r\n",
    )
    out = tmp_path / "out"
    args = ["invite", "--db", target(demo_db), "--meeting", str(meeting_id), "--out", str(out)]
    try:
        status = main(args)
    except SendboardError:  # refusing is fine too, as long as it is a message
        return
    assert status in (0, 1, 2)
    for ics in out.glob("*.ics"):
        event = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")[0]
        attendees = event.get("ATTENDEE")
        attendees = attendees if isinstance(attendees, list) else [attendees]
        assert not any("spy@" in str(a) for a in attendees)
    for eml in out.glob("*.eml"):
        parsed = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
        assert parsed["X-Evil"] is None
