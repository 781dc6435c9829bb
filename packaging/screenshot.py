"""Take the README screenshot: the Meetings page with the next Improvement Board meeting open.

Run under a virtual display, from the repository root:
    xvfb-run -a -s "-screen 0 1400x900x24" python packaging/screenshot.py OUT.png
It builds a small demo database in a temporary folder, so no real data is touched.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings

from sendboard.demo import build_demo
from sendboard.services import boards, meetings
from sendboard.services.common.workspace import open_database
from ui.app import application, make_context
from ui.main_window import MainWindow
from ui.meetings.page import MeetingsPage


def isolate_settings(folder: Path) -> None:
    """Remembered columns and panels come from (and go to) this folder, not the user's own,
    so the pictures always show the program's own layout."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / "settings"))


def settle(app, window: MainWindow, rounds: int = 20) -> None:  # type: ignore[no-untyped-def]
    """Let background reads finish and their results reach the widgets."""
    for _ in range(rounds):
        window.ctx.tasks.wait()
        app.processEvents()


def main(out: Path) -> int:
    app = application()
    with tempfile.TemporaryDirectory(prefix="sendboard-screenshot-") as folder:
        isolate_settings(Path(folder))
        database = open_database(Path(folder) / "kingsmere-demo.db")
        build_demo(database, "small")
        window = MainWindow(make_context(database))
        window.setWindowTitle("sendboard — Kingsmere SEND Improvement Board (demo)")
        window.resize(1280, 800)
        window.show()
        page = window.show_page("meetings")
        assert isinstance(page, MeetingsPage)
        settle(app, window)
        board = boards.find_board(database, "SEND Improvement Board")
        upcoming = meetings.next_meeting(database, board.id)
        if upcoming is not None:
            page._select(upcoming.id)
        settle(app, window)
        out.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(out))
        window.close()
        settle(app, window, 2)
        database.close()
    print(f"{'saved' if saved else 'could not save'} {out}")
    return 0 if saved else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: screenshot.py OUT.png")
    sys.exit(main(Path(sys.argv[1])))
