"""Time the meeting pack for the large demo against a floor drawn in the same run.

The floor is reportlab alone drawing the pack's tables (same rows, fonts, widths and repeated
header rows) from ready-made cell text: no database, no layout logic, no front sheet, no merge.

    python bench/pack.py            # prints times, pages and, last, pack_vs_floor_ratio=<n>
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from sqlalchemy import func, select

from sendboard.demo import build_demo
from sendboard.domain.meetings import StandingItem
from sendboard.errors import NotFoundError
from sendboard.outputs.pack.content import PackContent
from sendboard.outputs.pack.sections import action_log, risk_register
from sendboard.outputs.pack.styles import grid_style, make_styles
from sendboard.services import packs
from sendboard.services.common.workspace import Database, open_database
from sendboard.services.packs.data import gather
from sendboard.store.models import (
    Action,
    AgendaItem,
    Board,
    Person,
    PriorityArea,
)
from tests.outputs.pack_fixture import afternoon_meeting

STANDING = [
    ("Welcome and apologies", None),
    ("Action and impact log", StandingItem.ACTION_LOG),
    ("Risk register", StandingItem.RISK_REGISTER),
    ("Priority area progress", StandingItem.PRIORITY_UPDATES),
    ("Any other business", StandingItem.AOB),
]


def ensure_meeting(db: Database) -> int:
    """The demo's next meeting; a standing-item meeting (and actions) if the demo has none."""
    try:
        return packs.find_meeting(db, "next")
    except NotFoundError:
        pass
    with db.write() as session:
        board = session.scalars(select(Board).order_by(Board.id)).first()
        meeting = afternoon_meeting(board, 7, "Civic Centre")
        session.add(meeting)
        for position, (title, standing) in enumerate(STANDING):
            session.add(
                AgendaItem(
                    meeting=meeting, position=position, title=title, standing=standing, minutes=15
                )
            )
        if not session.scalar(select(func.count()).select_from(Action)):
            people = list(session.scalars(select(Person)))
            areas = list(session.scalars(select(PriorityArea)))
            for n in range(600):
                session.add(
                    Action(
                        reference=f"B-{n:04d}",
                        title=f"Improve the timeliness and quality of plans, workstream {n} "
                        "(co-produced with the parent carer forum)",
                        owner=people[n % len(people)],
                        priority_area=areas[n % len(areas)],
                        original_due=date(2026, 1 + n % 12, 1 + n % 28),
                    )
                )
        session.flush()
        return meeting.id


def prepared_tables(content: PackContent) -> list[tuple[tuple, list[list[str]]]]:
    """Every table of the pack as (column widths, rows of cell markup), made before timing."""
    tables: list[tuple[tuple, list[list[str]]]] = []
    agenda = [["No.", "Item", "Lead", "Purpose", "Time"]] + [
        [i.number, i.title, i.lead, i.purpose, i.starts] for i in content.items
    ]
    tables.append(((12 * mm, None, 42 * mm, 24 * mm, 16 * mm), agenda))
    log = content.action_log
    if log:

        def letter(b: object) -> str:
            return getattr(b, "letter", "–")

        highlighted = [
            [
                r.reference,
                action_log._action_text(r),
                action_log._owner(r),
                "<br/>".join(r.highlights),
                letter(r.progress),
                letter(r.impact),
            ]
            for r in log.rows
            if r.highlights
        ]
        tables.append(
            (action_log.HIGHLIGHT_WIDTHS, [list(action_log.HIGHLIGHT_HEAD), *highlighted])
        )
        if log.partners:
            rows = [[p.organisation, p.reason] for p in log.partners]
            tables.append(((60 * mm, None), [["Organisation", "Why"], *rows]))
        by_area: dict[str, list[list[str]]] = {}
        for r in log.rows:
            by_area.setdefault(r.area_code, []).append(
                [
                    r.reference,
                    action_log._action_text(r),
                    action_log._owner(r),
                    action_log._due(r),
                    letter(r.progress),
                    letter(r.impact),
                    r.update,
                ]
            )
        for rows in by_area.values():
            tables.append((action_log.LOG_WIDTHS, [list(action_log.LOG_HEAD), *rows]))
    if content.risks:
        rows = [
            [
                r.reference,
                r.title,
                r.owner,
                str(r.inherent_score),
                str(r.residual_score),
                "",
                r.trend,
            ]
            for r in content.risks.rows
        ]
        tables.append((risk_register.WIDTHS, [list(risk_register.HEAD), *rows]))
    if content.progress:
        rows = [
            [a.code + " " + a.title, *(str(v) for v in a.counts.values())]
            for a in content.progress.areas
        ]
        width = max((len(r) for r in rows), default=1)
        tables.append(
            (
                (None, *([12 * mm] * (width - 1))),
                [[""] * width, *[r + [""] * (width - len(r)) for r in rows]],
            )
        )
    return tables


def floor(tables: list[tuple[tuple, list[list[str]]]]) -> tuple[float, int]:
    """reportlab alone drawing the prepared tables."""
    styles = make_styles()
    cell, head = styles.cell, styles.cell_head
    started = time.perf_counter()
    story = []
    for widths, data in tables:
        cells = [[Paragraph(text, head) for text in data[0]]]
        cells += [[Paragraph(text, cell) for text in row] for row in data[1:]]
        table = Table(cells, colWidths=widths, repeatRows=1)
        table.setStyle(grid_style())
        story.append(table)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=22 * mm,
        bottomMargin=20 * mm,
    )
    doc.build(story)
    return time.perf_counter() - started, doc.page


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "large.db")
        build_demo(db, "large")
        meeting_id = ensure_meeting(db)
        make_styles()  # fonts registered once, outside both timings
        content = gather(db, meeting_id)
        tables = prepared_tables(content)
        floor(tables)  # warm-up: imports and font caches
        floor_s, floor_pages = min(floor(tables) for _ in range(3))
        runs = []
        for n in range(3):
            out = Path(folder) / f"pack{n}.pdf"
            started = time.perf_counter()
            made = packs.make_pack(db, meeting_id, out)
            runs.append((time.perf_counter() - started, made.built.pages))
        pack_s, pack_pages = min(runs)
        db.close()
    actions = len(content.action_log.rows) if content.action_log else 0
    risks = len(content.risks.rows) if content.risks else 0
    print(f"data: {len(content.items)} agenda items, {actions} actions, {risks} risks")
    print(f"floor: {floor_s:.3f} s, {floor_pages} pages (reportlab tables only)")
    print(f"pack:  {pack_s:.3f} s, {pack_pages} pages (data, layout, markings, papers, write)")
    print(f"pack_vs_floor_ratio={pack_s / floor_s:.2f}")


if __name__ == "__main__":
    main()
