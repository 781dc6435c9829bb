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
import sendboard.cli.meetings
from sendboard.cli import build_parser, only_opens_the_window
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
    ["--demo"],
    ["--self-test"],
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
    ["stray"],
)


@pytest.mark.parametrize("argv", WINDOW_ONLY)
def test_window_arguments_parse_the_same_without_the_commands(argv: list[str]) -> None:
    assert only_opens_the_window(argv)
    assert vars(build_parser(commands=False).parse_args(argv)) == vars(
        build_parser().parse_args(argv)
    )


@pytest.mark.parametrize("argv", NOT_WINDOW_ONLY)
def test_anything_else_is_parsed_with_every_command(argv: list[str]) -> None:
    assert not only_opens_the_window(argv)


def test_the_window_is_opened_without_building_the_commands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[argparse.Namespace] = []
    monkeypatch.setattr(sendboard.cli.gui, "run", lambda args: opened.append(args) or 0)
    registered: list[str] = []
    monkeypatch.setattr(
        sendboard.cli.meetings, "register", lambda sub, common: registered.append("meetings")
    )
    assert sendboard.cli.main(["--db", "board.db"]) == 0
    assert registered == []
    assert opened[0].db == "board.db" and not opened[0].demo
