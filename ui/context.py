"""What every page is given: the open database, the task runner, and the change bus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from sendboard.services.common.changes import Changes, Outcome
from ui.common.tasks import TaskRunner

if TYPE_CHECKING:  # the window's shell is shown before the store is loaded
    from sendboard.services.common.workspace import Database


class ChangeBus(QObject):
    """One application-wide signal: a mutation happened, and these areas changed.

    `navigate` asks the window to show a page and open something on it: a page never reaches
    into another, it names the place ("people", "new-board") and the window takes it there.
    """

    changed = Signal(object)
    navigate = Signal(str, str)  # page key, what to open there ("" for the page itself)


@dataclass
class AppContext:
    db: Database
    tasks: TaskRunner
    bus: ChangeBus

    def mutate(
        self,
        fn: Callable[[], Outcome[Any]],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run a mutating service call on the writer; announce what changed, then call back."""

        def finished(result: Outcome[Any]) -> None:
            self.announce(result.changes)
            self.tasks.deliver(on_done, result.value)

        self.tasks.run(fn, on_done=finished, on_error=on_error, write=True)

    def announce(self, changes: Changes) -> None:
        self.bus.changed.emit(changes)

    def go(self, place: str) -> None:
        """Show a place given as "page" or "page:intent" (the href of a link on Home)."""
        page, _, intent = place.partition(":")
        self.bus.navigate.emit(page, intent)
