"""Dump every table after importing two action logs, to check a change keeps the data.

    python bench/import_data.py --save /tmp/before.json    # on the old code
    python bench/import_data.py --against /tmp/before.json # on the new code

On the small demo (clock pinned), imports a 2,000-row log of new actions, then a second log that
changes 800 of them (other owners, titles, partners, a new update) and adds 500 more. Tables
are dumped as in tests/demo_dump.py, the audit trail as a set of entries. Exits 1 on differences.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from actions import write_log  # bench/actions.py

from sendboard.demo import build_demo
from sendboard.services import actions
from sendboard.services.common.workspace import open_database
from tests.demo_dump import Dump, add_dump_arguments, dump, pinned_clock, save_or_compare

TODAY = date(2026, 11, 23)


def build_and_dump() -> Dump:
    with tempfile.TemporaryDirectory(prefix="sendboard-import-data-") as folder:
        work = Path(folder)
        db = open_database(work / "import.db")
        try:
            with pinned_clock():
                build_demo(db, "small")
                options = actions.action_options(db)
                people = [p.label for p in options.people if "(" not in p.label][:40]
                orgs = [o.label for o in options.organisations]
                write_log(work / "first.xlsx", 2000, 1, people, orgs)
                actions.import_actions(db, work / "first.xlsx", today=TODAY)
                write_log(work / "second.xlsx", 1300, 1201, people[::-1], orgs[::-1])
                actions.import_actions(db, work / "second.xlsx", today=TODAY)
        finally:
            db.close()
        return dump(work / "import.db", audit_order=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_dump_arguments(parser)
    args = parser.parse_args()
    data = build_and_dump()
    rows = sum(len(t) - 1 for t in data.values())
    print(f"{len(data)} tables, {rows:,} rows, {len(data['audit_entries']) - 1:,} audit entries")
    return save_or_compare(data, args)


if __name__ == "__main__":
    raise SystemExit(main())
