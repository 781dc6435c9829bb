"""`sendboard compliance`: the invitation compliance record of a board, printed or as a sheet."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sendboard.cli.database import open_target

if TYPE_CHECKING:
    from sendboard.services.meetings.compliance import ComplianceReport


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "compliance",
        parents=[common],
        help="whether each required role was invited to every meeting, and when",
    )
    parser.add_argument(
        "--board", metavar="NAME", help="the board to report on (default: the Improvement Board)"
    )
    parser.add_argument(
        "--out", type=Path, metavar="FILE.xlsx|FILE.csv", help="also write the record to a file"
    )
    parser.set_defaults(run=run)


def render(report: ComplianceReport) -> str:
    """One block per meeting: date, status, then each required role on its own line, with any
    later invitations (re-sends, late ones) on the line under it."""
    width = max((len(r.label) for r in report.roles), default=0)
    lines = [f"Invitation compliance record: {report.board_name}"]
    if report.roles:
        lines.append("Required roles: " + ", ".join(r.label for r in report.roles))
    for row in report.rows:
        lines.append("")
        lines.append(
            f"{row.starts_at:%a} {row.starts_at.day} {row.starts_at:%b %Y %H:%M}  "
            f"{row.status.label}  ({row.note})"
        )
        for cell in row.cells:
            holder = f" to {cell.holder}" if cell.holder and cell.invited_at else ""
            lines.append(f"  {cell.role.label:<{width}}  {cell.text}{holder}")
            if cell.later_text:  # listed beside the evidence, never in its place
                lines.append(f"  {'':<{width}}  {cell.later_text}")
    if not report.rows:
        lines.append("")
        lines.append("No meetings are recorded for this board.")
    lines.append("")
    lines.append(report.summary)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from sendboard.services import boards
    from sendboard.services.meetings import compliance

    with open_target(args) as db:
        board_id = boards.find_board(db, args.board).id if args.board else None
        report = compliance.build_report(db, board_id)
    if args.out:
        compliance.export_report(report, args.out)
    print(render(report))
    if args.out:
        print(f"Written to {args.out}")
    return 0
