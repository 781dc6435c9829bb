"""Progress reporting for long work, with no Qt: the UI turns these calls into signals."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sendboard.errors import Cancelled

#: progress(done, total, message) — total may be 0 when unknown.
Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, message: str) -> None:
    """The default callback: report nothing."""


class CancelToken:
    """Set from the GUI thread, checked by the worker between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
