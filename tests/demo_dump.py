"""Every row of a demo database, for checking that two builds hold the same data.

The demo is built around the day it is built, and the audit trail stamps every row with the time:
`pinned_clock` stops the clock on one moment while building, and any other clock reading (a
timestamp with a fraction of a second; the demo's own times have none) is replaced by a marker.
Tables with an `id` keep id order; link tables are sorted.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import time_machine

#: The moment the pinned clock shows: a Monday, mid-morning.
PINNED = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
#: A clock reading (stored, or inside audit JSON): seconds with a fraction.
CLOCK = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d\.\d{1,6}(?:[+-]\d\d:\d\d)?")

Dump = dict[str, list[list[object]]]


@contextmanager
def pinned_clock() -> Iterator[None]:
    with time_machine.travel(PINNED, tick=False):
        yield


def _plain(value: object) -> object:
    if isinstance(value, str):
        return CLOCK.sub("<clock>", value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def dump(path: Path, *, audit_order: bool = True) -> Dump:
    """Every table but Alembic's: column names first, then the rows, as JSON-able lists.

    `audit_order=False` compares the audit trail as a set of entries (without their ids), for
    builds made before updates within one flush were audited in a fixed order."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        data: Dump = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
            plain = [[_plain(v) for v in row] for row in rows]
            if table == "audit_entries" and not audit_order:
                drop = columns.index("id")
                columns = columns[:drop] + columns[drop + 1 :]
                plain = [row[:drop] + row[drop + 1 :] for row in plain]
            if "id" not in columns:
                plain.sort(key=lambda row: json.dumps(row, default=str))
            data[table] = [columns, *plain]
        return json.loads(json.dumps(data))
    finally:
        conn.close()


def differences(old: Dump, new: Dump, limit: int = 20) -> list[str]:
    """The first differing row of each table (and tables or row counts that differ)."""
    found: list[str] = []
    for table in sorted(set(old) | set(new)):
        if table not in old or table not in new:
            found.append(f"{table}: only in the {'new' if table in new else 'old'} build")
            continue
        a, b = old[table], new[table]
        if a[0] != b[0]:
            found.append(f"{table}: columns {a[0]} became {b[0]}")
            continue
        if len(a) != len(b):
            found.append(f"{table}: {len(a) - 1} rows became {len(b) - 1}")
        for number, (x, y) in enumerate(zip(a[1:], b[1:], strict=False), start=1):
            if x != y:
                changed = {c: (p, q) for c, p, q in zip(a[0], x, y, strict=True) if p != q}
                found.append(f"{table} row {number}: {changed}")
                break
    return found[:limit]


def add_dump_arguments(parser: argparse.ArgumentParser) -> None:
    """--save and --against, which every data-keeping benchmark takes."""
    parser.add_argument("--save", type=Path, help="write the dump to this JSON file")
    parser.add_argument("--against", type=Path, help="compare with a dump saved earlier")


def save_or_compare(data: Dump, args: argparse.Namespace) -> int:
    """Save the dump made on the old code, or compare with it on the new: the same steps in
    every data-keeping benchmark. Returns the exit status, 1 when the data differ."""
    if args.save:
        args.save.write_text(json.dumps(data))
        print(f"saved to {args.save}")
    if args.against:
        found = differences(json.loads(args.against.read_text()), data)
        for line in found:
            print(line)
        print("identical data" if not found else f"{len(found)} difference(s) shown")
        return 1 if found else 0
    return 0
