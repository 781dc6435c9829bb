"""The base of every tab in the meeting view; the view lists its tabs in `meeting_view.TABS`."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sendboard.services.common.changes import Area
from ui.context import AppContext


class MeetingTab(QWidget):
    """One tab of the meeting view; shows the meeting given to `set_meeting`."""

    title = ""
    areas: tuple[Area, ...] = (Area.MEETINGS,)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.meeting_id: int | None = None
        ctx.bus.changed.connect(lambda changes: changes.touches(*self.areas) and self.refresh())

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        """Reload this tab for `self.meeting_id` (None: show nothing)."""
