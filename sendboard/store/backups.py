"""Rotating, checked copies of the database file, taken with SQLite's online backup.

A copy is written under a temporary name, checked (integrity, sendboard's tables, schema
version) and only then renamed to `<stem>-<UTC time>.db`; only such names count as backups.
A copy that fails or is killed part way leaves a temporary file that the next backup removes.
"""

from __future__ import annotations

import glob
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sendboard import clock
from sendboard.errors import SendboardError
from sendboard.paths import backups_dir_for
from sendboard.store.engine import BUSY_SECONDS
from sendboard.store.inspection import CORE_TABLES, sidecars, uri

KEEP = 10
STAMP = "%Y%m%dT%H%M%S%fZ"
#: The tables `sendboard backups` counts rows of, with the names it prints.
COUNTED = {"meetings": "meetings", "actions": "actions", "risks": "risks", "people": "people"}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime | None
    size: int
    revision: str | None
    counts: dict[str, int]
    problem: str | None = None


def list_backups(db_file: Path) -> list[Path]:
    folder = backups_dir_for(db_file)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{glob.escape(db_file.stem)}-*.db"))


def last_backup(db_file: Path) -> Path | None:
    backups = list_backups(db_file)
    return backups[-1] if backups else None


def _partials(folder: Path, stem: str) -> list[Path]:
    return list(folder.glob(f".{glob.escape(stem)}-*.partial*"))


def backup(db_file: Path, keep: int = KEEP) -> Path:
    """Copy the live database (WAL included) to backups/<stem>-<UTC time>.db; prune old ones."""
    folder = backups_dir_for(db_file)
    folder.mkdir(exist_ok=True)
    for stale in _partials(folder, db_file.stem):
        stale.unlink(missing_ok=True)
    stamp = clock.now().strftime(STAMP)
    target = folder / f"{db_file.stem}-{stamp}.db"
    partial = folder / f".{db_file.stem}-{stamp}.partial"
    try:
        _copy(db_file, partial)
        problem = describe(partial).problem
        if problem:
            raise SendboardError(
                f"The backup of {db_file.name} did not check out ({problem}), so it was not "
                "kept. The database itself has not been changed."
            )
        _flush(partial)
        os.replace(partial, target)
        _flush(folder)
    finally:
        for leftover in _partials(folder, db_file.stem):
            leftover.unlink(missing_ok=True)
    for old in list_backups(db_file)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _copy(db_file: Path, partial: Path) -> None:
    """SQLite's online backup, through its own locks: another sendboard may start writing while
    this copies, and its work must neither tear the copy nor be lost."""
    before = set(sidecars(db_file))
    try:
        source = sqlite3.connect(db_file, timeout=BUSY_SECONDS)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
    except sqlite3.Error:
        _drop_unused_sidecars(db_file, before)
        raise


def _drop_unused_sidecars(db_file: Path, before: set[Path]) -> None:
    """After a failed copy (a full disk, say), the `-wal` and `-shm` it began beside the file, but
    only while the `-wal` is empty: no one has committed anything through it."""
    wal = db_file.with_name(db_file.name + "-wal")
    if wal in before or not wal.exists() or wal.stat().st_size:
        return
    for extra in set(sidecars(db_file)) - before:
        extra.unlink(missing_ok=True)


def _flush(path: Path) -> None:
    if path.is_dir() and os.name == "nt":  # pragma: no cover - Windows cannot open folders
        return
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def describe(path: Path) -> BackupInfo:
    """Size, schema version and counts of a copy, or what is wrong with it."""
    size = path.stat().st_size
    taken = _taken(path)
    try:
        conn = sqlite3.connect(uri(path, mode="ro", immutable="1"), uri=True)
        try:
            found = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if found != "ok":
                return BackupInfo(path, taken, size, None, {}, f"integrity check: {found}")
            if not tables >= CORE_TABLES or "alembic_version" not in tables:
                return BackupInfo(path, taken, size, None, {}, "not a sendboard database")
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            if len(rows) != 1:
                return BackupInfo(path, taken, size, None, {}, "no schema version")
            counts = {
                label: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table, label in COUNTED.items()
                if table in tables
            }
            return BackupInfo(path, taken, size, str(rows[0][0]), counts)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return BackupInfo(path, taken, size, None, {}, str(exc))


def _taken(path: Path) -> datetime | None:
    stamp = path.stem.rpartition("-")[2]
    try:
        return datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def backup_is_due(db_file: Path, max_age_hours: float = 24) -> bool:
    """Whether the newest backup is older than `max_age_hours`, by the time in its name (taken from
    sendboard's own clock, so a moved clock and a file system's times never disagree)."""
    newest = last_backup(db_file)
    if newest is None:
        return True
    taken = _taken(newest)
    if taken is None:
        return True
    age = (clock.now() - taken).total_seconds()
    return not 0 <= age <= max_age_hours * 3600
