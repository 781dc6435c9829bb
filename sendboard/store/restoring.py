"""Putting a backup back: checked first, the current file kept, then swapped in whole."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sendboard import clock
from sendboard.errors import DatabaseBusy, SendboardError
from sendboard.paths import backups_dir_for
from sendboard.progress import Progress, no_progress
from sendboard.store import backups
from sendboard.store.building import publish, remove, temp_name
from sendboard.store.failures import explained
from sendboard.store.inspection import check_place, check_writable, sidecars, uri
from sendboard.store.locks import opening_lock
from sendboard.store.schema import require_known

STEPS = 4


def restore(
    db_file: Path,
    source: Path,
    *,
    on_wait: Callable[[float], None] | None = None,
    progress: Progress = no_progress,
) -> Path | None:
    """Replace `db_file` with the backup `source`; return where the current file was kept.

    The backup is copied and checked before anything else happens, the current file (with its
    `-wal`) is kept in the backups folder, and the copy replaces it in one rename, leaving no
    `-wal` or `-shm` of the old file beside the new one.
    """
    check_place(db_file)
    progress(0, STEPS, f"Checking {source.name}…")
    found = backups.describe(source)
    if found.problem:
        raise SendboardError(
            f"{source.name} cannot be restored: {found.problem}. Nothing was changed; choose "
            "another backup (`sendboard backups` lists them)."
        )
    require_known(found.revision, source.name)
    with explained(db_file), opening_lock(db_file, on_wait=on_wait):
        check_writable(db_file)
        built = temp_name(db_file, "restore")
        remove(built)
        try:
            progress(1, STEPS, f"Copying {source.name}…")
            _copy(source, built)
            problem = backups.describe(built).problem
            if problem:
                raise SendboardError(f"The copy of {source.name} did not check out ({problem}).")
            progress(2, STEPS, f"Keeping a copy of {db_file.name} as it is now…")
            kept = _keep_current(db_file) if db_file.exists() else None
            progress(3, STEPS, "Putting the backup in place…")
            _let_go(db_file)
            publish(built, db_file)
        finally:
            remove(built)
    progress(STEPS, STEPS, f"Restored {source.name}.")
    return kept


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(uri(source, mode="ro", immutable="1"), uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


def _keep_current(db_file: Path) -> Path | None:
    """A checked backup of the current file; if it is too damaged for that, its raw bytes."""
    if db_file.stat().st_size == 0:
        return None
    try:
        return backups.backup(db_file)
    except (SendboardError, sqlite3.DatabaseError):
        stamp = clock.now().strftime(backups.STAMP)
        kept = backups_dir_for(db_file) / f"{db_file.stem}-{stamp}.damaged"
        shutil.copyfile(db_file, kept)
        for extra in sidecars(db_file):
            shutil.copyfile(extra, kept.with_name(kept.name + extra.name[len(db_file.name) :]))
        return kept


def _let_go(db_file: Path) -> None:
    """Fold the current file's `-wal` in and make sure no one else has it open."""
    if not sidecars(db_file):
        return
    try:
        conn = sqlite3.connect(uri(db_file, mode="rw"), uri=True, timeout=10)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        raise _busy(db_file) from exc
    except sqlite3.DatabaseError:
        # Too damaged to fold in: its -wal and -shm were kept with the file; let them go.
        for extra in sidecars(db_file):
            extra.unlink(missing_ok=True)
    if sidecars(db_file):
        raise _busy(db_file)


def _busy(db_file: Path) -> DatabaseBusy:
    return DatabaseBusy(
        f"{db_file.name} is open in another program or sendboard window. Nothing was "
        "restored; close the other one and try again."
    )
