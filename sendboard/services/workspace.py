"""Opening the database the user chose: the handle every other service takes first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from sendboard.paths import resolve_target
from sendboard.store import backups
from sendboard.store.database import Database, open_database
from sendboard.store.models import Base

__all__ = ["Database", "HealthReport", "check", "open_database", "resolve_target"]


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
