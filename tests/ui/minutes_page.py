"""The Minutes page as the window shows it, for the minutes tests: laptop-sized, shown, with its
meetings listed; its background work finished before the database goes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sendboard.services.common.workspace import Database
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.minutes.page import MinutesPage


@contextmanager
def shown_minutes_page(db: Database, qtbot) -> Iterator[MinutesPage]:  # type: ignore[no-untyped-def]
    ctx = AppContext(db, TaskRunner(), ChangeBus())
    widget = MinutesPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.activateWindow()
    widget.activate()
    qtbot.waitUntil(lambda: widget.meeting.count() > 0)
    yield widget
    ctx.tasks.wait()
