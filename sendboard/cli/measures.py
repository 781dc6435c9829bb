"""`sendboard measures`: list measures with their status, export or import the workbook, write a
period's return for the performance team, and set the notice date the targets count from."""

from __future__ import annotations

import argparse
from pathlib import Path

from sendboard.cli.database import open_target
from sendboard.cli.output import checked_import
from sendboard.domain.wording import counted

NOTES_SHOWN = 50


def _day(text: str):  # type: ignore[no-untyped-def]
    from sendboard.domain.periods import period_end
    from sendboard.outputs.sheets import parse_date

    try:
        found = period_end(text)
        return found.day if found else parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "measures", parents=[common], help="performance measures: status, export and import"
    )
    commands = parser.add_subparsers(dest="measures_command", metavar="ACTION", required=True)
    shown = commands.add_parser(
        "list", parents=[common], help="each measure's latest value, status and slippage"
    )
    shown.set_defaults(run=run_list)
    export = commands.add_parser(
        "export", parents=[common], help="write the measures to a .xlsx or .csv file"
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    export.set_defaults(run=run_export)
    load = commands.add_parser(
        "import",
        parents=[common],
        help="import measures or values (a row per measure with period columns, or a row per "
        "value); all rows or none",
    )
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument(
        "--dry-run", action="store_true", help="check the file and print the preview only"
    )
    load.set_defaults(run=run_import)
    values = commands.add_parser(
        "return", parents=[common], help="write a period's return (one row per measure) to fill in"
    )
    values.add_argument(
        "--period", required=True, type=_day, metavar="MONTH", help="e.g. 'May 2027'"
    )
    values.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    values.set_defaults(run=run_return)
    notice = commands.add_parser(
        "notice-date",
        parents=[common],
        help="show or set the date of the Improvement Notice the targets count from",
    )
    notice.add_argument("date", nargs="?", type=_day, metavar="DD/MM/YYYY")
    notice.set_defaults(run=run_notice)


def run_list(args: argparse.Namespace) -> int:
    from sendboard.services import measures

    with open_target(args) as db:
        views = measures.list_measures(db)
    if not views:
        print("No measures yet.")
    for view in views:
        latest = view.latest
        value = f"{view.shown(latest.value)} at {latest.period}" if latest else "no values"
        print(f"{view.reference:<8} {view.status.label:<14} {view.name} — {value}")
        for line in view.slippage:
            print(f"{'':<8} slippage: {line}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from sendboard.services import measures

    with open_target(args) as db:
        count = measures.export_measures(db, args.out)
    print(f"{counted(count, 'measure')} written to {args.out}")
    return 0


def run_return(args: argparse.Namespace) -> int:
    from sendboard.services import measures

    with open_target(args) as db:
        count = measures.export_values(db, args.out, args.period)
    print(f"A return for {counted(count, 'measure')} written to {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sendboard.services import measures

    with open_target(args) as db:
        preview = measures.preview_import(db, args.file)
        return checked_import(
            preview, lambda: measures.import_measures(db, args.file), args.dry_run, NOTES_SHOWN
        )


def run_notice(args: argparse.Namespace) -> int:
    from sendboard.services import measures

    with open_target(args) as db:
        if args.date is not None:
            measures.set_notice_date(db, args.date)
        day = measures.get_notice_date(db)
    if day is None:
        print("No notice date is set: targets count from each measure's baseline date.")
    else:
        print(f"Notice date: {day:%d/%m/%Y}; targets count 3, 6, 12 and 24 months from it.")
    return 0
