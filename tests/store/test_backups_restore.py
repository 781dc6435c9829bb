"""`sendboard backups` and `sendboard restore`: checked copies, the current file kept first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sendboard.cli import main
from sendboard.errors import DatabaseBusy, SendboardError
from sendboard.services import people
from sendboard.services.common.workspace import list_backups, restore_backup
from sendboard.store import backups
from sendboard.store.schema import head_revision

pytestmark = pytest.mark.sqlite_only


def people_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM people").fetchone()[0]
    finally:
        conn.close()


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))


def test_backups_are_listed_with_date_size_schema_and_counts(demo_db, capsys) -> None:
    path = demo_db.file
    newest = backups.backup(path)
    info = list_backups(str(path))[0]
    assert info.path == newest
    assert info.problem is None and info.revision == head_revision()
    assert info.counts["people"] == people_count(path) and info.counts["meetings"] > 0
    assert main(["backups", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert (
        info.path.name in out
        and head_revision() in out
        and f"{info.counts['people']} people" in out
    )


def test_restore_puts_the_backup_back_and_keeps_the_current_file(demo_db) -> None:
    path = demo_db.file
    taken = backups.backup(path)
    before = people_count(path)
    people.create_person(demo_db, people.PersonInput(name="Added After The Backup"))
    with pytest.raises(DatabaseBusy, match="open in another"):
        restore_backup(str(path), taken.name)  # this test still has the database open
    assert people_count(path) == before + 1
    demo_db.close()
    done = restore_backup(str(path), taken.name)
    assert beside(path) == [path.name]  # no -wal or -shm of the old file left beside
    assert people_count(path) == before
    assert done.kept is not None and people_count(done.kept) == before + 1


def test_restore_folds_a_killed_writers_wal_into_the_kept_copy(demo_db, tmp_path) -> None:
    path = demo_db.file
    taken = backups.backup(path)
    before = people_count(path)
    people.create_person(demo_db, people.PersonInput(name="Only In The Wal"))
    # What a killed sendboard leaves: the file with a -wal holding committed work.
    crashed = tmp_path / "crashed" / path.name
    crashed.parent.mkdir()
    for name in beside(path):
        shutil.copyfile(path.parent / name, crashed.parent / name)
    demo_db.close()
    assert (crashed.parent / f"{path.name}-wal").exists()
    (crashed.parent / "backups").mkdir()
    shutil.copyfile(taken, crashed.parent / "backups" / taken.name)
    done = restore_backup(str(crashed), taken.name)
    assert beside(crashed) == [crashed.name]
    assert people_count(crashed) == before
    assert done.kept is not None and people_count(done.kept) == before + 1


def test_an_unusable_backup_is_refused_and_nothing_changes(db, tmp_path) -> None:
    bad = tmp_path / "half.db"
    bad.write_bytes(backups.backup(db.file).read_bytes()[:8192])
    db.close()
    before = db.file.read_bytes()
    with pytest.raises(SendboardError, match="cannot be restored"):
        restore_backup(str(db.file), str(bad))
    assert db.file.read_bytes() == before


def test_a_damaged_database_can_be_restored_and_its_bytes_are_kept(demo_db) -> None:
    path = demo_db.file
    taken = backups.backup(path)
    demo_db.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    assert main(["restore", "--db", str(path), taken.name]) == 0
    assert people_count(path) > 0
    (kept,) = path.parent.joinpath("backups").glob("*.damaged")
    assert kept.read_bytes() == bytes(data)
