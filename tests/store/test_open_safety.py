"""Opening refuses what is not ours, damaged or newer — and leaves those bytes untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from sendboard.errors import DamagedDatabase, NewerDatabase, NotASendboardDatabase
from sendboard.services.workspace import open_database
from sendboard.store import backups


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
