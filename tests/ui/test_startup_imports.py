"""Opening the window loads no library that only some later action needs.

Startup time is dominated by imports. The window's shell (sidebar, page places, status bar) is
shown before SQLAlchemy, the store, the services or the demo builder are imported: the database
is opened behind it (ui/opening.py). The PDF, spreadsheet, document and calendar writers, and
Alembic for an up-to-date database, are imported where they are used; when this test fails, move
the named library's import into the function that uses it (see bench/startup.py). Pages other
than Home are imported when first shown (ui/pages.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE_PACKAGES = (
    "ui.home.",
    "ui.meetings.",
    "ui.actions.",
    "ui.risks.",
    "ui.people.",
    "ui.settings.",
)
LATER = ("alembic", "reportlab", "pypdf", "pypdfium2", "PIL", "openpyxl", "docx", "icalendar")
# What the shell must be shown without: the storage layer and everything built on it, the
# pages' shared code, the user-folder lookup (not needed when the database is named), and
# standard modules only the work behind the shell needs.
BEHIND_THE_SHELL = (
    "sqlalchemy",
    "sendboard.store",
    "sendboard.services",
    "sendboard.demo",
    "ui.context",
    *PAGE_PACKAGES,
    "ui.performance.",
    # The pages' shared base and dialogs.
    "ui.common.page",
    "ui.common.errors",
    "ui.common.confirm",
    "ui.common.record_dialog",
    "ui.common.import_preview",
    "platformdirs",
    # Standard modules the shell has no use for (records are NamedTuples before the paint).
    "dataclasses",
    "datetime",
)


def _run(script: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SENDBOARD_EXIT_AFTER_SHOWN": "1", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_window_start_loads_only_what_the_first_page_needs(demo_template: Path) -> None:
    script = f"""
import sys
from sendboard.cli import main
status = main(["--db", {str(demo_template)!r}])
loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({LATER!r}))
pages = sorted(m for m in sys.modules if m.startswith("ui.") and m.endswith(".page"))
assert status == 0, status
assert not loaded, f"imported at startup: {{loaded}}"
assert pages == ["ui.common.page", "ui.home.page"], pages
import gc
assert gc.get_freeze_count() > 50000, gc.get_freeze_count()  # startup's objects, out of the way
"""
    result = _run(script)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["window-shown", "home-ready"]


def test_the_shell_is_shown_and_painted_before_the_store_is_imported(demo_template: Path) -> None:
    """From the command line's start to the painted sidebar: no SQLAlchemy, store, services or
    demo code, no page module, and (where PySide builds it lazily) no Qt enum namespace."""
    script = f"""
import sys
from PySide6 import QtCore, QtWidgets
lazy_enums = "Qt" not in vars(QtCore)  # PySide builds it when first named: ~15 ms
import ui.main_window
from sendboard.cli import main

behind = {BEHIND_THE_SHELL!r}
seen = []

def loaded():
    names = sorted(m for m in sys.modules if m.startswith(behind))
    if lazy_enums and "Qt" in vars(QtCore):
        names.append("PySide6.QtCore.Qt")  # Qt's enum namespace, built on first use
    return names

class Watched(ui.main_window.MainWindow):
    def __init__(self, *args, **kwargs):
        seen.append(("built", loaded()))
        super().__init__(*args, **kwargs)
        self.painted.connect(lambda: seen.append(("painted", loaded())))

ui.main_window.MainWindow = Watched
import ui.app
ui.app.MainWindow = Watched
assert main(["--db", {str(demo_template)!r}]) == 0
assert seen[0] == ("built", []), seen[0]
assert seen[1] == ("painted", []), seen[1]
assert "sqlalchemy" in sys.modules  # and the database was opened behind it
"""
    result = _run(script)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "home-ready" in result.stdout
