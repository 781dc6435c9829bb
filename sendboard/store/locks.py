"""One opener at a time per database file, across processes on this computer.

Opening a file may create it, back it up or upgrade its schema; two sendboards doing that to
one file at once would race. The lock is an operating-system lock on a small file in the
temporary folder named after the database's path, so nothing is ever written beside a file
that may turn out not to be ours, and a killed process's lock goes with it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sendboard.domain.wording import counted
from sendboard.errors import DatabaseBusy

WAIT_SECONDS = 60.0


def _lock_file(db_file: Path) -> Path:
    folder = Path(tempfile.gettempdir()) / "sendboard-locks"
    folder.mkdir(exist_ok=True)
    key = hashlib.sha256(str(db_file.resolve()).lower().encode()).hexdigest()[:32]
    return folder / f"{key}.lock"


def _try_lock(handle: int) -> bool:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


@contextmanager
def opening_lock(
    db_file: Path,
    *,
    wait: float = WAIT_SECONDS,
    on_wait: Callable[[float], None] | None = None,
) -> Iterator[None]:
    """Hold the file's opening lock, waiting up to `wait` seconds for another opener."""
    handle = os.open(_lock_file(db_file), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        started = time.monotonic()
        told = 0.0
        while not _try_lock(handle):
            waited = time.monotonic() - started
            if waited >= wait:
                raise DatabaseBusy(
                    f"{db_file.name} is being opened or upgraded by another sendboard and "
                    f"did not finish within {counted(round(wait), 'second')}. Nothing was changed; "
                    "try again when the other one is done."
                )
            if on_wait is not None and waited - told >= 1:
                on_wait(waited)
                told = waited
            time.sleep(0.05)
        yield
    finally:
        os.close(handle)  # closing the handle releases the lock
