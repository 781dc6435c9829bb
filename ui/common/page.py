"""What every page shares: the areas it shows, and refreshing only when one of them changed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sendboard.services.common.changes import Area, Changes
from ui.context import AppContext


class Page(QWidget):
    """A page in the main window. Subclasses set `areas` and implement `refresh()`."""

    areas: tuple[Area, ...] = ()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._stale = True
        ctx.bus.changed.connect(self._on_changes)

    def refresh(self) -> None:
        """Reload what the page shows from the services."""

    def open_intent(self, intent: str) -> None:
        """Open what a link elsewhere asked for (a dialog, a tab, a record) once the page has
        loaded; pages that offer intents override this. An unknown intent shows the page."""

    def activate(self) -> None:
        """Called when the page is shown; reloads if something changed while it was hidden."""
        if self._stale:
            self._stale = False
            self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(*self.areas):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True
