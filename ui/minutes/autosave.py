"""Saving what the secretary types a moment after she stops, so a crash loses seconds at most.

Each keystroke restarts a short timer; when it fires, every item typed in since the last save is
written in one job on the writer thread. Someone who types without pausing is saved anyway once
the oldest unsaved keystroke is a few seconds old. Typing while a save runs is saved next.

Each save sends the version of the item's text it last read or saved. When a colleague has
saved the same item since, that save is refused: the item is held (typing in it is kept, and
not sent) until the secretary chooses to keep hers or take theirs (`conflicted`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from sendboard.errors import EditConflict
from sendboard.services import minutes
from sendboard.services.minutes import SavedText
from ui.context import AppContext

#: How long after the last keystroke the text is saved.
DELAY_MS = 2000
#: The longest a keystroke waits to be saved while typing goes on without a pause.
MAX_WAIT_MS = 5000

Key = tuple[int, int | None]  # (meeting id, agenda item id or None for matters arising)


@dataclass
class Batch:
    """What one save job did: the items saved, those a colleague had saved first, and the
    error that stopped it (the items after it were not tried)."""

    saved: dict[Key, SavedText] = field(default_factory=dict)
    refused: dict[Key, EditConflict] = field(default_factory=dict)
    error: Exception | None = None


class Autosaver(QObject):
    saved = Signal(object)  # when (aware datetime)
    failed = Signal(object)  # the exception
    pending_changed = Signal(bool)  # True: there is typing not yet saved
    conflicted = Signal(object, object)  # the item's Key, the EditConflict naming who and when

    def __init__(
        self, ctx: AppContext, delay_ms: int = DELAY_MS, max_wait_ms: int = MAX_WAIT_MS
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.pending: dict[Key, str] = {}
        self._batch: dict[Key, str] = {}
        #: The version of each item's text as last read or saved here (0: none saved yet).
        self.versions: dict[Key, int] = {}
        #: Items a colleague saved first, held until the secretary chooses.
        self.held: dict[Key, EditConflict] = {}
        self.saving = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(max_wait_ms)
        self.deadline.timeout.connect(self.flush)

    def read(self, meeting_id: int, versions: dict[int | None, int]) -> None:
        """The versions of a meeting's texts as just read; a save made here since stands."""
        unsaved = self.unsaved()  # their save is not to be taken as read under my typing
        for item_id, version in versions.items():
            key = (meeting_id, item_id)
            if key not in unsaved:
                self.versions[key] = max(self.versions.get(key, 0), version)

    def unsaved(self) -> set[Key]:
        """Items whose typing is not in the database yet (pending, being saved, or held)."""
        return set(self.pending) | set(self._batch if self.saving else ()) | set(self.held)

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
        ready = {k: t for k, t in self.pending.items() if k not in self.held}
        if self.saving or not ready:
            return
        self.deadline.stop()
        for key in ready:
            del self.pending[key]
        self._batch = ready
        self.saving = True
        db, versions = self.ctx.db, {k: self.versions.get(k, 0) for k in ready}

        def save() -> Batch:
            done = Batch()
            for (meeting_id, item_id), text in ready.items():
                key = (meeting_id, item_id)
                try:
                    done.saved[key] = minutes.save_section(
                        db, meeting_id, item_id, text, versions[key]
                    ).value
                except EditConflict as exc:
                    done.refused[key] = exc
                except Exception as exc:
                    done.error = exc
                    break
            return done

        self.ctx.tasks.run(save, on_done=self._done, on_error=self._failed, write=True)

    def keep_mine(self, key: Key) -> None:
        """Save my text (as last typed in the item) over the colleague's, from the version
        their save made."""
        conflict = self.held.pop(key, None)
        if conflict is not None and conflict.version is not None:
            self.versions[key] = conflict.version
        if key in self.pending:
            self.changed(key[0], key[1], self.pending[key])
            self.flush()

    def take_theirs(self, key: Key) -> str:
        """Drop my typing in the item; their text, which the window shows instead."""
        conflict = self.held.pop(key, None)
        self.pending.pop(key, None)
        if conflict is None:
            return ""
        if conflict.version is not None:
            self.versions[key] = conflict.version
        self.pending_changed.emit(bool(self.pending))
        return str(conflict.theirs.get("text", ""))

    def _done(self, batch: Batch) -> None:
        self.saving = False
        for key, saved in batch.saved.items():
            self.versions[key] = saved.version
        for key, conflict in batch.refused.items():
            self.held[key] = conflict
            self.pending.setdefault(key, self._batch[key])  # kept, not sent, until chosen
            self.conflicted.emit(key, conflict)
        if batch.error is not None:
            self._failed(batch.error, kept=set(batch.saved) | set(batch.refused))
            return
        when: datetime | None = max((s.at for s in batch.saved.values()), default=None)
        self.saved.emit(when)
        if set(self.pending) - set(self.held):
            self.timer.start()
            self.deadline.start()
        else:
            self.pending_changed.emit(False)

    def _failed(self, exc: Exception, kept: set[Key] | None = None) -> None:
        """Keep the text that did not save (unless typed over since) for the next try."""
        self.saving = False
        for key, text in self._batch.items():
            if key not in (kept or set()):
                self.pending.setdefault(key, text)
        self.failed.emit(exc)
