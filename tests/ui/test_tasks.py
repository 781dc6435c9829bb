"""A finished job lets go of its work and callbacks; results for closed windows are dropped."""

from __future__ import annotations

import gc
import threading
import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget

from sendboard.errors import SendboardError
from ui.common.tasks import TaskRunner


class Holder:
    """Stands for a dialog or page whose bound methods a job holds."""

    def __init__(self) -> None:
        self.results: list[int] = []

    def work(self) -> int:
        return 42

    def done(self, value: int) -> None:
        self.results.append(value)


def test_delivered_jobs_release_their_work_and_callbacks(qtbot) -> None:
    runner = TaskRunner()
    holder = Holder()
    with qtbot.waitSignal(runner.idle):
        runner.run(holder.work, on_done=holder.done)
    assert holder.results == [42]
    alive = weakref.ref(holder)
    del holder
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()
    assert alive() is None


class Panel(QWidget):
    def __init__(self) -> None:
        super().__init__()

    def show_result(self, value: int) -> None:
        self.setWindowTitle(str(value))  # raises once the widget has been deleted


def test_a_result_for_a_closed_window_is_dropped(qtbot) -> None:
    runner = TaskRunner()
    panel = Panel()
    delivered: list[object] = []
    gate = threading.Event()
    runner.run(lambda: gate.wait(5) and 1, on_done=panel.show_result)
    runner.run(lambda: gate.wait(5) and 2, on_done=lambda value: panel.show_result(value))
    runner.run(lambda: gate.wait(5) and 3, on_done=delivered.append)
    shiboken6.delete(panel)
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy())
    assert delivered == [3]


def test_an_error_for_a_closed_window_is_still_shown(qtbot, monkeypatch) -> None:
    runner = TaskRunner()
    panel = Panel()
    shown: list[Exception] = []
    monkeypatch.setattr(runner, "_unhandled", shown.append)

    def fail() -> None:
        raise SendboardError("The database is locked")

    runner.run(fail, on_error=lambda exc: panel.show_result(0), write=True)
    shiboken6.delete(panel)
    qtbot.waitUntil(lambda: not runner.busy())
    assert [str(exc) for exc in shown] == ["The database is locked"]
