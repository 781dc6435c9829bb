"""`sendboard actions`: export the action log to a spreadsheet, or import one (all rows or none)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sendboard.cli.output import print_progress
from sendboard.services import actions
from sendboard.services.workspace import open_database, resolve_target


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("actions", parents=[common], help="export or import the action log")
    commands = parser.add_subparsers(dest="actions_command", metavar="ACTION", required=True)
    export = commands.add_parser(
        "export", parents=[common], help="write the log to a .xlsx or .csv file"
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    export.set_defaults(run=run_export)
    imports = commands.add_parser(
        "import", parents=[common], help="import a log from a .xlsx or .csv file"
    )
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument(
        "--dry-run", action="store_true", help="check the file and print the preview only"
    )
    imports.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    db = open_database(resolve_target(args.db))
    try:
        count = actions.export_actions(db, args.out)
    finally:
        db.close()
    print(f"{count} actions written to {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    db = open_database(resolve_target(args.db))
    try:
        preview = actions.preview_import(db, args.file)
        print(preview.report())
        if not preview.ok:
            print("Nothing was imported.")
            return 1
        if args.dry_run:
            print("Dry run: nothing was imported.")
            return 0
        actions.import_actions(db, args.file, progress=print_progress)
        print("Imported.")
        return 0
    finally:
        db.close()
