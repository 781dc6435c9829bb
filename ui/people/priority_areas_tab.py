"""Priority areas tab: the improvement plan's areas, each with a lead and a sub-group."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from sendboard.services.boards import priority_areas
from sendboard.services.boards.priority_areas import PriorityAreaView
from ui.common.confirm import confirm_remove
from ui.common.errors import show_error
from ui.common.record_dialog import RecordDialog
from ui.common.record_table import RecordPanel
from ui.context import AppContext
from ui.people.directory import Directory
from ui.people.priority_area_dialog import PriorityAreaDialog
from ui.people.priority_areas_model import PriorityAreasModel


class PriorityAreasTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.directory = Directory()
        self.dialog: RecordDialog | None = None
        self.panel = RecordPanel(
            PriorityAreasModel(self),
            add_text="&Add priority area…",
            edit_text="&Edit priority area…",
            remove_text="Re&move priority area",
            search_hint="Code, title, lead, sub-group or body",
            noun="priority area",
            settings_key="priority-areas",
            # Sub-group names are long: give them room, and the bodies the rest.
            stretch_column=PriorityAreasModel.RESPONSIBLE_BODIES,
            max_widths={PriorityAreasModel.TITLE: 320, PriorityAreasModel.SUB_GROUP: 340},
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.panel.add_requested.connect(self.add)
        self.panel.edit_requested.connect(self.edit)
        self.panel.remove_requested.connect(self.remove)

    def set_directory(self, directory: Directory) -> None:
        self.directory = directory
        self.panel.set_rows(directory.priority_areas)

    def add(self) -> None:
        dialog = PriorityAreaDialog(
            self.ctx, self.directory.boards, self.directory.people, parent=self
        )
        self.dialog = dialog.start(lambda a: self.panel.select_after_reload(a.id))

    def edit(self, area: PriorityAreaView) -> None:
        dialog = PriorityAreaDialog(
            self.ctx, self.directory.boards, self.directory.people, area, parent=self
        )
        self.dialog = dialog.start(lambda a: self.panel.select_after_reload(a.id))

    def remove(self, area: PriorityAreaView) -> None:
        if confirm_remove(self, "Remove priority area", f"Remove {area.code} “{area.title}”?"):
            self.ctx.mutate(
                lambda: priority_areas.delete_priority_area(self.ctx.db, area.id),
                on_error=lambda exc: show_error(self, exc),
            )
