"""`sendboard risks`: export the register or mitigation plan, and import a register."""

from __future__ import annotations

import argparse

from sendboard.cli.database import open_target
from sendboard.cli.spreadsheets import add_export_import
from sendboard.domain.wording import counted
from sendboard.errors import SendboardError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    export = add_export_import(
        sub,
        common,
        "risks",
        "export or import the risk register",
        export_help="write the register (.xlsx or .csv)",
        import_help="import a register spreadsheet",
        dry_run_help="check every row and report; write nothing",
        run_export=run_export,
        run_import=run_import,
        out_metavar="FILE",
    )
    export.add_argument(
        "--as-at", metavar="DATE", help="the register as it stood at the end of DATE (DD/MM/YYYY)"
    )
    export.add_argument(
        "--mitigation-plan",
        action="store_true",
        help="write the mitigation plan: each risk with its mitigating actions",
    )


def _day(text: str | None):  # type: ignore[no-untyped-def]
    if not text:
        return None
    from sendboard.outputs.sheets import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise SendboardError(f"--as-at: {exc}") from exc


def run_export(args: argparse.Namespace) -> int:
    from sendboard.services.risks import io as risks_io

    as_at = _day(args.as_at)
    with open_target(args) as db:
        if args.mitigation_plan:
            count = risks_io.export_mitigation_plan(db, args.out, as_at)
            print(f"Mitigation plan ({counted(count, 'row')}) written to {args.out}")
        else:
            count = risks_io.export_register(db, args.out, as_at)
            print(f"Risk register ({counted(count, 'risk')}) written to {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sendboard.services.risks import io as risks_io

    with open_target(args) as db:
        preview = risks_io.import_risks(db, args.file, dry_run=args.dry_run).value
    print(preview.report())
    print("Dry run: nothing was written." if args.dry_run else "Imported.")
    return 0
