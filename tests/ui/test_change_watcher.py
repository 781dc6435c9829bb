"""Changes saved by someone else reach the open window within a few seconds."""

from __future__ import annotations

from sendboard.services import people
from sendboard.services.common.changes import Area
from sendboard.services.common.workspace import Database, open_database
from ui.common.change_watcher import ChangeWatcher
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus


def test_a_change_by_another_user_is_announced_to_the_pages(db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(db, TaskRunner(), ChangeBus())
    watcher = ChangeWatcher(ctx, interval=100)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.counter is not None)
    other = open_database(str(db.file), user="Sam Okafor")
    try:
        with qtbot.waitSignal(ctx.bus.changed, timeout=5000) as announced:
            people.create_person(other, people.PersonInput(name="Helen Marsh"))
        assert announced.args[0].touches(Area.PEOPLE)
    finally:
        watcher.timer.stop()
        ctx.tasks.wait()
        other.close()
