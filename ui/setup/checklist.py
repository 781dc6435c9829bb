"""The first-run checklist on Home: six steps from an empty database to a first invitation.

Each step is a link to the page or dialog where it is done, and ticks itself when the records
exist (sendboard.services.setup.progress). "Import a setup workbook…" does them all at once.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from sendboard.services.setup import SetupProgress
from ui.common.dashboard_card import CALM, FINE, Card, link_label

#: Where each step is done: a page and what to open there (see ChangeBus.navigate).
PLACES = {
    "details": "settings:details",
    "boards": "people:new-board",
    "contacts": "people:add-person",
    "members": "people:add-member",
    "series": "meetings:schedule-series",
    "agenda": "meetings:agenda-template",
}


def steps_html(progress: SetupProgress) -> str:
    rows = []
    for number, step in enumerate(progress.steps, start=1):
        mark = (
            f"<span style='color:{FINE}; font-weight:700'>✓</span>"
            if step.done
            else f"<span style='color:{CALM}'>○</span>"
        )
        title = f"<a href='{PLACES[step.key]}'>{number}. {escape(step.title)}</a>"
        rows.append(
            f"<tr><td style='padding:3px 8px 3px 0'>{mark}</td>"
            f"<td style='padding:3px 12px 3px 0; white-space:nowrap'>{title}</td>"
            f"<td style='padding:3px 0; color:#444'>{escape(step.detail)}</td></tr>"
        )
    return "<table cellspacing='0'>" + "".join(rows) + "</table>"


class SetupChecklist(Card):
    """The checklist card; emits what the secretary chose, the Home page acts on it."""

    place_chosen = Signal(str)  # "page:intent"
    import_requested = Signal()
    template_requested = Signal()
    hide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Start with your own board", parent)
        intro = QLabel(
            "Six steps take a new database to a board that can send its first invitation. "
            "Each step opens the place where it is done and ticks itself when it is. To do "
            "them all at once, fill in a setup workbook and import it."
        )
        intro.setWordWrap(True)
        self.add(intro)
        self.steps = self.add(link_label("setup-steps", self.place_chosen.emit))
        self.import_button = QPushButton("&Import a setup workbook…")
        self.import_button.setToolTip(
            "Boards, people, members, priority areas, your details and each board's "
            "timetable from one Excel workbook: previewed first, then all or nothing"
        )
        self.import_button.setDefault(True)
        self.template_button = QPushButton("Setup workbook &template…")
        self.template_button.setToolTip(
            "Save the blank workbook, with instructions and an example row on each sheet"
        )
        self.hide_button = QPushButton("Hide this list")
        self.hide_button.setToolTip("Put the checklist away; it is not shown again")
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(self.hide_button)
        self.body.addLayout(buttons)
        self.import_button.clicked.connect(self.import_requested)
        self.template_button.clicked.connect(self.template_requested)
        self.hide_button.clicked.connect(self.hide_requested)
        self.progress: SetupProgress | None = None

    def show_progress(self, progress: SetupProgress) -> None:
        self.progress = progress
        self.steps.setText(steps_html(progress))
        done = sum(1 for s in progress.steps if s.done)
        self.set_figure(f"{done} of {len(progress.steps)}", "steps done", CALM)
        self.hide_button.setVisible(not progress.empty)
        self.setVisible(progress.show)
