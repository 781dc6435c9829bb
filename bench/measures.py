"""Time the Performance page and the pack's dashboard with 200 measures × 36 monthly values,
each against a floor measured in the same run.

- page: reading the measures through the services, working out status and charts, laying out
  and painting every card offscreen; floor: sqlite3 alone fetching the same value rows.
- pack: the dashboard section (tables, status, slippage, charts) built into a PDF; floor:
  reportlab alone drawing the same polylines, one Drawing per measure, no logic.

    QT_QPA_PLATFORM=offscreen python bench/measures.py
"""

from __future__ import annotations

import io
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reportlab.graphics.shapes import Drawing, PolyLine
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from sendboard.domain.measures import Frequency
from sendboard.domain.meetings import StandingItem
from sendboard.outputs.pack.build import render_pack
from sendboard.outputs.pack.content import PackContent, PackItem
from sendboard.services.common.workspace import Database, open_database
from sendboard.services.measures import pack as measures_pack
from sendboard.services.measures.notice import set_notice_date
from sendboard.store.bulk import BulkInsert
from sendboard.store.models import Measure, MeasureTarget, MeasureValue, PriorityArea

MEASURES, PERIODS = 200, 36
NOTICE = date(2025, 6, 15)


def fill(db: Database) -> None:
    rng = random.Random(7)
    ends = Frequency.MONTHLY.periods(date(2024, 7, 1), date(2027, 6, 1))[:PERIODS]
    with db.write() as session:
        areas = [PriorityArea(code=f"P{n}", title=f"Priority area {n}") for n in range(1, 6)]
        session.add_all(areas)
        session.flush()
        bulk = BulkInsert(session)
        made = bulk.insert(
            Measure,
            [
                {"reference": f"M{n:03d}", "name": f"Measure number {n}", "unit": "%",
                 "priority_area_id": areas[n % 5].id, "baseline_value": 40.0,
                 "baseline_date": date(2025, 5, 31)}
                for n in range(MEASURES)
            ],
        )  # fmt: skip
        bulk.insert(
            MeasureTarget,
            [
                {"measure_id": m["id"], "months": months, "value": value}
                for m in made
                for months, value in ((3, 45.0), (6, 50.0), (12, 60.0), (24, 75.0))
            ],
        )
        bulk.insert(
            MeasureValue,
            [
                {
                    "measure_id": m["id"],
                    "period_end": end,
                    "value": 38 + i * 0.8 + rng.uniform(-4, 4),
                }
                for m in made
                for i, end in enumerate(ends)
            ],
        )
        bulk.finish()
    set_notice_date(db, NOTICE)


def best(fn, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from sendboard.services import measures
    from ui.performance.canvas import DashboardCanvas
    from ui.performance.model import DashboardModel

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    db = open_database(folder / "bench.db")
    fill(db)

    def floor_read() -> None:
        with sqlite3.connect(folder / "bench.db") as conn:
            conn.execute(
                "SELECT measure_id, period_end, value, note, entered_by, recorded_at, id "
                "FROM measure_values ORDER BY measure_id, period_end, id"
            ).fetchall()

    canvas = DashboardCanvas()
    canvas.resize(1000, 700)

    def page() -> None:
        model = DashboardModel()
        model.set_measures(measures.list_measures(db))
        canvas.set_groups(model.groups())
        canvas.resize(1000, canvas.minimumHeight())
        canvas.grab()  # paints every card, not only the visible ones
        app.processEvents()

    floor = best(floor_read)
    shown = best(page)
    print(f"measures={MEASURES} periods={PERIODS}")
    print(f"page_seconds={shown:.3f} floor_read_seconds={floor:.3f}")
    print(f"page_vs_floor_ratio={shown / floor:.1f}")

    dashboard = measures_pack.dashboard(db)
    content = PackContent(
        board="Bench board",
        meeting_title="Board",
        starts_at=datetime(2027, 7, 14, 14),
        ends_at=datetime(2027, 7, 14, 16),
        items=(PackItem("1", "Performance dashboard", standing=StandingItem.DASHBOARD),),
        dashboard=dashboard,
    )

    def pack() -> None:
        render_pack(content)

    def plain() -> None:
        story = []
        for measure in dashboard.measures:
            drawing = Drawing(180, 70)
            first = measure.values[0][0]
            points = [c for d, v in measure.values for c in ((d - first).days / 6, v)]
            drawing.add(PolyLine(points))
            story.append(drawing)
        SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story)

    pack_seconds = best(pack, 2)
    floor_pack = best(plain, 2)
    print(f"pack_dashboard_seconds={pack_seconds:.3f} floor_reportlab_seconds={floor_pack:.3f}")
    print(f"pack_vs_floor_ratio={pack_seconds / floor_pack:.1f}")
    db.close()


if __name__ == "__main__":
    main()
