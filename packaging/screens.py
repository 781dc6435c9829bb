"""Render every screen of the main window at 1280×800, one PNG each, to look at the layout.

Run under a virtual display, from the repository root:
    xvfb-run -a -s "-screen 0 1400x900x24" python packaging/screens.py OUT_FOLDER
and, for a 1920×1080 screen at 150% scaling (the window is then fitted to its 1280×720):
    QT_SCALE_FACTOR=1.5 xvfb-run -a -s "-screen 0 1920x1080x24" python packaging/screens.py OUT
It builds a small demo database in a temporary folder, so no real data is touched. It also
prints any page whose window no longer fits 1280×800 (a layout asking for more room).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from screenshot import isolate_settings, settle  # the sibling script in this folder

from PySide6.QtWidgets import QApplication

from sendboard.demo import build_demo
from sendboard.domain.governance import BoardKind
from sendboard.services import boards, meetings
from sendboard.services.common.workspace import Database, open_database
from ui.actions.page import ActionsPage
from ui.app import application, make_context
from ui.main_window import MainWindow
from ui.meetings.page import MeetingsPage
from ui.people.page import PeopleBoardsPage
from ui.risks.page import RisksPage
from ui.stocktake.page import StocktakePage

SIZE = (1280, 800)


class Shooter:
    """Saves the window as it stands, named in visiting order, and notes any overflow."""

    def __init__(self, app: QApplication, window: MainWindow, folder: Path) -> None:
        self.app, self.window, self.folder = app, window, folder
        self.count = 0
        self.too_big: list[str] = []

    def shoot(self, name: str) -> None:
        settle(self.app, self.window)
        self.count += 1
        hint = self.window.minimumSizeHint()
        width, height = laptop_size(self.window)
        if self.window.width() > width or self.window.height() > height:
            self.too_big.append(f"{name}: window {self.window.width()}×{self.window.height()}")
        elif hint.width() > width or hint.height() > height:
            self.too_big.append(f"{name}: needs {hint.width()}×{hint.height()}")
        path = self.folder / f"{self.count:02d}-{name}.png"
        self.window.grab().save(str(path))
        # a page that pushed the window wider must not affect the next
        self.window.resize(*laptop_size(self.window))
        print(f"saved {path}")


def slug(label: str) -> str:
    """A tab's label as part of a file name: "&Priority areas" → "priority-areas"."""
    return label.replace("&&", "and").replace("&", "").lower().replace(" ", "-")


def laptop_size(window: MainWindow) -> tuple[int, int]:
    """1280×800, or less where the screen (after scaling) has less room."""
    room = window.screen().availableGeometry()
    return min(SIZE[0], room.width()), min(SIZE[1], room.height())


def improvement_board_meeting(db: Database) -> int | None:
    top = [b for b in boards.list_boards(db) if b.kind is BoardKind.IMPROVEMENT_BOARD]
    view = meetings.next_meeting(db, top[0].id) if top else meetings.next_meeting(db)
    return view.id if view else None


def visit(shooter: Shooter, db: Database) -> None:
    window = shooter.window
    shooter.shoot("home")
    page = window.show_page("meetings")
    assert isinstance(page, MeetingsPage)
    settle(shooter.app, window)
    meeting_id = improvement_board_meeting(db)
    if meeting_id is not None:
        page._select(meeting_id)
    tabs = page.panel.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        shooter.shoot(f"meetings-{slug(tabs.tabText(index))}")
    tabs.setCurrentIndex(0)

    actions_page = window.show_page("actions")
    assert isinstance(actions_page, ActionsPage)
    settle(shooter.app, window)
    highlighted = [v for v in actions_page.model.rows() if v.highlights]
    if highlighted:
        actions_page.select_action(highlighted[0].id)
    shooter.shoot("actions")

    risks_page = window.show_page("risks")
    assert isinstance(risks_page, RisksPage)
    settle(shooter.app, window)
    if risks_page.proxy.rowCount():
        risks_page.table.selectRow(0)
    shooter.shoot("risks")

    for key in ("minutes", "performance"):
        window.show_page(key)
        shooter.shoot(key)

    stocktake = window.show_page("stocktake")
    assert isinstance(stocktake, StocktakePage)
    settle(shooter.app, window)
    for index in range(stocktake.tabs.count()):
        stocktake.tabs.setCurrentIndex(index)
        shooter.shoot(f"stocktake-{slug(stocktake.tabs.tabText(index))}")
    stocktake.tabs.setCurrentIndex(0)

    people = window.show_page("people")
    assert isinstance(people, PeopleBoardsPage)
    settle(shooter.app, window)
    board = boards.find_board(db, "SEND Improvement Board")
    people.boards_tab.tree.select_id(board.id)
    for index in range(people.tabs.count()):
        people.tabs.setCurrentIndex(index)
        shooter.shoot(f"people-{slug(people.tabs.tabText(index))}")
    people.tabs.setCurrentIndex(0)

    window.show_page("settings")
    shooter.shoot("settings")


@contextmanager
def demo_window(prefix: str) -> Iterator[tuple[QApplication, MainWindow, Database]]:
    """The main window at laptop size on a fresh small demo, with settings kept apart."""
    app = application()
    with tempfile.TemporaryDirectory(prefix=prefix) as temp:
        isolate_settings(Path(temp))
        database = open_database(Path(temp) / "kingsmere-demo.db")
        build_demo(database, "small")
        window = MainWindow(make_context(database))
        window.setWindowTitle("sendboard — Kingsmere SEND Improvement Board (demo)")
        window.resize(*laptop_size(window))
        window.show()
        yield app, window, database
        window.close()
        settle(app, window, 2)
        database.close()


def main(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    with demo_window("sendboard-screens-") as (app, window, database):
        shooter = Shooter(app, window, folder)
        visit(shooter, database)
    for line in shooter.too_big:
        print(f"does not fit {SIZE[0]}×{SIZE[1]}: {line}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: screens.py OUT_FOLDER")
    sys.exit(main(Path(sys.argv[1])))
