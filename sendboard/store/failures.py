"""What the disk and SQLite report, said as one line a secretary can act on."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from sendboard.errors import DatabaseBusy, DiskFull, ReadOnlyDatabase, SendboardError

_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
#: Less room than this left beside the database, and a failed write is put down to a full disk.
LOW_SPACE = 1024 * 1024


def _nearly_full(path: Path | None) -> bool:
    """SQLite reports a write into a full disk as a plain I/O error; the free space tells."""
    if path is None:
        return False
    try:
        return shutil.disk_usage(path.parent).free < LOW_SPACE
    except OSError:
        return False


def explain(
    exc: BaseException, name: str, *, files: bool = True, path: Path | None = None
) -> SendboardError | None:
    """The sendboard error for a failure of the disk or of SQLite, or None if it is neither.

    With `files=False` an OSError is left alone: it came from some other file than the database.
    """
    cause = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(cause, OSError) and files:
        if cause.errno in _FULL:
            return _disk_full(name)
        if cause.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnlyDatabase(
                f"sendboard could not write beside {name} ({cause.strerror}). Nothing was "
                "changed. Copy the database to a folder of your own, or ask for write access."
            )
        return None
    if not isinstance(cause, sqlite3.Error):
        from sendboard.store import server

        return server.explain(cause, name)
    text = str(cause)
    if "disk is full" in text or ("disk I/O error" in text and _nearly_full(path)):
        return _disk_full(name)
    if "locked" in text or "busy" in text:
        return DatabaseBusy(
            f"{name} is busy: another sendboard or program is writing to it and did not finish "
            "in time. Nothing was changed; try again in a moment."
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabase(
            f"{name} cannot be written to (the file or its folder is read-only). Nothing was "
            "changed. Copy it to a folder of your own, or ask for write access."
        )
    if "disk I/O error" in text or "unable to open" in text:
        return SendboardError(
            f"{name} could not be read or written ({text}). Nothing was changed; check the "
            "drive is connected and has room, then try again."
        )
    return None


def _disk_full(name: str) -> DiskFull:
    return DiskFull(
        f"The disk holding {name} is full. Nothing was changed; free some space and try again."
    )


@contextmanager
def explained(where: Path | str, *, files: bool = True) -> Iterator[None]:
    """Raise disk and SQLite failures inside the block as the matching sendboard error.

    `where` is the database file (or, for a server, what to call it).
    """
    path = where if isinstance(where, Path) else None
    name = where.name if isinstance(where, Path) else where
    try:
        yield
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        error = explain(exc, name, files=files, path=path)
        if error is None:
            raise
        raise error from exc
