"""Opening the window loads no library that only some later action needs.

Startup time is dominated by imports. The PDF, spreadsheet, document and calendar writers, and
Alembic for an up-to-date database, are imported where they are used; when this test fails, move
the named library's import into the function that uses it (see bench/startup.py). Pages other
than Home are imported when first shown (ui/pages/__init__.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LATER = ("alembic", "reportlab", "pypdf", "pypdfium2", "PIL", "openpyxl", "docx", "icalendar")


def test_window_start_loads_only_what_the_first_page_needs(demo_template: Path) -> None:
    script = f"""
import sys
from sendboard.cli import main
status = main(["--db", {str(demo_template)!r}])
loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({LATER!r}))
pages = sorted(m for m in sys.modules if m.startswith("ui.pages."))
assert status == 0, status
assert not loaded, f"imported at startup: {{loaded}}"
assert pages == ["ui.pages.base", "ui.pages.empty", "ui.pages.home"], pages
"""
    env = {**os.environ, "SENDBOARD_EXIT_AFTER_SHOWN": "1", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "window-shown" in result.stdout
