"""A read-only look at a database file before anything opens it for writing.

Nothing here changes a byte of the file or leaves anything beside it: a file with no `-wal` is
read as immutable (no locks, no `-shm`), and one with a `-wal` through a read-only connection
whose leftovers are removed again. Each refusal names the cause and what to do.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sendboard.errors import (
    DamagedDatabase,
    DatabaseBusy,
    DatabaseOpenError,
    NotASendboardDatabase,
    ReadOnlyDatabase,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
#: sendboard's mark in the SQLite header (`PRAGMA application_id`): "SBD1".
APPLICATION_ID = 0x53424431
#: Tables every sendboard database has had since the first release; a file without the mark is
#: recognised as sendboard's by these.
CORE_TABLES = frozenset({"audit_entries", "settings", "people", "boards", "meetings", "actions"})
SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class FileState:
    """What a read-only look at an existing file found."""

    revision: str | None
    empty: bool
    marked: bool = False


def sidecars(path: Path) -> list[Path]:
    """The `-wal`, `-shm` and `-journal` files SQLite keeps beside `path` that exist now."""
    return [p for p in (path.with_name(path.name + s) for s in SIDECARS) if p.exists()]


def uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(path.as_posix(), safe='/:')}?{query}"


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write. With no `-wal` beside the file nobody has it open, so
    it is read as it stands (`immutable`: no lock, no new file); otherwise through SQLite's
    locks. Files that appear beside it meanwhile belong to another connection and are left
    alone: removing a `-wal` would lose the work committed in it."""
    wal = path.with_name(path.name + "-wal")
    mode = {"mode": "ro"} if wal.exists() else {"immutable": "1"}
    conn = sqlite3.connect(uri(path, **mode), uri=True)
    try:
        yield conn
    finally:
        conn.close()


def check_place(path: Path) -> None:
    """Refuse a folder, or a file in a folder that is not there (a missing drive or share)."""
    if path.is_dir():
        raise NotASendboardDatabase(
            f"{path} is a folder, not a database file. Choose the .db file inside it, "
            "or give a new file name."
        )
    if not path.parent.is_dir():
        raise DatabaseOpenError(
            f"The folder {path.parent} does not exist (is the drive or network share "
            "connected?). Nothing was created. Connect it, or choose another place."
        )


def check_writable(path: Path) -> None:
    """Refuse a file or folder this user cannot write to, saying which."""
    if path.exists() and not os.access(path, os.W_OK):
        raise ReadOnlyDatabase(
            f"{path.name} is read-only, so sendboard cannot keep it up to date. It has not been "
            "changed. Copy it to a folder of your own, or ask for it to be made writable."
        )
    if not os.access(path.parent, os.W_OK):
        raise ReadOnlyDatabase(
            f"The folder {path.parent} is read-only, so sendboard cannot write {path.name} "
            "there. Nothing was changed. Copy it to a folder of your own, or ask for write "
            "access."
        )


def inspect_file(path: Path) -> FileState:
    """Look at a database file without changing a byte; raise if it is not safe to open."""
    check_place(path)
    if not path.exists() or path.stat().st_size == 0:
        return FileState(revision=None, empty=True)
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(SQLITE_MAGIC))
    except PermissionError as exc:
        raise ReadOnlyDatabase(
            f"{path.name} cannot be read by this user ({exc.strerror}). Ask for access to it."
        ) from exc
    if magic != SQLITE_MAGIC:
        raise NotASendboardDatabase(
            f"{path.name} is not a sendboard database (it is not an SQLite file). "
            "Choose the sendboard.db file, or a new file name to start a fresh database."
        )
    try:
        with read_only(path) as conn:
            return _inspect(conn, path)
    except sqlite3.DatabaseError as exc:
        raise _open_error(exc, path) from exc


def _inspect(conn: sqlite3.Connection, path: Path) -> FileState:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    ours = app_id == APPLICATION_ID or (app_id == 0 and tables >= CORE_TABLES)
    if (tables or app_id) and not ours:
        raise NotASendboardDatabase(
            f"{path.name} is an SQLite database of another program, not sendboard's. "
            "It has not been changed. Choose a sendboard database or a new file name."
        )
    _require_intact(conn, path)
    if not tables:
        return FileState(revision=None, empty=True, marked=app_id == APPLICATION_ID)
    rows = (
        conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if "alembic_version" in tables
        else []
    )
    if len(rows) != 1 or not rows[0][0]:
        raise DatabaseOpenError(
            f"{path.name} is a sendboard database whose schema version is missing, so it "
            "cannot be opened safely. It has not been changed. Restore a backup "
            "(`sendboard backups`, then `sendboard restore`)."
        )
    return FileState(revision=str(rows[0][0]), empty=False, marked=app_id == APPLICATION_ID)


def _require_intact(conn: sqlite3.Connection, path: Path) -> None:
    if conn.execute("PRAGMA quick_check").fetchone()[0] == "ok":
        return
    found = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if found != "ok":
        raise DamagedDatabase(
            f"{path.name} failed SQLite's integrity check ({found}). It has not been changed. "
            "Restore the newest copy from the backups folder beside it (`sendboard restore`)."
        )


def _open_error(exc: sqlite3.DatabaseError, path: Path) -> DatabaseOpenError:
    """Damaged only when SQLite says the file itself is malformed; otherwise say what it is."""
    text = str(exc)
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DamagedDatabase(
            f"{path.name} is damaged and cannot be read ({text}). It has not been changed. "
            "Restore the newest copy from the backups folder beside it (`sendboard restore`)."
        )
    if "locked" in text or "busy" in text:
        return DatabaseOpenError(
            f"{path.name} is locked by another program ({text}). Nothing was changed; "
            "close the other program and try again."
        )
    return DatabaseOpenError(
        f"{path.name} could not be read ({text}). It has not been changed; check the drive "
        "is connected and try again."
    )


def _busy(path: Path) -> DatabaseBusy:
    return DatabaseBusy(
        f"{path.name} is open in another program or sendboard window, so it cannot be "
        "upgraded or replaced now. Nothing was changed; close the other one and try again."
    )


def require_closed_elsewhere(path: Path) -> None:
    """Fold any committed `-wal` into the file, then insist nothing else has it open.

    The last connection to close removes `-wal` and `-shm`; if they remain, another
    process holds the file, and swapping a new file in under it would lose its work.
    """
    if sidecars(path):
        conn = sqlite3.connect(uri(path, mode="rw"), uri=True, timeout=10)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as exc:
            raise _busy(path) from exc
        finally:
            conn.close()
    if sidecars(path):
        raise _busy(path)
