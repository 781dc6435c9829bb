"""The large demo copied SQLite → PostgreSQL → SQLite: same exports, same pack, and how long.

    python bench/copy_round_trip.py --server postgresql+psycopg://postgres@127.0.0.1:5432/postgres

(`--server` defaults to SENDBOARD_TEST_PG.) Builds the large demo in a temporary file, copies it
with `sendboard database copy` into a new database on the server and from there into a second
file, then exports people, actions and risks and makes the Improvement Board's next pack from
all three. Prints the rows copied and the time of each step; exits 1 unless the three give
identical exports and the same pack page count. (The suite's test_database_copy.py runs the
same round trip on the small demo; the large one takes minutes, too long for the suite.)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _seen(db, folder: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from sendboard.services import boards, meetings, packs
    from sendboard.services.actions.export import export_actions
    from sendboard.services.people.io import export_people
    from sendboard.services.risks.export import export_register

    folder.mkdir()
    export_people(db, folder / "people.xlsx")
    export_actions(db, folder / "actions.xlsx")
    export_register(db, folder / "risks.xlsx")
    board = next(b for b in boards.list_boards(db) if b.name == "SEND Improvement Board")
    upcoming = meetings.next_meeting(db, board.id)
    assert upcoming is not None, "the demo's Improvement Board has no next meeting"
    packs.make_pack(db, upcoming.id, folder / "pack.pdf")
    seen: dict[str, object] = {}
    for name in ("people", "actions", "risks"):
        book = load_workbook(folder / f"{name}.xlsx")
        seen[name] = [[list(r) for r in sheet.iter_rows(values_only=True)] for sheet in book]
    seen["pack pages"] = len(PdfReader(folder / "pack.pdf").pages)
    return seen


def _step(label: str, start: float) -> float:
    now = time.perf_counter()
    print(f"{label:<44}{now - start:7.1f} s", flush=True)
    return now


def _run(server_db: str, root: Path) -> int:
    from sendboard.cli import main as cli
    from sendboard.demo import build_demo
    from sendboard.services.common.workspace import check, open_database

    began = start = time.perf_counter()
    original, back = root / "large.db", root / "back.db"
    db = open_database(original)
    build_demo(db, "large")
    rows = sum(check(db).counts.values())
    db.close()
    start = _step(f"build the large demo ({rows:,} rows)", start)
    if cli(["database", "copy", "--db", str(original), "--to", server_db]) != 0:
        return 1
    start = _step("copy SQLite → PostgreSQL (checked)", start)
    if cli(["database", "copy", "--db", server_db, "--to", str(back)]) != 0:
        return 1
    start = _step("copy PostgreSQL → SQLite (checked)", start)
    seen = {}
    for name, where in (("original", str(original)), ("server", server_db), ("back", str(back))):
        db = open_database(where)
        try:
            seen[name] = _seen(db, root / name)
        finally:
            db.close()
        start = _step(f"exports and pack from the {name}", start)
    same = seen["original"] == seen["server"] == seen["back"]
    pages = [s["pack pages"] for s in seen.values()]
    print(f"pack pages           {pages}")
    print(f"exports identical    {'yes' if same else 'NO'}")
    _step("round trip in all", began)
    return 0 if same else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.environ.get("SENDBOARD_TEST_PG", ""))
    args = parser.parse_args()
    if not args.server:
        parser.error("give --server (a role that may create databases) or set SENDBOARD_TEST_PG")
    from sqlalchemy.engine import make_url

    from tests.pg_server import fresh

    with (
        fresh(make_url(args.server), "copy") as url,
        tempfile.TemporaryDirectory(prefix="sendboard-copy-") as folder,
    ):
        return _run(url.render_as_string(hide_password=False), Path(folder))


if __name__ == "__main__":
    sys.exit(main())
