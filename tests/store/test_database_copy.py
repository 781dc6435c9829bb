"""`sendboard database copy`: a whole database into an empty one, SQLite ↔ PostgreSQL, checked.

The server round trip runs against the real server named by SENDBOARD_TEST_PG."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select, text
from sqlalchemy.engine import URL

from sendboard.cli import main
from sendboard.errors import SendboardError
from sendboard.services import boards, meetings, packs, people
from sendboard.services.actions.export import export_actions
from sendboard.services.common.workspace import Database, check, open_database
from sendboard.services.database.copying import copy_database
from sendboard.services.people.io import export_people
from sendboard.services.risks.export import export_register
from sendboard.store.models import AuditEntry, StoredFile
from tests import pg_server

pytestmark = pytest.mark.dated


def _cells(path: Path) -> list[list[object]]:
    book = load_workbook(path)
    return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book]


def _seen(db: Database, folder: Path) -> dict[str, object]:
    """What a secretary sees of a database: its exports, and the next pack's page count."""
    folder.mkdir()
    export_people(db, folder / "people.xlsx")
    export_actions(db, folder / "actions.xlsx")
    export_register(db, folder / "risks.xlsx")
    board = next(b for b in boards.list_boards(db) if b.name == "SEND Improvement Board")
    upcoming = meetings.next_meeting(db, board.id)
    assert upcoming is not None
    packs.make_pack(db, upcoming.id, folder / "pack.pdf")
    return {
        "people": _cells(folder / "people.xlsx"),
        "actions": _cells(folder / "actions.xlsx"),
        "risks": _cells(folder / "risks.xlsx"),
        "pack pages": len(PdfReader(folder / "pack.pdf").pages),
    }


@pytest.fixture
def demo_file(pinned_demo_template: Path, tmp_path: Path) -> Path:
    """The demo as it stood on PINNED_DAY: the Board's next pack is then a full one."""
    path = tmp_path / "original.db"
    shutil.copyfile(pinned_demo_template, path)
    return path


def _stored(db: Database) -> tuple[int, int, list[str]]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            session.scalar(select(func.count()).select_from(StoredFile)) or 0,
            sorted(session.scalars(select(StoredFile.sha256))),
        )


def test_sqlite_to_server_to_sqlite_gives_identical_exports_and_pack(
    demo_file: Path, pg_url: URL, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    back = tmp_path / "back.db"
    with pg_server.fresh(pg_url, "copy") as url:
        server = url.render_as_string(hide_password=False)
        assert main(["database", "copy", "--db", str(demo_file), "--to", server]) == 0
        said = capsys.readouterr().out
        assert "row counts and checksums match" in said and "audit entries" in said
        assert main(["database", "copy", "--db", server, "--to", str(back)]) == 0
        original, on_server, returned = (
            open_database(str(demo_file)),
            open_database(server),
            open_database(str(back)),
        )
        try:
            assert _stored(original) == _stored(on_server) == _stored(returned)
            assert _stored(original)[0] > 100  # the audit trail came across
            assert check(original).counts == check(on_server).counts == check(returned).counts
            seen = _seen(original, tmp_path / "a")
            assert seen["pack pages"] > 5
            assert _seen(on_server, tmp_path / "b") == seen
            assert _seen(returned, tmp_path / "c") == seen
            # The server numbers new records on past the copied ones.
            made = people.create_person(on_server, people.PersonInput(name="Nadia Okafor"))
            assert made.value.id > max(p.id for p in people.list_people(original))
        finally:
            for db in (original, on_server, returned):
                db.close()


def test_a_copy_goes_only_into_an_empty_database(demo_file: Path, tmp_path: Path) -> None:
    full = tmp_path / "full.db"
    shutil.copyfile(demo_file, full)
    db = open_database(str(demo_file))
    try:
        before = check(open_database(str(full))).counts
        with pytest.raises(SendboardError, match="already holds sendboard records"):
            copy_database(db, str(full))
        with pytest.raises(SendboardError, match="is the database that is open"):
            copy_database(db, str(demo_file))
    finally:
        db.close()
    assert check(open_database(str(full))).counts == before


def test_a_file_copy_matches_row_for_row_and_keeps_the_audit_trail(
    demo_file: Path, tmp_path: Path
) -> None:
    db = open_database(str(demo_file))
    try:
        report = copy_database(db, str(tmp_path / "copy.db"))
        copy = open_database(str(tmp_path / "copy.db"))
        assert report.rows == sum(check(db).counts.values())
        assert report.audit_entries == _stored(db)[0] and report.files == _stored(db)[1]
        with copy.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        assert _stored(copy) == _stored(db)
        copy.close()
    finally:
        db.close()
