"""Copying the open database into an empty one: a file here, or a shared server."""

from __future__ import annotations

from dataclasses import dataclass

from sendboard.errors import SendboardError
from sendboard.paths import target_label
from sendboard.progress import Progress, no_progress
from sendboard.services.common.workspace import Database, open_database
from sendboard.store import copying
from sendboard.store.engine import to_url
from sendboard.store.models import Base

NOT_EMPTY = (
    "{name} already holds sendboard records ({what}). Nothing was copied. Copy into an empty "
    "database: a new file, or a new database that IT has made on the server."
)


@dataclass(frozen=True)
class CopyReport:
    target: str
    tables: int
    rows: int
    #: Of those rows: the papers, packs and evidence kept inside, and the audit trail's entries.
    files: int
    audit_entries: int


def _same(db: Database, to: str) -> bool:
    url = to_url(to)
    if db.file is not None:
        return url.get_backend_name() == "sqlite" and url.database == str(db.file)
    return url.set(password=None) == db.url.set(password=None)


def copy_database(db: Database, to: str, *, progress: Progress = no_progress) -> CopyReport:
    """Copy every table of `db` into the empty database `to` (created or upgraded as needed),
    then check that each table's row count and checksum match. Nothing is copied into a
    database that holds any records."""
    name = target_label(to)
    if _same(db, to):
        raise SendboardError(f"{name} is the database that is open: copy it somewhere else.")
    tables = Base.metadata.sorted_tables
    target = open_database(to)
    try:
        with target.engine.connect() as conn:
            held = {t: n for t, n in copying.row_counts(conn, tables).items() if n}
        if held:
            what = ", ".join(f"{n} in {t}" for t, n in sorted(held.items())[:3])
            raise SendboardError(NOT_EMPTY.format(name=name, what=what))
        rows, differ = copying.copy_all(db.engine, target.engine, tables, progress)
        if differ:
            raise SendboardError(
                f"The copy in {name} does not match the original: {', '.join(differ)}. "
                "Do not use the copy; empty it (or make a new one) and copy again."
            )
        with target.engine.connect() as conn:
            counts = copying.row_counts(conn, tables)
    finally:
        target.close()
    return CopyReport(
        target=name,
        tables=len(tables),
        rows=rows,
        files=counts["stored_files"],
        audit_entries=counts["audit_entries"],
    )
