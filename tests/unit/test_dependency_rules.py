"""The house rules: the core never loads Qt; the front end never touches the store."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_and_services_load_no_qt(tmp_path: Path) -> None:
    script = f"""
import sys, pkgutil, importlib
import sendboard, sendboard.cli
for info in pkgutil.walk_packages(sendboard.__path__, 'sendboard.'):
    if '.migrations' not in info.name and not info.name.endswith('__main__'):
        importlib.import_module(info.name)
from sendboard.services.common.workspace import open_database
from sendboard.demo import build_demo
from sendboard.services import boards
db = open_database({str(tmp_path / "x.db")!r})
build_demo(db)
boards.list_boards(db)
qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui')))
assert not qt, qt
"""
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_ui_never_imports_the_store() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            n for n in _imports(path) if n.startswith("sendboard.store")
        )
        for path in (ROOT / "ui").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_never_imports_qt_or_ui() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            n for n in _imports(path) if n.split(".")[0] in ("PySide6", "shiboken6", "ui")
        )
        for path in (ROOT / "sendboard").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


CLOCK_READS = ("date.today", "datetime.now", "datetime.utcnow", "time.time", "currentDate")


def test_only_the_clock_reads_the_system_clock() -> None:
    """Today and now come from sendboard.clock, so tests and `demo --today` can move them."""
    offenders = []
    for path in [*(ROOT / "sendboard").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        if path == ROOT / "sendboard" / "clock.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and ast.unparse(node).endswith(CLOCK_READS):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []
