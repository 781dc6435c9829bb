"""`sendboard [gui]`: open the window. The front end is imported only here, and only when run."""

from __future__ import annotations

import argparse
import importlib


def add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--demo", action="store_true", help="open on the demo database (built on first use)"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="build a temporary demo database, render the window offscreen, exit 0 if it works",
    )


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("gui", parents=[common], help="open the window (the default)")
    add_window_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    app = importlib.import_module("ui.app")
    if args.self_test:
        return int(app.self_test())
    return int(app.main(db=args.db, demo=args.demo))
