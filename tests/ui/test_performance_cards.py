"""The dashboard's cards name a long measure in full in their tooltip, and the Performance page
keeps the width of its detail panel from one session to the next."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from sendboard.services.common.workspace import Database
from ui.common.tasks import TaskRunner
from ui.common.view_state import save_view_state
from ui.context import AppContext, ChangeBus
from ui.performance.page import PerformancePage


def _page(qtbot, db: Database) -> PerformancePage:  # type: ignore[no-untyped-def]
    widget = PerformancePage(AppContext(db, TaskRunner(), ChangeBus()))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: bool(widget.views))
    return widget


def test_a_card_tooltip_names_the_measure_in_full(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    canvas = page.canvas
    rect, card = max(canvas.placed, key=lambda placed: len(placed[1].view.name))
    name = f"{card.view.reference}  {card.view.name}"
    width = canvas.fontMetrics().horizontalAdvance(name)
    assert width > rect.width() - 112  # the card itself cuts this name short
    tip = canvas.tooltip_at(rect.topLeft() + QPoint(20, 12))
    assert card.view.name in tip and card.view.reference in tip
    assert card.view.status.label in tip
    assert canvas.tooltip_at(QPoint(-5, -5)) == ""
    page.ctx.tasks.wait()


def test_the_splitter_sizes_come_back(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    total = sum(page.splitter.sizes())
    page.splitter.moveSplitter(total - 520, 1)
    chosen = page.splitter.sizes()
    assert chosen[1] >= 500
    save_view_state(page)
    page.ctx.tasks.wait()
    page.close()

    again = _page(qtbot, demo_db)
    assert abs(again.splitter.sizes()[1] - chosen[1]) <= 2
    again.ctx.tasks.wait()
