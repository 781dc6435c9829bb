"""Opening the database the user chose: the handle every other service takes first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from sendboard import paths
from sendboard.errors import NotFoundError, SendboardError
from sendboard.paths import backups_dir_for
from sendboard.progress import Progress, no_progress
from sendboard.store import backups, restoring
from sendboard.store.backups import BackupInfo
from sendboard.store.database import Database, open_database
from sendboard.store.engine import sqlite_file, to_url
from sendboard.store.failures import explain
from sendboard.store.models import Base

__all__ = [
    "BackupInfo",
    "Database",
    "HealthReport",
    "check",
    "explain_failure",
    "list_backups",
    "open_database",
    "resolve_target",
    "restore_backup",
]


def resolve_target(db: str | None, *, demo: bool = False) -> str:
    """`--db` wins; else the demo file with `--demo`; else the shared server chosen in
    Settings → Database for this computer; else the default file in the data folder."""
    return paths.resolve_target(db, demo=demo)


@dataclass(frozen=True)
class HealthReport:
    label: str
    revision: str | None
    integrity: str
    counts: dict[str, int]
    last_backup: Path | None
    read_only: bool = False
    #: A server database: the file checks and backups are the server's, not sendboard's.
    server: bool = False

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
        read_only=db.read_only,
        server=db.file is None,
    )


def explain_failure(exc: BaseException) -> str | None:
    """What a disk or SQLite failure means, in one line; None if it is neither."""
    error = explain(exc, "the database", files=False)
    return None if error is None else str(error)


#: What `backups` and `check` say about a server database.
SERVER_BACKUPS = (
    "sendboard keeps backups of database files only; a server database is backed up by the "
    "server's own tools (pg_dump, or IT's backups)."
)


def is_server(target: str) -> bool:
    """Whether `target` names a server database rather than a file."""
    return sqlite_file(to_url(target)) is None


def _file(target: str) -> Path:
    path = sqlite_file(to_url(target))
    if path is None:
        raise SendboardError(SERVER_BACKUPS)
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


def restore_backup(
    target: str,
    backup: str | Path,
    *,
    on_wait: Callable[[float], None] | None = None,
    progress: Progress = no_progress,
) -> Restored:
    """Put a backup back in place of the database file `target`, keeping the current file.

    `on_wait` is told how long this has waited for another sendboard opening the file;
    `progress` hears each step."""
    source = find_backup(target, str(backup))
    kept = restoring.restore(_file(target), source, on_wait=on_wait, progress=progress)
    return Restored(restored=source, kept=kept)
