"""The Performance page: its model without a window, then the page entering a month's values."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableWidget, QWidget

from sendboard import clock
from sendboard.domain.measures import Frequency, Status
from sendboard.services import measures
from sendboard.services.common.workspace import Database
from ui.common.import_rows import COL_DETAILS
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.performance.entry import NOTE, VALUE, EntryDialog
from ui.performance.model import DashboardModel, Filters
from ui.performance.page import PerformancePage


def test_model_groups_by_area_worst_first_and_filters(demo_db: Database) -> None:
    model = DashboardModel()
    model.set_measures(measures.list_measures(demo_db))
    groups = model.groups()
    assert [g.title.split()[0] for g in groups] == ["P1", "P2", "P3", "P4", "P5"]
    p4 = next(g for g in groups if g.title.startswith("P4"))
    assert p4.cards[0].status is Status.OFF_TRACK  # the worst comes first in its area
    assert "slippage" in model.summary() and model.summary().startswith("20 of 20 measures")
    card = p4.cards[0]
    xs = [x for x, _ in card.chart.values]
    assert xs == sorted(xs) and min(xs) >= 0 and max(xs) <= 1
    assert {label for _, _, label in card.chart.milestones} == {"3m", "6m", "12m", "24m"}
    model.filters = Filters(status=Status.OFF_TRACK)
    assert [c.view.name for g in model.groups() for c in g.cards] == [
        "Wait for speech and language therapy"
    ]
    model.filters = Filters(area="P5", text="ehc plans")
    names = [c.view.name for g in model.groups() for c in g.cards]
    assert names and all("EHC plans" in n for n in names)
    model.filters = Filters(slipping_only=True)
    assert all(c.view.slippage for g in model.groups() for c in g.cards)


def editor(table: QTableWidget) -> QWidget:
    """Where typed keys go once a cell is being edited (the offscreen window is never active,
    so keys are sent to the widget that would have the focus)."""
    shown = [e for e in table.findChildren(QLineEdit) if e.isVisible()]
    return shown[-1] if shown else table


def type_in(qtbot, table: QTableWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the current cell as a person would (the first key starts editing), then Enter."""
    row, col = table.currentRow(), table.currentColumn()
    for char in text:
        qtbot.keyClicks(editor(table), char)
    qtbot.keyClick(editor(table), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, col).text() == text)  # committed after the key


@pytest.fixture
def page(demo_db: Database, qtbot) -> Iterator[PerformancePage]:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    widget = PerformancePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: bool(widget.views))
    yield widget
    ctx.tasks.wait()


def test_choosing_a_measure_shows_its_values_and_history(page: PerformancePage, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert len(page.canvas.placed) == 20
    page.canvas.setFocus()
    qtbot.keyClick(page.canvas, Qt.Key.Key_Right)  # the first card
    view = page.detail.view
    assert view is not None and view.id == page.canvas.placed[0][1].view.id
    assert page.detail.status.text().startswith(f"{view.status.letter} {view.status.label}")
    assert page.detail.values.rowCount() == len(view.values)
    qtbot.waitUntil(lambda: page.detail.history.rowCount() == len(view.values))
    page.status.setCurrentIndex(page.status.findData(Status.OFF_TRACK.value))
    assert len(page.canvas.placed) == 1
    assert page.summary.text().startswith("1 of 20 measures shown")


def test_entering_a_months_values_from_the_keyboard(page: PerformancePage, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = page.enter_values()
    assert isinstance(dialog, EntryDialog)
    monthly = [i for i, v in enumerate(dialog.views) if v.frequency is Frequency.MONTHLY]
    last_month = Frequency.MONTHLY.previous_end(Frequency.MONTHLY.period_end(clock.today()))
    assert dialog.chosen_period() == last_month
    first, second = monthly[0], monthly[1]
    qtbot.waitExposed(dialog)
    dialog.table.setCurrentCell(first, VALUE)
    type_in(qtbot, dialog.table, "91")
    assert dialog.table.item(first, VALUE).text() == "91"
    # Enter moved down the value column, to the next measure, ready to type
    assert (dialog.table.currentRow(), dialog.table.currentColumn()) == (first + 1, VALUE)
    dialog.table.setCurrentCell(second, VALUE)
    type_in(qtbot, dialog.table, "abc")
    dialog.save()
    assert "is not a number" in dialog.problem.text()
    dialog.table.item(second, VALUE).setText("12.5")
    dialog.table.item(second, NOTE).setText("revised return")
    with qtbot.waitSignal(page.ctx.bus.changed, timeout=10000):
        dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    views = {v.id: v for v in measures.list_measures(page.ctx.db)}
    one, two = views[dialog.views[first].id], views[dialog.views[second].id]
    assert (one.latest.period_end, one.latest.value, one.latest.corrections) == (last_month, 91, 1)
    assert (two.latest.value, two.latest.note) == (12.5, "revised return")
    # the page reloads on the change it announced
    qtbot.waitUntil(lambda: next(v for v in page.views if v.id == one.id).latest.value == 91)


@pytest.mark.dated
def test_a_performance_return_is_previewed_then_imported_from_the_page(
    page: PerformancePage,
    qtbot,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    from openpyxl import Workbook

    from ui.common.import_preview import ImportPreviewDialog

    def performance_return(value: object) -> Path:
        path = tmp_path / f"return-{len(str(value))}.xlsx"
        book = Workbook()
        book.active.append(["Ref", "Measure", "Oct-26"])
        book.active.append(["P1-M1", "", value])
        book.save(path)
        return path

    def preview_of(path: Path) -> ImportPreviewDialog:
        shown: list[ImportPreviewDialog] = []
        page.import_sheet(path, on_dialog=shown.append)
        qtbot.waitUntil(lambda: bool(shown), timeout=10000)
        return shown[0]

    refused = preview_of(performance_return("n/a"))
    assert not refused.import_button.isEnabled()
    assert "(C2): 'n/a' is not a number" in refused.proxy.index(0, COL_DETAILS).data()
    refused.reject()
    dialog = preview_of(performance_return(77))
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(page.ctx.bus.changed, timeout=10000):
        dialog.import_button.click()
    (view,) = [v for v in measures.list_measures(page.ctx.db) if v.reference == "P1-M1"]
    october = next(v for v in view.values if v.period_end == date(2026, 10, 31))
    assert october.value == 77
