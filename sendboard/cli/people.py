"""`sendboard people export|import`: the contact list to and from a spreadsheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sendboard.errors import ImportRejected
from sendboard.services.imports import ImportPreview, RowStatus
from sendboard.services.people_io import export_people, import_people, preview_people_import
from sendboard.services.workspace import open_database, resolve_target


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "people", parents=[common], help="export or import the contact list (.csv or .xlsx)"
    )
    actions = parser.add_subparsers(dest="people_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", parents=[common], help="write everyone to a file")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.csv|FILE.xlsx")
    export.set_defaults(run=run_export)
    imp = actions.add_parser(
        "import",
        parents=[common],
        help="add and update people from a file: every row is checked, then all or none written",
    )
    imp.add_argument("file", type=Path, metavar="FILE.csv|FILE.xlsx")
    imp.add_argument(
        "--dry-run", action="store_true", help="check and report only; never write anything"
    )
    imp.set_defaults(run=run_import)


def _print_changes(preview: ImportPreview) -> None:
    """One line per person added or updated, after the summary."""
    for finding in preview.rows:
        if finding.status in (RowStatus.NEW, RowStatus.UPDATE):
            detail = "; ".join(finding.messages)
            print(
                f"  row {finding.row} ({finding.key}): {finding.status.value}"
                + (f": {detail}" if detail else "")
            )


def run_export(args: argparse.Namespace) -> int:
    db = open_database(resolve_target(args.db))
    try:
        count = export_people(db, args.out)
    finally:
        db.close()
    print(f"{count} people written to {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    db = open_database(resolve_target(args.db))
    try:
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
    finally:
        db.close()
    print(preview.report())
    _print_changes(preview)
    print(
        f"Imported: {preview.count(RowStatus.NEW)} added, "
        f"{preview.count(RowStatus.UPDATE)} updated."
    )
    return 0
