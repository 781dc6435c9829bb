"""`sendboard escalations`: what sub-groups have escalated to the board above and is still open,
and for how long."""

from __future__ import annotations

import argparse

from sendboard.cli.database import open_target
from sendboard.cli.output import table


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "escalations", parents=[common], help="list open escalations to a board and their age"
    )
    parser.add_argument("--board", metavar="NAME", help="only those escalated to this board")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sendboard.services.measures.escalations import list_escalations

    with open_target(args) as db:
        rows = list_escalations(db, args.board)
    if not rows:
        scope = f" to {args.board}" if args.board else ""
        print(f"No open escalations{scope}.")
        return 0
    cells = [
        (
            r.kind,
            r.reference,
            r.title,
            r.from_board,
            r.to_board,
            r.owner,
            f"{r.escalated_on:%d/%m/%Y}" if r.escalated_on else "",
            f"{r.age_days} days" if r.age_days is not None else "",
        )
        for r in rows
    ]
    print(table(cells, ("Kind", "Ref", "Title", "From", "To", "Owner", "Escalated", "Age")))
    return 0
