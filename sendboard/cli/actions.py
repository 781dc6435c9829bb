"""`sendboard actions`: export the action log to a spreadsheet, or import one (all rows or none)."""

from __future__ import annotations

import argparse

from sendboard.cli.database import open_target
from sendboard.cli.output import checked_import, print_progress
from sendboard.cli.spreadsheets import add_export_import
from sendboard.domain.wording import counted

#: Notes on sound rows printed before importing ("Due date: May 2025 read as 31 May 2025").
NOTES_SHOWN = 50


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    add_export_import(
        sub,
        common,
        "actions",
        "export or import the action log",
        export_help="write the log to a .xlsx or .csv file",
        import_help="import a log from a .xlsx or .csv file",
        dry_run_help="check the file and print the preview only",
        run_export=run_export,
        run_import=run_import,
    )


def run_export(args: argparse.Namespace) -> int:
    from sendboard.services import actions

    with open_target(args) as db:
        count = actions.export_actions(db, args.out)
    print(f"{counted(count, 'action')} written to {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sendboard.services import actions

    with open_target(args) as db:
        preview = actions.preview_import(db, args.file)
        return checked_import(
            preview,
            lambda: actions.import_actions(db, args.file, progress=print_progress),
            args.dry_run,
            NOTES_SHOWN,
        )
