"""Minutes on the large demo: opening a meeting's minutes in the window, and exporting them.

Figures are printed beside floors measured in the same run:
- open: the Minutes page from choosing the meeting to the minutes laid out, against reading the
  same meeting's rows (sections, decisions, actions, invitations) with bare SQL;
- export: the .docx written by sendboard, against python-docx writing the same paragraphs as
  plain text (no styles, tables, numbering or properties).

Run: python bench/minutes.py [--db LARGE_DEMO.db]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docx import Document

from sendboard.demo import build_demo
from sendboard.outputs.minutes.content import paragraphs
from sendboard.services import minutes
from sendboard.services.common.workspace import open_database
from sendboard.services.minutes.document import minutes_document
from ui.app import application, make_context
from ui.minutes.page import MinutesPage


def idle(app) -> None:  # type: ignore[no-untyped-def]
    """Let the window's events through without spinning (a busy loop holds the GIL and slows
    the background read it is waiting for)."""
    time.sleep(0.0005)
    app.processEvents()


def _median(runs: list[float]) -> float:
    return statistics.median(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, help="an existing large demo database")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    path = args.db or folder / "large.db"
    if args.db is None:
        db = open_database(path)
        started = time.perf_counter()
        build_demo(db, "large")
        print(f"large demo built in {time.perf_counter() - started:.1f} s")
    else:
        db = open_database(path)
    rows = minutes.list_minutes_meetings(db)
    row = next(r for r in rows if r.status and r.board_name == "SEND Improvement Board")
    print(f"meeting: {row.label} ({row.status_label}); {len(rows)} meetings in the picker")

    app = application()
    ctx = make_context(db)
    page = MinutesPage(ctx)
    page.resize(1100, 740)
    page.show()
    page.activate()
    while page.meeting.count() == 0:
        idle(app)
    opens = []
    others = [r.meeting_id for r in rows if r.status and r.meeting_id != row.meeting_id]
    for n in range(7):
        page.show_meeting(others[n % len(others)])
        while page.view is None or page.view.meeting_id != others[n % len(others)]:
            idle(app)
        started = time.perf_counter()
        page.show_meeting(row.meeting_id)
        while page.view is None or page.view.meeting_id != row.meeting_id:
            idle(app)
        app.processEvents()
        opens.append(time.perf_counter() - started)
    ctx.tasks.wait()

    floors = []
    for _ in range(7):
        started = time.perf_counter()
        conn = sqlite3.connect(path)
        minutes_id = conn.execute(
            "select id from minutes where meeting_id = ?", (row.meeting_id,)
        ).fetchone()[0]
        for sql in (
            "select * from minute_sections where minutes_id = ?",
            "select * from decisions where minutes_id = ?",
            "select * from declarations where minutes_id = ?",
        ):
            conn.execute(sql, (minutes_id,)).fetchall()
        conn.execute("select * from actions where meeting_id = ?", (row.meeting_id,)).fetchall()
        conn.execute("select * from invitations where meeting_id = ?", (row.meeting_id,)).fetchall()
        conn.execute(
            "select * from agenda_items where meeting_id = ?", (row.meeting_id,)
        ).fetchall()
        conn.close()
        floors.append(time.perf_counter() - started)

    exports, plain = [], []
    content = minutes_document(db, row.meeting_id)
    for n in range(5):
        started = time.perf_counter()
        minutes.export_minutes(db, row.meeting_id, folder / f"m{n}.docx")
        exports.append(time.perf_counter() - started)
        started = time.perf_counter()
        document = Document()
        document.add_paragraph(content.title)
        for item in content.items:
            document.add_paragraph(item.heading)
            for line in paragraphs(item.text):
                document.add_paragraph(line)
            for reference, text in item.decisions:
                document.add_paragraph(f"{reference}: {text}")
        document.save(str(folder / f"plain{n}.docx"))
        plain.append(time.perf_counter() - started)
    pdfs = []
    for n in range(3):
        started = time.perf_counter()
        minutes.export_minutes(db, row.meeting_id, folder / f"m{n}.pdf")
        pdfs.append(time.perf_counter() - started)

    print(f"open minutes in the window: {_median(opens):.0f} ms (median of {len(opens)})")
    print(f"  floor, bare SQL of the same rows: {_median(floors):.1f} ms")
    print(f"export .docx: {_median(exports):.0f} ms (median of {len(exports)})")
    print(f"  floor, python-docx plain paragraphs: {_median(plain):.0f} ms")
    print(f"export .pdf: {_median(pdfs):.0f} ms (median of {len(pdfs)})")
    print(f"open_vs_floor_ratio={_median(opens) / _median(floors):.1f}")
    print(f"docx_vs_floor_ratio={_median(exports) / _median(plain):.1f}")
    db.close()


if __name__ == "__main__":
    main()
