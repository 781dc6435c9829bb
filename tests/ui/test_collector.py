"""Cycle collection never runs on a worker thread, where freeing a Qt object would crash."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

from ui.app import application
from ui.collector import GuiThreadCollector
from ui.common.tasks import TaskRunner
from ui.main_window import MainWindow
from ui.opening import DatabaseOpener


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


def test_startup_objects_are_frozen_by_the_apps_opener_only(
    qtbot, demo_template: Path, tmp_path: Path
) -> None:
    """The app's own start leaves startup's objects out of later collections; an opener made
    elsewhere (tests, tools) leaves the collector's generations alone."""
    gc.unfreeze()
    try:
        for freeze in (False, True):
            path = tmp_path / f"frozen-{freeze}.db"
            shutil.copyfile(demo_template, path)
            window = MainWindow(opening=str(path))
            qtbot.addWidget(window)
            opener = DatabaseOpener(window, TaskRunner(), str(path), demo=False, freeze=freeze)
            with qtbot.waitSignal(opener.opened, timeout=10000):
                opener.start()
            opener.tasks.wait()
            opener.database.close()
            assert (gc.get_freeze_count() > 0) is freeze
    finally:
        gc.unfreeze()
