"""`sendboard demo`: build the fictional demo borough into a new database."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

from sendboard.cli.output import print_progress

SIZES = ("small", "large")  # sendboard.demo.SIZES, named here so parsing loads no store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("demo", parents=[common], help="build demo data into a new database")
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.add_argument(
        "--today",
        type=_day,
        metavar="YYYY-MM-DD",
        help="build the demo as it would stand on this day (default: today)",
    )
    parser.set_defaults(run=run)


def _day(text: str) -> date:
    from datetime import date  # not at startup: the window's shell is shown without it

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2027-03-31") from None


def run(args: argparse.Namespace) -> int:
    from sendboard.cli.database import say_waiting, say_waiting_to_write
    from sendboard.demo import build_demo
    from sendboard.services.common.workspace import open_database, resolve_target

    db = open_database(resolve_target(args.db, demo=True), on_wait=say_waiting())
    db.on_write_wait = say_waiting_to_write()
    try:
        build_demo(db, args.size, print_progress, today=args.today)
        as_at = f" as at {args.today:%d %B %Y}" if args.today else ""
        print(f"Demo data ({args.size}){as_at} written to {db.label}")
    finally:
        db.close()
    return 0
