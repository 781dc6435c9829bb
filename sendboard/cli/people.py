"""`sendboard people export|import`: the contact list to and from a spreadsheet."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from sendboard.cli.database import open_target
from sendboard.cli.spreadsheets import add_export_import
from sendboard.domain.wording import counted
from sendboard.errors import ImportRejected

if TYPE_CHECKING:  # the services are loaded when a command runs, not to parse its arguments
    from sendboard.services.common.imports import ImportPreview


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


def _print_changes(preview: ImportPreview) -> None:
    """One line per person added or updated, after the summary."""
    from sendboard.services.common.imports import RowStatus

    for finding in preview.rows:
        if finding.status in (RowStatus.NEW, RowStatus.UPDATE):
            detail = "; ".join(finding.messages)
            print(
                f"  row {finding.row} ({finding.key}): {finding.status.value}"
                + (f": {detail}" if detail else "")
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
        if args.dry_run:
            preview = preview_people_import(db, args.file)
            print(preview.report())
            _print_changes(preview)
            if not preview.ok:
                print("sendboard: the file would be refused; nothing was written.", file=sys.stderr)
                return 1
            print("Dry run: nothing was written.")
            return 0
        try:
            preview = import_people(db, args.file).value
        except ImportRejected as exc:
            print(exc.preview.report() if exc.preview else str(exc))
            print(
                "sendboard: nothing was imported; correct the rows listed and run again.",
                file=sys.stderr,
            )
            return 1
    from sendboard.services.common.imports import RowStatus

    print(preview.report())
    _print_changes(preview)
    print(
        f"Imported: {preview.count(RowStatus.NEW)} added, "
        f"{preview.count(RowStatus.UPDATE)} updated."
    )
    return 0
