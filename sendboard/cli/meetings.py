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
    from sendboard.services.meetings.columns import COLUMNS, MINUTES_DUE, meeting_cells
    from sendboard.services.minutes.read import overdue_minutes

    with open_target(args) as db:
        board = boards.find_board(db, args.board) if args.board else None
        views = meetings.list_meetings(db, board and board.id, include_past=args.all)
        overdue = [r for r in overdue_minutes(db) if board is None or r.board_name == board.name]
    late = {r.meeting_id for r in overdue}
    if not views:
        scope = f" for {args.board}" if args.board else ""
        when = "" if args.all else " from today on (use --all to include past meetings)"
        print(f"No meetings{scope}{when}.")
    else:
        rows = []
        for view in views:
            cells = list(meeting_cells(view, _day))
            if view.id in late:
                cells[MINUTES_DUE] += " OVERDUE"
            rows.append((str(view.id), *cells))
        print(table(rows, ("ID", *COLUMNS)))
    unlisted = [r for r in overdue if r.meeting_id not in {v.id for v in views}]
    if unlisted:
        print()
        print("Minutes overdue (drafts not yet circulated):")
        for row in unlisted:
            print(
                f"  {row.meeting_id:>4}  {row.label}: {row.status_label.lower()}, "
                f"due {_day(row.minutes_due).replace('  ', ' ')}"
            )
    return 0
