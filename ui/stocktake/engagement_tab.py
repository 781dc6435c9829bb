"""The Stocktake page's engagement log: every co-production and engagement event, added and
changed in a dialog (files attached there), and the log's workbook in and out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sendboard.domain.wording import counted
from sendboard.services import stocktake
from sendboard.services.stocktake import EngagementView
from ui.common.confirm import confirm_remove
from ui.common.errors import show_error
from ui.common.import_file import preview_then_import
from ui.context import AppContext
from ui.stocktake.event_dialog import EventDialog, load_choices
from ui.stocktake.models import EngagementModel
from ui.stocktake.parts import SHEETS, button, save_name, table


class EngagementTab(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = EngagementModel()
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("events-summary")
        self.summary.setWordWrap(True)
        row.addWidget(self.summary, 1)
        row.addWidget(button("&New event…", "events-new", self.new_event))
        self.edit_button = button("Ed&it…", "events-edit", self.edit_event)
        self.delete_button = button("&Delete…", "events-delete", self.delete_event)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addWidget(button("Import…", "events-import", self.import_events))
        row.addWidget(button("Export…", "events-export", self.export_events))
        layout.addLayout(row)
        self.table = table(self.model, "events-table", 3, ((4, 200), (6, 220), (7, 220)))
        self.table.doubleClicked.connect(lambda _index: self.edit_event())
        layout.addWidget(self.table, 1)
        self.dialog: EventDialog | None = None

    def show_events(self, events: tuple[EngagementView, ...]) -> None:
        chosen = self.current()
        self.model.set_rows(events)
        changed = sum(1 for e in events if e.changed)
        self.summary.setText(
            f"{counted(len(events), 'event')}; {changed} with a change recorded as a result."
        )
        for row in range(self.model.rowCount()):
            if chosen is not None and self.model.row_at(row).id == chosen.id:
                self.table.selectRow(row)

    def current(self) -> EngagementView | None:
        row = self.table.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def new_event(self) -> None:
        self._open(None)

    def edit_event(self) -> None:
        event = self.current()
        if event is None:
            self.summary.setText("Choose an event first.")
            return
        self._open(event)

    def _open(self, event: EngagementView | None) -> None:
        def shown(choices) -> None:  # type: ignore[no-untyped-def]
            self.dialog = EventDialog(self.ctx, choices, event, self)
            self.dialog.start()

        self.ctx.tasks.run(
            lambda: load_choices(self.ctx.db),
            on_done=shown,
            on_error=lambda exc: show_error(self, exc),
        )

    def delete_event(self) -> None:
        event = self.current()
        if event is None or not confirm_remove(
            self,
            "Delete the event",
            f"Delete {event.reference} {event.title} and the files kept with it?",
        ):
            return
        self.ctx.mutate(
            lambda: stocktake.delete_event(self.ctx.db, event.id),
            on_error=lambda exc: show_error(self, exc),
        )

    def import_events(self, path: Path | None = None) -> None:
        db = self.ctx.db
        preview_then_import(
            self,
            self.ctx,
            "Import engagement events",
            path,
            lambda source: (
                stocktake.preview_events(db, source),
                lambda: stocktake.import_events(db, source),
            ),
        )

    def export_events(self) -> None:
        path = save_name(self, "Export engagement log", "engagement.xlsx", SHEETS)
        if path is not None:
            self.ctx.tasks.run(
                lambda: stocktake.export_events(self.ctx.db, path),
                on_done=lambda n: self.summary.setText(f"{counted(n, 'event')} written to {path}"),
                on_error=lambda exc: show_error(self, exc),
            )
