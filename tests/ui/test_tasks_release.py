"""A finished job lets go of its work and callbacks, so what they hold can be freed."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QCoreApplication, QEvent

from ui.tasks import TaskRunner


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
