"""The command line parses without the store: the window starts before SQLAlchemy is loaded."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

import sendboard.cli
import sendboard.cli.demo
import sendboard.cli.gui
from sendboard.cli import build_parser, window_arguments
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


WINDOW_ONLY = (
    [],
    ["--db", "board.db"],
    ["--db=board.db", "--demo"],
    ["--demo", "--db", "a.db", "--db", "b.db"],  # the last --db wins, as in argparse
    ["--db="],
    ["--demo"],
    ["--self-test", "--demo"],
    ["--db", "meetings"],  # a file named like a command is still a file
)
NOT_WINDOW_ONLY = (
    ["meetings"],
    ["gui"],
    ["--db", "board.db", "meetings"],
    ["--help"],
    ["--version"],
    ["--de"],  # abbreviations are left to the full parser
    ["--db"],
    ["--db", "--demo"],
    ["stray"],
)


@pytest.mark.parametrize("argv", WINDOW_ONLY)
def test_window_arguments_are_what_the_full_parser_makes(argv: list[str]) -> None:
    quick = window_arguments(argv)
    assert quick is not None
    assert vars(quick) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", NOT_WINDOW_ONLY)
def test_anything_else_is_left_to_the_full_parser(argv: list[str]) -> None:
    assert window_arguments(argv) is None


def test_the_window_is_opened_without_building_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[argparse.Namespace] = []
    monkeypatch.setattr(sendboard.cli.gui, "run", lambda args: opened.append(args) or 0)
    built: list[bool] = []
    monkeypatch.setattr(sendboard.cli, "build_parser", lambda: built.append(True))
    assert sendboard.cli.main(["--db", "board.db"]) == 0
    assert built == []
    assert opened[0].db == "board.db" and not opened[0].demo
