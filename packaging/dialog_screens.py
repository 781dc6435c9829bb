"""Render the main dialogs as they open from their pages, one PNG each, to look at the layout.

Run under a virtual display, from the repository root:
    xvfb-run -a -s "-screen 0 1400x900x24" python packaging/dialog_screens.py OUT_FOLDER
(or with QT_SCALE_FACTOR=1.5 on a 1920×1080 screen, as for screens.py)
Each dialog is opened the way the secretary opens it (the page's own button handler) on a small
demo database in a temporary folder; instead of waiting for her, it is saved and closed. It
prints any dialog that opens taller or wider than a 1280×800 screen.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from screens import (  # the sibling scripts in this folder
    SIZE,
    demo_window,
    improvement_board_meeting,
)
from screenshot import settle

from PySide6.QtWidgets import QApplication, QDialog

from sendboard.services import boards
from sendboard.services.common.workspace import Database
from ui.main_window import MainWindow


class DialogShooter:
    """Stands in for `QDialog.exec` and `open`: shows the dialog, lets it load, saves, closes."""

    def __init__(self, app: QApplication, window: MainWindow, folder: Path) -> None:
        self.app, self.window, self.folder = app, window, folder
        self.name = "dialog"
        self.count = 0
        self.too_big: list[str] = []

    def exec(self, dialog: QDialog) -> int:
        dialog.show()
        settle(self.app, self.window)
        self.count += 1
        size = dialog.size()
        if size.width() > SIZE[0] or size.height() > SIZE[1] - 40:
            self.too_big.append(f"{self.name}: {size.width()}×{size.height()}")
        path = self.folder / f"{self.count:02d}-{self.name}.png"
        dialog.grab().save(str(path))
        print(f"saved {path} ({size.width()}×{size.height()})")
        dialog.reject()
        return 0

    def open(self, name: str, action: Callable[[], object]) -> None:
        self.name = name
        action()
        settle(self.app, self.window)


def visit(shooter: DialogShooter, db: Database) -> None:
    window = shooter.window
    meetings = window.show_page("meetings")
    settle(shooter.app, window)
    meeting_id = improvement_board_meeting(db)
    if meeting_id is not None:
        meetings._select(meeting_id)  # type: ignore[attr-defined]
    settle(shooter.app, window)
    shooter.open("meeting-new", meetings.new_meeting)  # type: ignore[attr-defined]
    shooter.open("meeting-reschedule", meetings.reschedule)  # type: ignore[attr-defined]
    shooter.open("meeting-series", meetings.schedule_series)  # type: ignore[attr-defined]
    shooter.open("agenda-template", meetings.edit_agenda_template)  # type: ignore[attr-defined]
    shooter.open("compliance-record", meetings.show_compliance_record)  # type: ignore[attr-defined]
    agenda, invitations = meetings.panel.tab_pages[0], meetings.panel.tab_pages[1]  # type: ignore[attr-defined]
    settle(shooter.app, window)
    agenda.table.selectRow(0)
    shooter.open("agenda-item", agenda.edit_item)
    shooter.open("invitation-guest", invitations.add_guest)
    shooter.open("invitation-send", invitations.send)

    actions = window.show_page("actions")
    settle(shooter.app, window)
    actions.table.selectRow(0)  # type: ignore[attr-defined]
    settle(shooter.app, window)
    shooter.open("action-new", actions.new_action)  # type: ignore[attr-defined]
    shooter.open("action-edit", actions.edit_action)  # type: ignore[attr-defined]
    shooter.open("action-update", actions.add_update)  # type: ignore[attr-defined]
    shooter.open("action-update-round", actions.update_round)  # type: ignore[attr-defined]

    risks = window.show_page("risks")
    settle(shooter.app, window)
    risks.table.selectRow(0)  # type: ignore[attr-defined]
    settle(shooter.app, window)
    shooter.open("risk-new", risks.new_risk)  # type: ignore[attr-defined]
    shooter.open("risk-edit", risks.edit_risk)  # type: ignore[attr-defined]
    shooter.open("risk-review", risks.review_risk)  # type: ignore[attr-defined]
    shooter.open("risk-scales", risks.edit_scales)  # type: ignore[attr-defined]

    shooter.open("risk-requirements", risks.link_requirements)  # type: ignore[attr-defined]

    stocktake = window.show_page("stocktake")
    settle(shooter.app, window)
    stocktake.coverage_table.selectRow(2)  # type: ignore[attr-defined]
    shooter.open("requirement-links", stocktake.edit_links)  # type: ignore[attr-defined]
    engagement = stocktake.engagement  # type: ignore[attr-defined]
    shooter.open("event-new", engagement.new_event)
    engagement.table.selectRow(0)
    shooter.open("event-edit", engagement.edit_event)

    people = window.show_page("people")
    settle(shooter.app, window)
    board = boards.find_board(db, "SEND Improvement Board")
    people.boards_tab.tree.select_id(board.id)  # type: ignore[attr-defined]
    settle(shooter.app, window)
    shooter.open("board-new", people.boards_tab.new_board)  # type: ignore[attr-defined]
    shooter.open("board-edit", people.boards_tab.edit_board)  # type: ignore[attr-defined]
    shooter.open("member-add", people.boards_tab.add_member)  # type: ignore[attr-defined]
    contacts = people.contacts_tab  # type: ignore[attr-defined]
    shooter.open("person-new", contacts.add)
    first = contacts.panel.visible_rows()[0]
    shooter.open("person-edit", lambda: contacts.edit(first))
    areas = people.priority_tab  # type: ignore[attr-defined]
    shooter.open("priority-area-edit", lambda: areas.edit(areas.panel.visible_rows()[0]))


def main(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    with demo_window("sendboard-dialogs-") as (app, window, database):
        shooter = DialogShooter(app, window, folder)
        QDialog.exec = lambda dialog: shooter.exec(dialog)  # type: ignore[method-assign]
        QDialog.open = lambda dialog: shooter.exec(dialog)  # type: ignore[method-assign]
        visit(shooter, database)
    for line in shooter.too_big:
        print(f"does not fit {SIZE[0]}×{SIZE[1]}: {line}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: dialog_screens.py OUT_FOLDER")
    sys.exit(main(Path(sys.argv[1])))
