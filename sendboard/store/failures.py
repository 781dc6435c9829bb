"""What the disk and SQLite report, said as one line a secretary can act on."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError

from sendboard.errors import DatabaseBusy, DiskFull, ReadOnlyDatabase, SendboardError

_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def explain(exc: BaseException, name: str, *, files: bool = True) -> SendboardError | None:
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
        return None
    text = str(cause)
    if "disk is full" in text or "SQLITE_FULL" in text:
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
def explained(name: str, *, files: bool = True) -> Iterator[None]:
    """Raise disk and SQLite failures inside the block as the matching sendboard error."""
    try:
        yield
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        error = explain(exc, name, files=files)
        if error is None:
            raise
        raise error from exc
