"""Run work off the GUI thread; results, errors and progress come back on it.

Writes go through one single-threaded pool so database writes never overlap; reads and rendering
use the shared pool. A write refused because another writer held the database carries a `retry`
that runs the same work again (the error box offers it).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from sendboard.errors import DatabaseBusy
from sendboard.progress import CancelToken


def receivers_alive(callback: Callable[..., Any]) -> bool:
    """Whether the Qt objects a callback is bound to, or closes over, still exist.

    A window can close while its background read is still running; its result must then be
    dropped, not delivered to widgets that are gone.
    """
    bound = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            bound.append(cell.cell_contents)
        except ValueError:  # a cell not yet filled
            continue
    return all(shiboken6.isValid(obj) for obj in bound if isinstance(obj, QObject))


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], with_progress: bool) -> None:
        super().__init__()
        self.fn: Callable[..., Any] | None = fn
        self.with_progress = with_progress
        self.signals = _Signals()
        self.token = CancelToken()

    def run(self) -> None:
        assert self.fn is not None, "a job runs once"
        try:
            if self.with_progress:
                result = self.fn(self.signals.progress.emit, self.token)
            else:
                result = self.fn()
        except Exception as exc:  # delivered to the GUI thread, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Starts jobs and keeps them alive until their result has been delivered."""

    idle = Signal()  # the last running job's result or error has been delivered

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.readers = QThreadPool.globalInstance()
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self._running: set[_Job] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        write: bool = False,
    ) -> CancelToken:
        """Run `fn()` (or `fn(progress, token)` when on_progress is given) in the background."""
        job = _Job(fn, with_progress=on_progress is not None)
        job.setAutoDelete(False)
        self._running.add(job)
        if on_progress is not None:
            job.signals.progress.connect(on_progress)

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            self._running.discard(job)
            try:
                self.deliver(callback, value)
            finally:
                # The pool keeps every job it ran; let go of the work and of the callbacks the
                # connections hold, or closed dialogs and their data would live as long as the app.
                job.fn = None
                job.signals.deleteLater()
                if not self._running:
                    self.idle.emit()

        def failed(exc: Exception) -> None:
            if write and isinstance(exc, DatabaseBusy):
                # Nothing was written, so the same work can simply be run again; the window's
                # error box offers that as Retry.
                exc.retry = lambda: self.run(  # type: ignore[attr-defined]
                    fn, on_done=on_done, on_error=on_error, on_progress=on_progress, write=True
                )
            finish(on_error or self._unhandled, exc)

        job.signals.done.connect(lambda value: finish(on_done, value))
        job.signals.failed.connect(failed)
        (self.writer if write else self.readers).start(job)
        return job.token

    def deliver(self, callback: Callable[[Any], None] | None, value: Any) -> None:
        """Call back unless the window it belongs to has closed; an error is then still shown."""
        if callback is None:
            return
        if receivers_alive(callback):
            callback(value)
        elif isinstance(value, Exception):
            self._unhandled(value)

    def busy(self) -> bool:
        """Whether any job's result has still to be delivered."""
        return bool(self._running)

    def _unhandled(self, exc: Exception) -> None:
        from ui.common.errors import show_error

        show_error(None, exc)

    def wait(self, msecs: int = 30000) -> bool:
        return self.writer.waitForDone(msecs) and self.readers.waitForDone(msecs)
