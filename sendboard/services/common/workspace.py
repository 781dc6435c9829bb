"""Opening the database the user chose: the handle every other service takes first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from sendboard.errors import NotFoundError, SendboardError
from sendboard.paths import backups_dir_for, resolve_target
from sendboard.store import backups, restoring
from sendboard.store.backups import BackupInfo
from sendboard.store.database import Database, open_database
from sendboard.store.engine import sqlite_file, to_url
from sendboard.store.models import Base

__all__ = [
    "BackupInfo",
    "Database",
    "HealthReport",
    "check",
    "list_backups",
    "open_database",
    "resolve_target",
    "restore_backup",
]


@dataclass(frozen=True)
class HealthReport:
    label: str
    revision: str | None
    integrity: str
    counts: dict[str, int]
    last_backup: Path | None

    @property
    def healthy(self) -> bool:
        return self.integrity == "ok"


def check(db: Database) -> HealthReport:
    """Integrity, schema version, row counts and newest backup: what `sendboard check` prints."""
    counts = {}
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            counts[table.name] = session.scalar(select(func.count()).select_from(table)) or 0
    return HealthReport(
        label=db.label,
        revision=db.revision(),
        integrity=db.integrity_check(),
        counts=counts,
        last_backup=backups.last_backup(db.file) if db.file else None,
    )


def _file(target: str) -> Path:
    path = sqlite_file(to_url(target))
    if path is None:
        raise SendboardError(
            "Backups are kept for database files only; a server database is backed up by its "
            "own tools."
        )
    return path


def list_backups(target: str) -> list[BackupInfo]:
    """The counted backups of the database file `target`, newest first, each checked."""
    path = _file(target)
    return [backups.describe(kept) for kept in reversed(backups.list_backups(path))]


def find_backup(target: str, name: str) -> Path:
    """A backup named by its path, or by its file name in the backups folder."""
    given = Path(name).expanduser()
    if given.is_file():
        return given
    beside = backups_dir_for(_file(target)) / name
    if beside.is_file():
        return beside
    raise NotFoundError(
        f"There is no backup called {name}. `sendboard backups` lists them; give a name from "
        "that list or the path of a backup file."
    )


@dataclass(frozen=True)
class Restored:
    restored: Path
    kept: Path | None


def restore_backup(target: str, backup: str | Path) -> Restored:
    """Put a backup back in place of the database file `target`, keeping the current file."""
    source = find_backup(target, str(backup))
    kept = restoring.restore(_file(target), source)
    return Restored(restored=source, kept=kept)
