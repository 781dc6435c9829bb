"""Action log speed: filtering 10,000 actions per keystroke, and importing a 5,000-row log.

Each figure is printed beside a floor measured in the same run:
- filter: the same QSortFilterProxyModel class over a plain QStandardItemModel holding the same
  rows and columns as text, filtered by Qt's own fixed-string match (no logic of ours);
- import: openpyxl reading the same file, every cell, with no logic.

Run: python bench/actions.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook, load_workbook

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from sendboard.demo import build_demo
from sendboard.services import actions
from sendboard.services.common.workspace import open_database
from ui.actions.filter_model import ActionFilter, ActionsFilterProxy
from ui.actions.table import ActionsTableModel, Column
from ui.app import application

QUERY = "recruit psych north"
HEADINGS = ["Ref", "Action", "Lead", "Deadline", "RAG", "Impact RAG", "Comments", "Priority",
            "Partner(s)", "Success measure", "Status"]  # fmt: skip


def write_log(path: Path, rows: int, start: int, people: list[str], orgs: list[str]) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Log")
    sheet.append(["Kingsmere SEND improvement plan — action log"])
    sheet.append([])
    sheet.append(HEADINGS)
    places = ["north", "south", "east", "west", "central"]
    for n in range(rows):
        area = n % 5 + 1
        sheet.append(
            [
                f"B{area}.{start + n:05d}",
                f"Recruit educational psychologists for the {places[n % 5]} locality, batch {n}",
                people[n % len(people)],
                46000 + n % 600,  # an Excel serial date
                "RAGB"[n % 4],
                "AG"[n % 2],
                f"Progress note {n}: interviews held; two offers made.",
                f"P{area}",
                "; ".join(orgs[(n + k) % len(orgs)] for k in range(n % 3)),
                "Four posts filled",
                "Open",
            ]
        )
    book.save(path)


def floor_read(path: Path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for row in workbook.worksheets[0].iter_rows(values_only=True) for _ in row)
    workbook.close()
    return count


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def per_keystroke(apply, query: str) -> list[float]:  # type: ignore[no-untyped-def]
    """Type the query one character at a time, then delete it again; ms per keystroke."""
    steps = [query[: n + 1] for n in range(len(query))] + [
        query[:n] for n in range(len(query) - 1, -1, -1)
    ]
    times = []
    for text in steps:
        start = time.perf_counter()
        apply(text)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> str:
    return f"median {statistics.median(times):6.2f} ms, max {max(times):6.2f} ms"


def main() -> None:
    application()
    work = Path(tempfile.mkdtemp(prefix="sendboard-bench-"))
    db = open_database(work / "bench.db")
    build_demo(db, "small")
    options = actions.action_options(db)
    people = [p.label for p in options.people if "(" not in p.label][:40]
    orgs = [o.label for o in options.organisations]

    print("Import of a 5,000-row spreadsheet (merged title row, Excel serial dates):")
    first = work / "log-1.xlsx"
    write_log(first, 5000, 1, people, orgs)
    cells, floor = timed(floor_read, first)
    preview, preview_time = timed(actions.preview_import, db, first)
    assert preview.ok, preview.report()[:2000]
    _, import_time = timed(actions.import_actions, db, first)
    print(f"  floor: openpyxl reads every cell     {floor:6.2f} s  ({cells:,} cells)")
    for label, seconds in (
        ("preview (read + validate every row)", preview_time),
        ("import (validate + write, one txn) ", import_time),
    ):
        print(f"  {label}  {seconds:6.2f} s  ({seconds / floor:4.1f}× floor)")

    second = work / "log-2.xlsx"
    write_log(second, 4940, 5001, people, orgs)
    actions.import_actions(db, second)
    views, load_time = timed(actions.list_actions, db)
    print(f"\nLoading the log: {len(views):,} actions with highlights in {load_time:.2f} s")

    model = ActionsTableModel()
    _, fill_time = timed(model.set_rows, views)
    proxy = ActionsFilterProxy()
    proxy.setSourceModel(model)
    plain = QStandardItemModel(len(views), len(Column))
    for row, view in enumerate(views):
        for column in Column:
            plain.setItem(row, column, QStandardItem(ActionsTableModel._display(view, column)))
    floor_proxy = QSortFilterProxyModel()
    floor_proxy.setSourceModel(plain)
    floor_proxy.setFilterKeyColumn(-1)
    floor_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def ours(text: str) -> None:
        proxy.set_filter(ActionFilter(text=text))
        proxy.rowCount()

    def ours_with_filters(text: str) -> None:
        proxy.set_filter(
            ActionFilter(
                text=text,
                status=actions.ActionStatus.OPEN,
                highlighted_only=False,
                priority_area_id=views[0].priority_area_id,
            )
        )
        proxy.rowCount()

    def baseline(text: str) -> None:
        floor_proxy.setFilterFixedString(text)
        floor_proxy.rowCount()

    print(f"\nFilter latency per keystroke, {len(views):,} actions, typing and deleting '{QUERY}':")
    print(f"  (model filled in {fill_time * 1000:.0f} ms)")
    floor_times = per_keystroke(baseline, QUERY)
    our_times = per_keystroke(ours, QUERY)
    combo_times = per_keystroke(ours_with_filters, QUERY)
    print(f"  floor: Qt fixed-string filter, plain item model  {summary(floor_times)}")
    print(
        f"  ours: search words                              {summary(our_times)}  "
        f"({statistics.median(our_times) / statistics.median(floor_times):4.2f}× floor)"
    )
    print(
        f"  ours: search words + status + area filters      {summary(combo_times)}  "
        f"({statistics.median(combo_times) / statistics.median(floor_times):4.2f}× floor)"
    )
    _, sort_time = timed(proxy.sort, Column.DUE, Qt.SortOrder.DescendingOrder)
    print(f"  sorting by due date (in the model): {sort_time * 1000:.0f} ms")
    db.close()


if __name__ == "__main__":
    main()
