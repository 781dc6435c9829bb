"""New databases and schema upgrades built aside and swapped in whole.

A new file is built under a temporary name and renamed into place only when complete; an
upgrade runs on a copy, is checked, and replaces the file with one atomic rename. A kill at any
instant leaves the old file or the new one, plus at worst a temporary file that the next open
removes. Callers hold the file's opening lock (store/locks.py).
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import threading
from pathlib import Path

from sendboard.errors import DatabaseOpenError
from sendboard.store import backups
from sendboard.store.engine import make_engine, to_url
from sendboard.store.inspection import APPLICATION_ID, require_closed_elsewhere, sidecars
from sendboard.store.schema import alembic_config, head_revision

_KINDS = ("new", "upgrade", "restore")
#: Alembic keeps the running migration in module globals: one migration at a time per process.
MIGRATING = threading.Lock()


def temp_name(path: Path, kind: str) -> Path:
    return path.with_name(f".{path.name}.{kind}-{os.getpid()}")


def clear_leftovers(path: Path) -> None:
    """Remove what a killed build, upgrade or restore of `path` left behind."""
    for kind in _KINDS:
        for leftover in path.parent.glob(f".{glob.escape(path.name)}.{kind}-*"):
            leftover.unlink(missing_ok=True)


def remove(path: Path) -> None:
    for extra in sidecars(path):
        extra.unlink(missing_ok=True)
    path.unlink(missing_ok=True)


def migrate(path: Path) -> None:
    """Bring the file at `path` to the newest schema and give it sendboard's mark."""
    from alembic import command

    engine = make_engine(to_url(path))
    try:
        with MIGRATING, engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    finally:
        engine.dispose()


def verify(path: Path, revision: str) -> None:
    """Insist that `path` is intact, marked as sendboard's and at `revision`."""
    conn = sqlite3.connect(path)
    try:
        found = conn.execute("PRAGMA integrity_check").fetchone()[0]
        mark = conn.execute("PRAGMA application_id").fetchone()[0]
        at = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    if found != "ok" or mark != APPLICATION_ID or at != [(revision,)]:
        raise DatabaseOpenError(
            f"The new copy of {path.name} did not check out ({found}, schema {at}); "
            "nothing was changed. Please report this."
        )


def fsync(path: Path) -> None:
    """Flush a file (or, on POSIX, a folder's entries) to the disk."""
    if path.is_dir() and os.name == "nt":  # pragma: no cover - Windows cannot open folders
        return
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def publish(built: Path, path: Path) -> None:
    """Give the finished file `built` the name `path` in one step."""
    fsync(built)
    os.replace(built, path)
    fsync(path.parent)


def create_new(path: Path) -> None:
    """Build a new database beside `path` and rename it into place when it is complete."""
    built = temp_name(path, "new")
    remove(built)
    try:
        migrate(built)
        verify(built, head_revision())
        publish(built, path)
    finally:
        remove(built)


def upgrade_file(path: Path) -> None:
    """Back the file up, upgrade a copy, check it, and swap it in."""
    require_closed_elsewhere(path)
    backups.backup(path)
    built = temp_name(path, "upgrade")
    remove(built)
    try:
        shutil.copyfile(path, built)
        migrate(built)
        verify(built, head_revision())
        require_closed_elsewhere(path)
        publish(built, path)
    finally:
        remove(built)


def mark(path: Path) -> None:
    """Give an older sendboard file (recognised by its tables) sendboard's mark."""
    conn = sqlite3.connect(path, timeout=10)
    try:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.commit()
    finally:
        conn.close()
