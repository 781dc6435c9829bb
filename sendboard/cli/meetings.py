"""`sendboard meetings`: meetings of one board or all, with the dates the secretariat works to."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sendboard.cli.database import open_target
from sendboard.cli.output import table

if TYPE_CHECKING:
    from datetime import date


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("meetings", parents=[common], help="list meetings with their key dates")
    parser.add_argument("--board", metavar="NAME", help="only this board's meetings")
    parser.add_argument(
        "--all", action="store_true", help="include past meetings (default: from today on)"
    )
    parser.set_defaults(run=run)


def _day(value: date) -> str:
    return f"{value:%a} {value.day:>2} {value:%b %Y}"


def run(args: argparse.Namespace) -> int:
    from sendboard.services import boards, meetings
    from sendboard.services.meetings.columns import COLUMNS, meeting_cells

    with open_target(args) as db:
        board_id = boards.find_board(db, args.board).id if args.board else None
        views = meetings.list_meetings(db, board_id, include_past=args.all)
    if not views:
        scope = f" for {args.board}" if args.board else ""
        when = "" if args.all else " from today on (use --all to include past meetings)"
        print(f"No meetings{scope}{when}.")
        return 0
    rows = [(str(v.id), *meeting_cells(v, _day)) for v in views]
    print(table(rows, ("ID", *COLUMNS)))
    return 0
