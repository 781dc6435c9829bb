"""Startup time: process launch to the main window shown, and to its Home page populated.

Measured against a floor taken in the same run: a bare PySide6 process showing a QMainWindow with
one QTableView. Each program runs as a fresh process several times (offscreen Qt), alternating
with the others so all see the same machine load; medians are reported. The app is launched on
the large demo database (built first, untimed) with SENDBOARD_EXIT_AFTER_SHOWN=1 (ui/app.py),
which makes it print two marker lines and quit:

- `window-shown`: the real main window is on screen and its sidebar has been painted (the
  navigation list's items have been drawn: its first paint event has completed). The window
  shows its shell at this point: the sidebar, each page's title with a quiet "Opening the
  database…" line, and the status bar naming the database being opened; SQLAlchemy and the
  store are not imported yet. This is the issue's figure: process start to the main window
  shown.
- `home-ready`: the database is open and the Home page has received the results of all its
  queries (meetings, boards, invitation gates, action log, risks): what the secretary came for.

The floors print `window-shown` once their window is shown and its first events (the paint)
processed. `floor+orm` also imports SQLAlchemy's ORM and opens an SQLite connection before
showing, the part of the Home figure that any storage layer on SQLAlchemy cannot avoid.

The clock starts in this process just before launch — earlier than anything the child could
take — and stops when each marker line arrives, identically for app and floors.

    python bench/startup.py [--runs 5] [--frozen dist/sendboard/sendboard]

Lines printed:
    startup_vs_floor_ratio      window shown / bare floor (the issue's target: at most 1.5)
    home_vs_floor_ratio         Home populated / bare floor
    home_vs_floor_orm_ratio     Home populated / floor+orm
The last line is always `startup_vs_floor_ratio=<number>`. With --frozen, the frozen bundle is
timed too and reported beside it (for information).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "window-shown"  # the window is on screen, painted
READY = "home-ready"  # the app only: Home has its data
APPS = ("sendboard", "frozen")

FLOOR = f"""
import sys
{{orm}}
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1280, 800)
window.show()

def shown():
    app.processEvents()
    print({MARKER!r}, flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
"""
# For information: the floor plus loading SQLAlchemy's ORM and opening an SQLite connection,
# the part of startup that the app's storage layer cannot avoid.
ORM = """
import sqlalchemy, sqlalchemy.orm
sqlalchemy.create_engine("sqlite://").connect().close()
"""


def time_to_markers(
    command: list[str], env: dict[str, str], markers: tuple[str, ...]
) -> tuple[dict[str, float], float]:
    """Seconds from launching `command` until it prints each marker line, and its CPU seconds."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    elapsed: dict[str, float] = {}
    for line in process.stdout:
        if line.strip() in markers and line.strip() not in elapsed:
            elapsed[line.strip()] = time.perf_counter() - started
            if len(elapsed) == len(markers):
                break
    process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or len(elapsed) != len(markers):
        raise SystemExit(f"{' '.join(command)} did not report {markers} and exit cleanly")
    return elapsed, usage.ru_utime + usage.ru_stime


def build_large_demo(folder: Path, env: dict[str, str]) -> Path:
    database = folder / "large.db"
    subprocess.run(
        [sys.executable, "-m", "sendboard", "demo", "--db", str(database), "--size", "large"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--frozen", type=Path, help="also time this frozen sendboard executable")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sendboard-bench-") as folder:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "SENDBOARD_HOME": str(Path(folder) / "home"),
            "SENDBOARD_EXIT_AFTER_SHOWN": "1",
            "PYTHONPATH": str(ROOT),
        }
        # Like an installed app, run from compiled bytecode (the warm-up run writes it).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        database = build_large_demo(Path(folder), env)
        programs = {
            "floor": [sys.executable, "-c", FLOOR.format(orm="")],
            "floor+orm": [sys.executable, "-c", FLOOR.format(orm=ORM)],
            "sendboard": [sys.executable, "-m", "sendboard", "--db", str(database)],
        }
        if args.frozen:
            programs["frozen"] = [str(args.frozen.resolve()), "--db", str(database)]
        app_markers = (MARKER, READY)
        markers = {name: app_markers if name in APPS else (MARKER,) for name in programs}
        for name, command in programs.items():  # warm-up: caches, bytecode, first backup
            time_to_markers(command, env, markers[name])
        times: dict[str, list[float]] = {name: [] for name in programs}
        ready: dict[str, list[float]] = {name: [] for name in programs if name in APPS}
        cpu: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.runs):
            for name, command in programs.items():
                elapsed, used = time_to_markers(command, env, markers[name])
                times[name].append(elapsed[MARKER])
                if name in ready:
                    ready[name].append(elapsed[READY])
                cpu[name].append(used)

    shown = {name: statistics.median(values) for name, values in times.items()}
    home = {name: statistics.median(values) for name, values in ready.items()}
    print(f"runs per program: {args.runs} (offscreen, large demo database)")
    print("wall time from launch to window shown (CPU time of the whole process beside it)")
    for name, values in times.items():
        print(_row(name, shown[name], values, statistics.median(cpu[name])))
    print("wall time from launch to Home populated")
    for name, values in ready.items():
        print(_row(name, home[name], values))
    print(f"home_vs_floor_ratio={home['sendboard'] / shown['floor']:.2f}")
    print(f"home_vs_floor_orm_ratio={home['sendboard'] / shown['floor+orm']:.2f}")
    if "frozen" in shown:
        print(f"frozen_vs_floor_ratio={shown['frozen'] / shown['floor']:.2f}")
        print(f"frozen_home_vs_floor_ratio={home['frozen'] / shown['floor']:.2f}")
    print(f"startup_vs_floor_ratio={shown['sendboard'] / shown['floor']:.2f}")
    return 0


def _row(name: str, median: float, values: list[float], cpu: float | None = None) -> str:
    spread = ", ".join(f"{v * 1000:.0f}" for v in values)
    used = f"  (cpu {cpu * 1000:4.0f} ms)" if cpu is not None else " " * 16
    return f"{name:<10} median {median * 1000:6.0f} ms{used}   runs: {spread}"


if __name__ == "__main__":
    raise SystemExit(main())
