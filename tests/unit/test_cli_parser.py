"""The command line parses without the store: the window starts before SQLAlchemy is loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sendboard.cli.demo
from sendboard.demo import SIZES


def test_demo_sizes_offered_are_the_demo_builders_sizes() -> None:
    assert sendboard.cli.demo.SIZES == SIZES


def test_building_the_parser_loads_no_store() -> None:
    script = """
import sys
from sendboard.cli import build_parser
args = build_parser().parse_args(["people", "export", "--out", "x.csv"])
assert args.run.__name__ == "run_export"
heavy = sorted(m for m in sys.modules if m.startswith(("sqlalchemy", "sendboard.store")))
assert not heavy, heavy
"""
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script], check=True, cwd=root)
