"""Killing the window mid-typing loses at most the last moments: the minute typed up to the last
save (and no more than was typed) is there when the database is opened again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine

from sendboard.services import minutes as mins
from sendboard.services.common.workspace import open_database
from tests.minutes_fixtures import Board1, make_board

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2027, 3, 20, 10, 0, tzinfo=ZoneInfo("Europe/London"))

TYPIST = """
import sys, time
import time_machine
time_machine.travel(sys.argv[4]).start()  # the day the tests stand on: the meeting was held
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sendboard.services.common.workspace import open_database
from ui.app import application, make_context
from ui.minutes.page import MinutesPage

db_path, meeting_id, item_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
app = application()
ctx = make_context(open_database(db_path))
MinutesPage.autosave_ms, MinutesPage.autosave_max_ms = 250, 800
page = MinutesPage(ctx)
page.resize(1100, 700)
page.show()
page.activate()

def pump(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)

while page.view is None:
    pump(0.05)
page.show_meeting(meeting_id)
while page.view is None or page.view.meeting_id != meeting_id:
    pump(0.05)
for row in range(page.items.count()):
    if page.items.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
        page.items.setCurrentRow(row)
page.autosave.saved.connect(
    lambda _when: print("SAVED", len(page.autosave._batch[(meeting_id, item_id)]), flush=True)
)
print("READY", flush=True)
n = 0
while True:  # a secretary who never pauses
    QTest.keyClicks(page.editor.text, f"word{n} ")
    n += 1
    pump(0.01)
"""


def _typed(count: int) -> str:
    return "".join(f"word{n} " for n in range(count))


def test_kill_while_typing_keeps_all_but_the_last_moments(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    with time_machine.travel(NOW):
        board: Board1 = make_board(db)
        mins.open_minutes(db, board.first)
    db.close()
    item = board.items["strategy"]
    script = tmp_path / "typist.py"
    script.write_text(TYPIST, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, str(script), str(db_path), str(board.first), str(item), NOW.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    saved = []
    watchdog = threading.Timer(120, process.kill)  # never hang the suite on a stuck typist
    watchdog.start()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("SAVED"):
                saved.append(int(line.split()[1]))
                if len(saved) >= 4:
                    break
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        watchdog.cancel()
    assert len(saved) >= 4, "the typist never saved"
    assert saved == sorted(saved)  # each save holds more of the minute

    db = open_database(db_path)
    try:
        assert db.integrity_check() == "ok"
        text = mins.get_minutes(db, board.first).section(item).text
    finally:
        db.close()
    assert len(text) >= saved[-1]
    stream = _typed(len(text) + 10)
    assert stream.startswith(text[: text.rfind(" ") + 1])  # exactly what was typed, in order
