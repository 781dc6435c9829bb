"""How long the demo data takes to build, against opening (migrating) an empty database.

Run from the source tree: `python bench/demo_build.py`. Prints figures; asserts nothing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sendboard.demo import build_demo
from sendboard.services.common.workspace import check, open_database
from sendboard.services.people.io import export_people, import_people


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sendboard-bench-") as folder:
        root = Path(folder)
        floor, db = timed(lambda: open_database(root / "empty.db"))
        db.close()
        print(f"{'floor: open + migrate an empty database':<42}{floor:7.3f} s")
        for size in ("small", "large"):
            db = open_database(root / f"{size}.db")
            seconds, _ = timed(lambda db=db, size=size: build_demo(db, size))
            counts = check(db).counts
            print(
                f"{'demo ' + size + ' build':<42}{seconds:7.3f} s "
                f"({seconds / floor:5.1f}x floor)  people {counts['people']}, "
                f"memberships {counts['memberships']}, boards {counts['boards']}"
            )
            if size == "large":
                sheet = root / "people.xlsx"
                out, written = timed(lambda db=db, sheet=sheet: export_people(db, sheet))
                print(f"{f'export {written} people to .xlsx':<42}{out:7.3f} s")
                back, _ = timed(lambda db=db, sheet=sheet: import_people(db, sheet))
                print(f"{'import them back (all unchanged)':<42}{back:7.3f} s")
            db.close()


if __name__ == "__main__":
    main()
