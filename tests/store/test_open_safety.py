"""Opening refuses what is not ours, damaged or newer — and leaves those bytes untouched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from sendboard.errors import (
    DamagedDatabase,
    DatabaseBusy,
    DatabaseOpenError,
    NewerDatabase,
    NotASendboardDatabase,
)
from sendboard.services.common.workspace import open_database
from sendboard.store import backups
from sendboard.store.inspection import APPLICATION_ID
from sendboard.store.schema import head_revision
from tests.store.mounts import read_only_copy


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_and_migrated(db_path: Path) -> None:
    db = open_database(db_path)
    assert db.revision() is not None
    assert db.integrity_check() == "ok"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("minutes of the last meeting\n" * 100)
    before = digest(path)
    with pytest.raises(NotASendboardDatabase, match="not a sendboard database"):
        open_database(path)
    assert digest(path) == before


def test_other_programs_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = digest(path)
    with pytest.raises(NotASendboardDatabase, match="another program"):
        open_database(path)
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


def test_damaged_database_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # smash the schema page
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(DamagedDatabase, match="backups folder"):
        open_database(db_path)
    assert digest(db_path) == before


def test_newer_database_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = digest(db_path)
    with pytest.raises(NewerDatabase, match="newer version of sendboard"):
        open_database(db_path)
    assert digest(db_path) == before


def test_reopening_backs_up_once_a_day_and_rotates(db_path: Path) -> None:
    open_database(db_path).close()
    assert backups.list_backups(db_path) == []  # a brand-new file has nothing to protect
    open_database(db_path).close()
    assert len(backups.list_backups(db_path)) == 1
    open_database(db_path).close()
    assert len(backups.list_backups(db_path)) == 1  # not due again yet
    for _ in range(backups.KEEP + 3):
        backups.backup(db_path)
    kept = backups.list_backups(db_path)
    assert len(kept) == backups.KEEP
    with sqlite3.connect(kept[-1]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_only_database_is_opened_read_only_not_called_damaged(db_path: Path, tmp_path) -> None:
    open_database(db_path).close()
    with read_only_copy(db_path, tmp_path / "ro") as copy:
        before = digest(copy)
        db = open_database(copy)
        assert db.read_only and db.integrity_check() == "ok"
        db.close()
        assert digest(copy) == before
        assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_read_only_folder_is_opened_read_only(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    folder = tmp_path / "shared"
    folder.mkdir()
    copy = folder / "board.db"
    copy.write_bytes(db_path.read_bytes())
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root writes anywhere: the folder check cannot bite
            pytest.skip("this user can write to any folder")
        db = open_database(copy)
        assert db.read_only
        db.close()
    finally:
        folder.chmod(0o755)


def test_a_folder_is_refused_as_a_folder(tmp_path: Path) -> None:
    with pytest.raises(NotASendboardDatabase, match="is a folder"):
        open_database(tmp_path)


def test_a_missing_folder_is_not_created(tmp_path: Path) -> None:
    target = tmp_path / "Z-drive" / "board" / "sendboard.db"
    with pytest.raises(DatabaseOpenError, match="does not exist"):
        open_database(target)
    assert not (tmp_path / "Z-drive").exists()


def test_another_programs_alembic_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "inventory.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    conn.execute("CREATE TABLE stock (id INTEGER PRIMARY KEY, item TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotASendboardDatabase, match="another program"):
        open_database(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inventory.db"]


def test_emptied_schema_version_is_refused_untouched_without_sidecars(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM alembic_version")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseOpenError, match="schema version is missing"):
        open_database(db_path)
    assert digest(db_path) == before
    assert [p.name for p in db_path.parent.iterdir() if p.name.startswith("board.db")] == [
        "board.db"
    ]


def test_refusals_are_one_line_on_the_command_line(tmp_path: Path, capsys) -> None:
    from sendboard.cli import main

    assert main(["check", "--db", str(tmp_path)]) == 1
    assert main(["check", "--db", str(tmp_path / "gone" / "x.db")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 2


def test_a_writer_kept_waiting_is_told_the_database_is_busy(db_path: Path, monkeypatch) -> None:
    from sendboard.services import people
    from sendboard.store import engine

    monkeypatch.setattr(engine, "BUSY_SECONDS", 1)
    db = open_database(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy, match="busy"):
            people.create_person(db, people.PersonInput(name="Sam Okafor"))
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()


def test_a_new_database_gets_sendboards_mark_and_an_old_one_is_marked(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.execute("PRAGMA application_id=0")  # as releases before the mark left it
    conn.commit()
    conn.close()
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_two_threads_upgrading_two_files_at_once_both_succeed(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from tests.store.test_migration_0002 import write_0001_database

    paths = [tmp_path / f"old-{n}.db" for n in range(4)] + [
        tmp_path / f"new-{n}.db" for n in range(4)
    ]
    for path in paths[:4]:
        write_0001_database(path)

    def opened(path: Path) -> str | None:
        db = open_database(path)
        try:
            return db.revision()
        finally:
            db.close()

    with ThreadPoolExecutor(4) as pool:
        assert set(pool.map(opened, paths)) == {head_revision()}


def test_work_committed_while_a_file_is_inspected_is_kept(tmp_path: Path) -> None:
    """Another sendboard may start writing while this one looks at the file (its check at open,
    the day's backup). What it commits to its `-wal` must survive, and later writers see it."""
    from sendboard.store.inspection import read_only

    path = tmp_path / "shared.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE notes (who TEXT)")
    conn.commit()
    conn.close()  # closed everywhere: no -wal beside it, so it is read as it stands
    with read_only(path) as looking:
        assert looking.execute("SELECT count(*) FROM notes").fetchone() == (0,)
        first = sqlite3.connect(path)
        first.execute("INSERT INTO notes VALUES ('first')")
        first.commit()
    second = sqlite3.connect(path)
    second.execute("INSERT INTO notes VALUES ('second')")
    second.commit()
    second.close()
    first.close()
    check = sqlite3.connect(path)
    try:
        assert sorted(r[0] for r in check.execute("SELECT who FROM notes")) == ["first", "second"]
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        check.close()


def test_a_backup_taken_while_another_sendboard_writes_keeps_both(tmp_path: Path) -> None:
    path = tmp_path / "board.db"
    open_database(path).close()
    writer = sqlite3.connect(path)
    writer.execute("INSERT INTO settings (key, value) VALUES ('probe', '1')")
    writer.commit()
    kept = backups.backup(path)  # while the writer still has the file open
    writer.execute("UPDATE settings SET value = '2' WHERE key = 'probe'")
    writer.commit()
    writer.close()
    for copy, value in ((kept, "1"), (path, "2")):
        conn = sqlite3.connect(copy)
        try:
            found = conn.execute("SELECT value FROM settings WHERE key = 'probe'").fetchone()
            assert found == (value,), copy.name
        finally:
            conn.close()
