"""Dump every table of a freshly built demo, to check that a change to the code keeps the data.

    python bench/demo_data.py --size large --save /tmp/before.json    # on the old code
    python bench/demo_data.py --size large --against /tmp/before.json # on the new code

The build runs with the clock pinned; see tests/demo_dump.py for what is masked. The audit trail
is compared as a set of entries, since older builds wrote the updates of one flush in no fixed
order. Prints the first differences and exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sendboard.demo import SIZES, build_demo
from sendboard.services.common.workspace import open_database
from tests.demo_dump import Dump, add_dump_arguments, dump, pinned_clock, save_or_compare


def build_and_dump(size: str) -> Dump:
    with tempfile.TemporaryDirectory(prefix="sendboard-demo-data-") as folder:
        path = Path(folder) / "demo.db"
        db = open_database(path)
        try:
            with pinned_clock():
                build_demo(db, size)
        finally:
            db.close()
        return dump(path, audit_order=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=SIZES, default="large")
    add_dump_arguments(parser)
    args = parser.parse_args()
    data = build_and_dump(args.size)
    rows = sum(len(t) - 1 for t in data.values())
    print(f"demo {args.size}: {len(data)} tables, {rows:,} rows")
    return save_or_compare(data, args)


if __name__ == "__main__":
    raise SystemExit(main())
