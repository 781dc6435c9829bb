"""`sendboard demo`: build the fictional demo borough into a new database."""

from __future__ import annotations

import argparse

from sendboard.cli.output import print_progress

SIZES = ("small", "large")  # sendboard.demo.SIZES, named here so parsing loads no store


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("demo", parents=[common], help="build demo data into a new database")
    parser.add_argument("--size", choices=SIZES, default="small")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sendboard.demo import build_demo
    from sendboard.services.workspace import open_database, resolve_target

    db = open_database(resolve_target(args.db, demo=True))
    try:
        build_demo(db, args.size, print_progress)
        print(f"Demo data ({args.size}) written to {db.label}")
    finally:
        db.close()
    return 0
