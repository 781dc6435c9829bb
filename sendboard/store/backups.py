"""Rotating, consistent copies of the database file, taken with SQLite's online backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sendboard import clock
from sendboard.paths import backups_dir_for

KEEP = 10


def list_backups(db_file: Path) -> list[Path]:
    folder = backups_dir_for(db_file)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_file.stem}-*.db"))


def last_backup(db_file: Path) -> Path | None:
    backups = list_backups(db_file)
    return backups[-1] if backups else None


def backup(db_file: Path, keep: int = KEEP) -> Path:
    """Copy the live database (WAL included) to backups/<stem>-<UTC time>.db; prune old ones."""
    folder = backups_dir_for(db_file)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = clock.now().strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{db_file.stem}-{stamp}.db"
    source = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    for old in list_backups(db_file)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def backup_is_due(db_file: Path, max_age_hours: float = 24) -> bool:
    newest = last_backup(db_file)
    if newest is None:
        return True
    age = clock.timestamp() - newest.stat().st_mtime
    return age > max_age_hours * 3600
