"""Startup time: process launch to the main window shown with its Home page loaded.

Measured against a floor taken in the same run: a bare PySide6 process showing a QMainWindow with
one QTableView. Each program runs as a fresh process several times (offscreen Qt), alternating
with the other so both see the same machine load; medians are reported. The app is launched on
the large demo database (built first, untimed) with SENDBOARD_EXIT_AFTER_SHOWN=1, which makes it
print `window-shown` and quit once the window is up and the Home page has its data (ui/app.py).

The clock starts in this process just before launch — earlier than anything the child could
take — and stops when the child's `window-shown` line arrives, identically for app and floor.

    python bench/startup.py [--runs 5] [--frozen dist/sendboard/sendboard]

The last line is `startup_vs_floor_ratio=<app median / floor median>` (target: at most 1.5).
With --frozen, the frozen bundle is timed too and reported beside it (for information).
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
MARKER = "window-shown"

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


def time_to_marker(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launching `command` until it prints the marker line, and its CPU seconds."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if line.strip() == MARKER:
            elapsed = time.perf_counter() - started
            break
    process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or elapsed is None:
        raise SystemExit(f"{' '.join(command)} did not report {MARKER!r} and exit cleanly")
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
        for command in programs.values():  # warm-up: caches, compiled bytecode, first backup
            time_to_marker(command, env)
        times: dict[str, list[float]] = {name: [] for name in programs}
        cpu: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.runs):
            for name, command in programs.items():
                wall, used = time_to_marker(command, env)
                times[name].append(wall)
                cpu[name].append(used)

    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"runs per program: {args.runs} (offscreen, large demo database)")
    print("wall time from launch to window shown (CPU time of the whole process beside it)")
    for name, values in times.items():
        spread = ", ".join(f"{v * 1000:.0f}" for v in values)
        print(
            f"{name:<10} median {medians[name] * 1000:6.0f} ms"
            f"  (cpu {statistics.median(cpu[name]) * 1000:4.0f} ms)   runs: {spread}"
        )
    print(f"startup_vs_floor_orm_ratio={medians['sendboard'] / medians['floor+orm']:.2f}")
    if "frozen" in medians:
        print(f"frozen_vs_floor_ratio={medians['frozen'] / medians['floor']:.2f}")
    print(f"startup_vs_floor_ratio={medians['sendboard'] / medians['floor']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
