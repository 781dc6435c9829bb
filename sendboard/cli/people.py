"""`sendboard people export|import`: the contact list to and from a spreadsheet."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sendboard.cli.database import open_target
from sendboard.cli.output import all_or_nothing_import
from sendboard.cli.spreadsheets import add_export_import
from sendboard.domain.wording import counted

if TYPE_CHECKING:  # the services are loaded when a command runs, not to parse its arguments
    pass


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    add_export_import(
        sub,
        common,
        "people",
        "export or import the contact list (.csv or .xlsx)",
        export_help="write everyone to a file",
        import_help="add and update people from a file: every row is checked, "
        "then all or none written",
        dry_run_help="check and report only; never write anything",
        run_export=run_export,
        run_import=run_import,
        out_metavar="FILE.csv|FILE.xlsx",
        file_metavar="FILE.csv|FILE.xlsx",
    )


def run_export(args: argparse.Namespace) -> int:
    from sendboard.services.people.io import export_people

    with open_target(args) as db:
        count = export_people(db, args.out)
    print(f"{counted(count, 'person')} written to {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sendboard.services.people.io import import_people, preview_people_import

    with open_target(args) as db:
        return all_or_nothing_import(
            lambda: preview_people_import(db, args.file),
            lambda: import_people(db, args.file),
            args.dry_run,
        )
