"""`sendboard setup template|import`: start with your own board from one workbook."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "setup",
        parents=[common],
        help="set up boards, people, members, priority areas and timetables from a workbook",
    )
    commands = parser.add_subparsers(dest="setup_command", metavar="ACTION", required=True)
    template = commands.add_parser(
        "template",
        parents=[common],
        help="write the blank setup workbook, with instructions and an example row per sheet",
    )
    template.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    template.set_defaults(run=run_template)
    load = commands.add_parser(
        "import",
        parents=[common],
        help="load a setup workbook: every row of every sheet is checked, then all or none "
        "written; boards with a cadence get a year of meetings",
    )
    load.add_argument("file", type=Path, metavar="FILE.xlsx")
    load.add_argument(
        "--dry-run", action="store_true", help="check and report only; never write anything"
    )
    load.set_defaults(run=run_import)


def run_template(args: argparse.Namespace) -> int:
    from sendboard.services.setup import write_template

    path = write_template(args.out)
    print(f"Setup workbook written to {path}")
    print("Fill in each sheet, then: sendboard setup import " + str(path))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sendboard.cli.database import open_target
    from sendboard.cli.output import all_or_nothing_import
    from sendboard.services.setup import import_setup, preview_setup_import

    with open_target(args) as db:
        return all_or_nothing_import(
            lambda: preview_setup_import(db, args.file),
            lambda: import_setup(db, args.file),
            args.dry_run,
        )
