"""Take the user guide's pictures (docs/images), so they show the program as it is today.

Run under a virtual display, from the repository root:
    xvfb-run -a -s "-screen 0 1400x900x24" python packaging/guide_screens.py docs/images
The first-run pictures use an empty database; the rest the small demo (its stocktake, minutes and
measures included). Both live in temporary
folders, so no real data is touched.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from screens import SIZE, demo_window, improvement_board_meeting  # sibling scripts
from screenshot import isolate_settings, settle

from PySide6.QtWidgets import QApplication, QWidget

from sendboard.services import boards
from sendboard.services.common.workspace import open_database
from sendboard.services.setup import write_template
from ui.actions.page import ActionsPage
from ui.app import application, make_context
from ui.common.import_preview import ImportPreviewDialog
from ui.main_window import MainWindow
from ui.meetings.page import MeetingsPage
from ui.minutes.page import MinutesPage
from ui.people.page import PeopleBoardsPage
from ui.performance.page import PerformancePage
from ui.risks.page import RisksPage
from ui.setup.import_dialog import run_setup_import
from ui.stocktake.page import StocktakePage


def save(app: QApplication, window: MainWindow, widget: QWidget, path: Path) -> None:
    settle(app, window)
    widget.grab().save(str(path))
    print(f"saved {path}")


def first_run(app: QApplication, folder: Path) -> None:
    """Home on an empty database, and the preview of the template workbook."""
    with tempfile.TemporaryDirectory(prefix="sendboard-guide-") as temp:
        isolate_settings(Path(temp))
        database = open_database(Path(temp) / "new-board.db")
        window = MainWindow(make_context(database))
        window.setWindowTitle("sendboard — new-board.db")
        window.resize(*SIZE)
        window.show()
        window.show_page("home")
        save(app, window, window, folder / "first-run.png")
        window.show_page("meetings")
        save(app, window, window, folder / "meetings-no-boards.png")
        book = write_template(Path(temp) / "sendboard-setup.xlsx")
        opened: list[ImportPreviewDialog] = []
        run_setup_import(window, window.ctx, book, on_dialog=opened.append)
        settle(app, window)
        if opened:
            opened[0].resize(1000, 460)
            save(app, window, opened[0], folder / "setup-import-preview.png")
            opened[0].reject()
        window.close()
        settle(app, window, 2)
        database.close()


def demo(folder: Path) -> None:
    with demo_window("sendboard-guide-demo-") as (app, window, database):
        window.show_page("home")
        save(app, window, window, folder / "home.png")
        page = window.show_page("meetings")
        assert isinstance(page, MeetingsPage)
        settle(app, window)
        meeting_id = improvement_board_meeting(database)
        if meeting_id is not None:
            page._select(meeting_id)
        tabs = page.panel.tabs
        for index in range(tabs.count()):
            name = tabs.tabText(index).replace("&", "").lower()
            if name in ("agenda", "invitations", "pack"):
                tabs.setCurrentIndex(index)
                save(app, window, window, folder / f"meetings-{name}.png")
        tabs.setCurrentIndex(0)
        actions = window.show_page("actions")
        assert isinstance(actions, ActionsPage)
        settle(app, window)
        highlighted = [v for v in actions.model.rows() if v.highlights]
        if highlighted:
            actions.select_action(highlighted[0].id)
        save(app, window, window, folder / "actions.png")
        risks = window.show_page("risks")
        assert isinstance(risks, RisksPage)
        settle(app, window)
        if risks.proxy.rowCount():
            risks.table.selectRow(0)
        save(app, window, window, folder / "risks.png")
        people = window.show_page("people")
        assert isinstance(people, PeopleBoardsPage)
        settle(app, window)
        people.boards_tab.tree.select_id(boards.find_board(database, "SEND Improvement Board").id)
        save(app, window, window, folder / "people-boards.png")
        later_pages(app, window, folder)


def later_pages(app: QApplication, window: MainWindow, folder: Path) -> None:
    """Minutes, the performance dashboard and the stocktake, with a dialog of each's own."""
    minutes = window.show_page("minutes")
    assert isinstance(minutes, MinutesPage)
    settle(app, window)
    for row in range(minutes.items.count()):  # an item with a decision or an action arising
        minutes.items.setCurrentRow(row)
        section = minutes.section()
        if section is not None and (section.decisions or section.actions):
            break
    save(app, window, window, folder / "minutes.png")
    performance = window.show_page("performance")
    assert isinstance(performance, PerformancePage)
    settle(app, window)
    slipping = [v for v in performance.views if v.slippage]
    if slipping:
        performance.canvas.choose_id(slipping[0].id)
    save(app, window, window, folder / "performance.png")
    page = window.show_page("stocktake")
    assert isinstance(page, StocktakePage)
    settle(app, window)
    rows = range(page.coverage_model.rowCount())
    flagged = [r for r in rows if page.coverage_model.row_at(r).flags]
    page.coverage_table.selectRow(flagged[0] if flagged else 0)
    save(app, window, window, folder / "stocktake-coverage.png")
    linked = [r for r in rows if page.coverage_model.row_at(r).actions]
    page.coverage_table.selectRow(linked[0] if linked else 0)
    page.edit_links()
    settle(app, window)
    if page.links_dialog is not None:
        save(app, window, page.links_dialog, folder / "stocktake-links.png")
        page.links_dialog.reject()
    page.tabs.setCurrentIndex(1)
    settle(app, window)
    page.engagement.table.selectRow(0)
    page.engagement.edit_event()
    settle(app, window)
    if page.engagement.dialog is not None:
        save(app, window, page.engagement.dialog, folder / "stocktake-event.png")
        page.engagement.dialog.reject()
    page.tabs.setCurrentIndex(2)
    settle(app, window)
    model = page.assessment_model
    differing = [r for r in range(model.rowCount()) if model.row_at(r).narrative]
    page.assessment_table.selectRow(differing[0] if differing else 0)
    save(app, window, window, folder / "stocktake-assessment.png")


def main(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    app = application()
    first_run(app, folder)
    demo(folder)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: guide_screens.py OUT_FOLDER")
    sys.exit(main(Path(sys.argv[1])))
