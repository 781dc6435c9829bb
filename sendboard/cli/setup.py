"""`sendboard setup template|import`: start with your own board from one workbook."""

from __future__ import annotations

import argparse
import sys
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


def _print_changes(preview) -> None:  # type: ignore[no-untyped-def]
    from sendboard.services.common.imports import RowStatus

    for finding in preview.rows:
        if finding.status in (RowStatus.NEW, RowStatus.UPDATE):
            detail = "; ".join(finding.messages)
            print(
                f"  {finding.where} ({finding.key}): {finding.status.value}"
                + (f": {detail}" if detail else "")
            )


def run_import(args: argparse.Namespace) -> int:
    from sendboard.cli.database import open_target
    from sendboard.errors import ImportRejected
    from sendboard.services.common.imports import RowStatus
    from sendboard.services.setup import import_setup, preview_setup_import

    with open_target(args) as db:
        if args.dry_run:
            preview = preview_setup_import(db, args.file)
            print(preview.report())
            _print_changes(preview)
            if not preview.ok:
                print("sendboard: the file would be refused; nothing was written.", file=sys.stderr)
                return 1
            print("Dry run: nothing was written.")
            return 0
        try:
            preview = import_setup(db, args.file).value
        except ImportRejected as exc:
            print(exc.preview.report() if exc.preview else str(exc))
            print(
                "sendboard: nothing was imported; correct the rows listed and run again.",
                file=sys.stderr,
            )
            return 1
    print(preview.report())
    _print_changes(preview)
    print(
        f"Imported: {preview.count(RowStatus.NEW)} added, "
        f"{preview.count(RowStatus.UPDATE)} updated, "
        f"{preview.count(RowStatus.UNCHANGED)} unchanged."
    )
    return 0
