"""Cycle collection never runs on a worker thread, where freeing a Qt object would crash."""

from __future__ import annotations

import gc

from ui.app import application
from ui.collector import GuiThreadCollector


def test_application_hands_collection_to_the_gui_thread(qapp) -> None:
    gc.enable()
    application()
    application()
    assert not gc.isenabled()
    assert len(qapp.findChildren(GuiThreadCollector)) == 1


def test_the_timer_collects_what_automatic_collection_would(qtbot) -> None:
    gc.collect()
    for _ in range(gc.get_threshold()[0] + 10):
        cycle: list[object] = []
        cycle.append(cycle)
    assert gc.get_count()[0] > gc.get_threshold()[0]
    GuiThreadCollector.collect_due()
    assert gc.get_count()[0] < gc.get_threshold()[0]
