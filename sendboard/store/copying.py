"""Copying every row of one database into another, SQLite ↔ PostgreSQL, and proving it.

Rows go across as they are stored (ids, versions, files kept inside, the audit trail), with
plain statements that bypass the sessions' audit and version hooks: a copy records nothing
new. A column that points at a row of its own table is filled in after every row is there.
Each table is then counted and checksummed on both sides; checksums compare the values, not
how each database spells them (a timestamp with or without its zone, a blob, JSON).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, func, insert, select, update

from sendboard.domain.wording import counted
from sendboard.progress import Progress, no_progress

#: Rows sent to the target per statement.
BATCH = 500


@dataclass(frozen=True)
class TableSum:
    name: str
    rows: int
    checksum: str


def row_counts(conn: Connection, tables: Iterable[Table]) -> dict[str, int]:
    return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in tables}


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _plain(value: Any) -> str:
    """One value as text that is the same whichever database returned it."""
    if value is None:
        return "\x00"
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "b:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, dict | list):
        return "j:" + json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float | Decimal):
        return repr(float(value))
    return str(value)


def table_sum(conn: Connection, table: Table) -> TableSum:
    """The table's row count and a checksum of its rows (in no particular order)."""
    digests = sorted(
        hashlib.sha256("\x1f".join(_plain(v) for v in row).encode()).digest()
        for row in conn.execute(select(table))
    )
    whole = hashlib.sha256(b"".join(digests)).hexdigest()
    return TableSum(table.name, len(digests), whole)


def _stored(value: Any) -> Any:
    """A value as the target should be given it: timestamps in UTC with their zone."""
    if isinstance(value, datetime):
        return _utc(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _own_references(table: Table) -> list[str]:
    """Columns that point at a row of the same table (filled in once every row is there)."""
    return [c.name for c in table.columns if any(fk.column.table is table for fk in c.foreign_keys)]


def copy_rows(
    source: Connection,
    target: Connection,
    tables: Sequence[Table],
    progress: Progress = no_progress,
) -> int:
    """Insert every row of `tables` (parents first) from `source` into `target`; the count."""
    total = sum(row_counts(source, tables).values())
    done = 0
    for table in tables:
        later = _own_references(table)
        keys = [c.name for c in table.primary_key.columns]
        pending: list[dict[str, Any]] = []
        batch: list[dict[str, Any]] = []
        for row in source.execute(select(table)).mappings():
            values = {name: _stored(value) for name, value in row.items()}
            if later and any(values[name] is not None for name in later):
                pending.append({name: values[name] for name in keys + later})
                values.update(dict.fromkeys(later))
            batch.append(values)
            if len(batch) >= BATCH:
                target.execute(insert(table), batch)
                done += len(batch)
                batch = []
                progress(done, total, f"Copying {table.name}…")
        if batch:
            target.execute(insert(table), batch)
            done += len(batch)
        for values in pending:
            where = and_(*(table.c[k] == values[k] for k in keys))
            target.execute(update(table).where(where).values({n: values[n] for n in later}))
        progress(done, total, f"Copied {table.name}")
    return done


def compare(source: Connection, target: Connection, tables: Iterable[Table]) -> list[str]:
    """The tables whose row count or checksum differ between the two databases."""
    differ = []
    for table in tables:
        theirs, ours = table_sum(source, table), table_sum(target, table)
        if theirs != ours:
            differ.append(f"{table.name} ({counted(theirs.rows, 'row')}, {ours.rows} copied)")
    return differ


def copy_all(
    source: Engine,
    target: Engine,
    tables: Sequence[Table],
    progress: Progress = no_progress,
) -> tuple[int, list[str]]:
    """Copy every row in one target transaction (all of it or none), from one consistent view
    of the source; returns the rows copied and the tables that then differ (none, if sound)."""
    reading = source
    if source.dialect.name == "postgresql":
        reading = source.execution_options(isolation_level="REPEATABLE READ")
    with reading.connect() as src, src.begin():
        with target.begin() as dst:
            copied = copy_rows(src, dst, tables, progress)
            if dst.dialect.name == "postgresql":
                from sendboard.store.server import sync_sequences

                sync_sequences(dst)
        progress(0, 0, "Checking the copy…")
        with target.connect() as dst:
            differ = compare(src, dst, tables)
    return copied, differ
