"""The command line, run in-process (fast) except for one real `python -m sendboard`."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sendboard import __version__
from sendboard.cli import main
from sendboard.services import people as people_service
from sendboard.services.audit import count_audit
from sendboard.services.common.workspace import Database, check, open_database
from sendboard.store.database import head_revision
from tests.pg_server import target

ROOT = Path(__file__).resolve().parents[2]
MARSH = "helen.marsh@kingsmere.example.gov.uk"


def snapshot(path: str) -> tuple[dict[str, int], int]:
    db = open_database(path)
    try:
        return check(db).counts, count_audit(db)
    finally:
        db.close()


def demo_file(demo_db: Database) -> str:
    demo_db.close()
    return target(demo_db)


def test_demo_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path), "--size", "small"]) == 0
    assert "Demo data (small) written" in capsys.readouterr().out
    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"Schema:     {head_revision()}" in out
    assert "Integrity:  ok" in out
    people = next(line for line in out.splitlines() if line.strip().startswith("people "))
    assert int(people.split()[-1]) > 30


def test_demo_refuses_a_database_with_data(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_file(demo_db)
    before = snapshot(path)
    assert main(["demo", "--db", str(path)]) == 1
    assert "already holds data" in capsys.readouterr().err
    assert snapshot(path) == before


def test_db_option_before_or_after_the_command(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_file(demo_db)
    assert main(["--db", path, "check"]) == 0
    first = capsys.readouterr().out
    assert main(["check", "--db", path]) == 0
    assert f"Database:   {path}" in first
    assert capsys.readouterr().out == first


def test_check_refuses_a_text_file_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Agenda: 1. Apologies\n" * 50, encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["check", "--db", str(path)]) == 1
    assert "not a sendboard database" in capsys.readouterr().err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_people_export_edit_import(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_file(demo_db)
    out = tmp_path / "people.xlsx"
    assert main(["people", "export", "--db", path, "--out", str(out)]) == 0
    assert "people written to" in capsys.readouterr().out
    book = load_workbook(out)
    sheet = book.active
    row = next(r for r in sheet.iter_rows(min_row=2) if r[3].value == MARSH)
    row[1].value = "Assistant Director, SEND"
    book.save(out)

    before = snapshot(path)
    assert main(["people", "import", "--db", path, str(out), "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert "1 to update" in dry
    assert f"(Helen Marsh <{MARSH}>): update: title: Head of SEND → Assistant Director, SEND" in dry
    assert "Dry run: nothing was written." in dry
    assert snapshot(path) == before

    assert main(["people", "import", str(out), "--db", path]) == 0
    printed = capsys.readouterr().out
    assert "Imported: 0 added, 1 updated, 42 unchanged." in printed
    db = open_database(path)
    try:
        marsh = next(p for p in people_service.list_people(db) if p.email == MARSH)
    finally:
        db.close()
    assert marsh.title == "Assistant Director, SEND"


def test_a_bad_row_fails_the_import_and_changes_nothing(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo_file(demo_db)
    source = tmp_path / "people.csv"
    source.write_text(
        "Name,Title,Email,Statutory role\n"
        "New Person,Officer,new.person@example.org,\n"
        f"Helen Marsh,Director,{MARSH},\n"
        "Broken Row,Officer,broken@,\n",
        encoding="utf-8",
    )
    before = snapshot(path)
    for extra in ([], ["--dry-run"]):
        assert main(["people", "import", "--db", str(path), str(source), *extra]) == 1
        captured = capsys.readouterr()
        assert "row 4 (Broken Row): 'broken@' is not a valid email address" in captured.out
        assert "nothing" in captured.err
        assert snapshot(path) == before


def test_import_of_a_missing_file_is_explained(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["people", "import", "--db", str(db_path), str(tmp_path / "gone.xlsx")]) == 1
    assert "gone.xlsx does not exist" in capsys.readouterr().err


def test_audit_lists_recent_changes(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    marsh = next(p for p in people_service.list_people(demo_db) if p.email == MARSH)
    data = people_service.PersonInput(
        name=marsh.name, title="Director", email="h.marsh@example.org"
    )
    people_service.update_person(demo_db, marsh.id, data)
    path = demo_file(demo_db)
    assert main(["audit", "--db", path, "--entity", "person", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert f"update  Person#{marsh.id}" in lines[0]
    assert lines[0].endswith("title, organisation_id, email, phone")
    assert all("Person#" in line for line in lines)
    assert main(["audit", "--db", path, "--entity", "Person", "--id", "999999"]) == 0
    assert capsys.readouterr().out == "No audit entries match.\n"


def test_version_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sendboard", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"sendboard {__version__}"
