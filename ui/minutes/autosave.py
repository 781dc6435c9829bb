"""Saving what the secretary types a moment after she stops, so a crash loses seconds at most.

Each keystroke restarts a short timer; when it fires, every item typed in since the last save is
written in one job on the writer thread. Someone who types without pausing is saved anyway once
the oldest unsaved keystroke is a few seconds old. Typing while a save runs is saved next.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from sendboard.services import minutes
from ui.context import AppContext

#: How long after the last keystroke the text is saved.
DELAY_MS = 2000
#: The longest a keystroke waits to be saved while typing goes on without a pause.
MAX_WAIT_MS = 5000

Key = tuple[int, int | None]  # (meeting id, agenda item id or None for matters arising)


class Autosaver(QObject):
    saved = Signal(object)  # when (aware datetime)
    failed = Signal(object)  # the exception
    pending_changed = Signal(bool)  # True: there is typing not yet saved

    def __init__(
        self, ctx: AppContext, delay_ms: int = DELAY_MS, max_wait_ms: int = MAX_WAIT_MS
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.pending: dict[Key, str] = {}
        self._batch: dict[Key, str] = {}
        self.saving = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(max_wait_ms)
        self.deadline.timeout.connect(self.flush)

    def changed(self, meeting_id: int, item_id: int | None, text: str) -> None:
        if not self.pending and not self.deadline.isActive():
            self.deadline.start()
        self.pending[(meeting_id, item_id)] = text
        self.pending_changed.emit(True)
        self.timer.start()

    def busy(self) -> bool:
        return self.saving or bool(self.pending)

    def flush(self) -> None:
        """Save what is pending now (after the running save, if one is running)."""
        self.timer.stop()
        if self.saving or not self.pending:
            return
        self.deadline.stop()
        batch, self.pending = self.pending, {}
        self._batch = batch
        self.saving = True
        db = self.ctx.db

        def save() -> datetime | None:
            when = None
            for (meeting_id, item_id), text in batch.items():
                when = minutes.save_section(db, meeting_id, item_id, text).value
            return when

        self.ctx.tasks.run(save, on_done=self._done, on_error=self._failed, write=True)

    def _done(self, when: datetime | None) -> None:
        self.saving = False
        self.saved.emit(when)
        if self.pending:
            self.timer.start()
            self.deadline.start()
        else:
            self.pending_changed.emit(False)

    def _failed(self, exc: Exception) -> None:
        """Keep the text that did not save (unless typed over since) for the next try."""
        self.saving = False
        for key, text in self._batch.items():
            self.pending.setdefault(key, text)
        self.failed.emit(exc)
