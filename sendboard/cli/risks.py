"""`sendboard risks`: export the register or mitigation plan, and import a register."""

from __future__ import annotations

import argparse
from pathlib import Path

from sendboard.errors import SendboardError
from sendboard.outputs.sheets import parse_date
from sendboard.services import risks_io
from sendboard.services.workspace import open_database, resolve_target


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("risks", parents=[common], help="export or import the risk register")
    actions = parser.add_subparsers(dest="risks_command", metavar="ACTION", required=True)

    export = actions.add_parser(
        "export", parents=[common], help="write the register (.xlsx or .csv)"
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--as-at", metavar="DATE", help="the register as it stood at the end of DATE (DD/MM/YYYY)"
    )
    export.add_argument(
        "--mitigation-plan",
        action="store_true",
        help="write the mitigation plan: each risk with its mitigating actions",
    )
    export.set_defaults(run=run_export)

    load = actions.add_parser("import", parents=[common], help="import a register spreadsheet")
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument(
        "--dry-run", action="store_true", help="check every row and report; write nothing"
    )
    load.set_defaults(run=run_import)


def _day(text: str | None):  # type: ignore[no-untyped-def]
    if not text:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise SendboardError(f"--as-at: {exc}") from exc


def run_export(args: argparse.Namespace) -> int:
    as_at = _day(args.as_at)
    db = open_database(resolve_target(args.db))
    try:
        if args.mitigation_plan:
            count = risks_io.export_mitigation_plan(db, args.out, as_at)
            print(f"Mitigation plan ({count} rows) written to {args.out}")
        else:
            count = risks_io.export_register(db, args.out, as_at)
            print(f"Risk register ({count} risks) written to {args.out}")
    finally:
        db.close()
    return 0


def run_import(args: argparse.Namespace) -> int:
    db = open_database(resolve_target(args.db))
    try:
        preview = risks_io.import_risks(db, args.file, dry_run=args.dry_run).value
    finally:
        db.close()
    print(preview.report())
    print("Dry run: nothing was written." if args.dry_run else "Imported.")
    return 0
