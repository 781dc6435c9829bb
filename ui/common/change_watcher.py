"""Polls the database's change counter, so changes made by others (on a shared server, or in
another sendboard on this computer) appear within a few seconds without a restart."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from sendboard.services.common import watching
from sendboard.services.common.changes import Changes
from ui.context import AppContext

#: How often the counter is read; one indexed look-up each time.
POLL_MS = 3000


class ChangeWatcher(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None, interval: int = POLL_MS):
        super().__init__(parent)
        self.ctx = ctx
        self.counter: watching.Counter | None = None
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._busy = True
        self.ctx.tasks.run(
            lambda: watching.change_counter(self.ctx.db), on_done=self._first, on_error=self._skip
        )
        self.timer.start()

    def poll(self) -> None:
        if self._busy or self.counter is None:
            return
        self._busy = True
        seen = self.counter
        self.ctx.tasks.run(
            lambda: watching.changes_since(self.ctx.db, seen),
            on_done=self._found,
            on_error=self._skip,
        )

    def _first(self, counter: watching.Counter) -> None:
        self._busy = False
        self.counter = counter

    def _found(self, result: tuple[watching.Counter, Changes]) -> None:
        self._busy = False
        counter, changes = result
        self.counter = counter
        if changes.areas:
            self.ctx.announce(changes)

    def _skip(self, _exc: Exception) -> None:
        # A server that is briefly out of reach: try again at the next tick, quietly; saving
        # is where an unreachable server is reported.
        self._busy = False
