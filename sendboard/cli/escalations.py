"""`sendboard escalations`: the actions, risks and issues escalated to a board and still awaiting
its response, with their age; `respond` records a board's response, `onward` passes one on to
the board above it."""

from __future__ import annotations

import argparse

from sendboard.cli.database import open_target
from sendboard.cli.output import table

#: Reason and ask are cut to this many characters in the list (the window shows them whole).
SHOWN = 70


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "escalations",
        parents=[common],
        help="list open escalations (action, risk, issue) and their age; record a response",
    )
    parser.add_argument("--board", metavar="NAME", help="only those escalated to this board")
    parser.set_defaults(run=run)
    commands = parser.add_subparsers(dest="escalations_command", metavar="ACTION")
    answer = commands.add_parser(
        "respond", parents=[common], help="record the board's response, which closes it"
    )
    answer.add_argument("id", type=int, metavar="ID", help="the escalation's number in the list")
    answer.add_argument("--response", required=True, metavar="TEXT")
    answer.add_argument(
        "--meeting", type=int, metavar="ID", help="the board's meeting that responded"
    )
    answer.set_defaults(run=run_respond)
    onward = commands.add_parser(
        "onward", parents=[common], help="escalate it again, to the board above this one"
    )
    onward.add_argument("id", type=int, metavar="ID")
    onward.add_argument("--reason", required=True, metavar="TEXT")
    onward.add_argument("--ask", required=True, metavar="TEXT")
    onward.add_argument("--meeting", type=int, metavar="ID", help="the meeting that decided it")
    onward.set_defaults(run=run_onward)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def run(args: argparse.Namespace) -> int:
    from sendboard.services.escalations import list_escalations

    with open_target(args) as db:
        rows = list_escalations(db, args.board)
    if not rows:
        scope = f" to {args.board}" if args.board else ""
        print(f"No open escalations{scope}.")
        return 0
    cells = []
    for r in rows:
        cells.append(
            (
                str(r.id),
                r.kind.label,
                _cut(r.title),
                r.from_board,
                r.to_board,
                f"{r.raised_on:%d/%m/%Y}",
                r.age,
            )
        )
        cells.append(("", "", f"  Reason: {_cut(r.reason)}", "", "", "", ""))
        if r.ask:
            cells.append(("", "", f"  Ask: {_cut(r.ask)}", "", "", "", ""))
    print(table(cells, ("ID", "Kind", "Escalated", "From", "To", "Raised", "Age")))
    return 0


def run_respond(args: argparse.Namespace) -> int:
    from sendboard.services.escalations import respond

    with open_target(args) as db:
        view = respond(db, args.id, args.response, meeting_id=args.meeting).value
    where = f" at {view.responded_at}" if view.responded_at else ""
    print(f"Recorded {view.to_board}'s response to {view.subject}{where}; it is closed.")
    return 0


def run_onward(args: argparse.Namespace) -> int:
    from sendboard.services.escalations import escalate_onward

    with open_target(args) as db:
        view = escalate_onward(db, args.id, args.reason, args.ask, meeting_id=args.meeting).value
    print(f"Escalated {view.subject} from {view.from_board} to {view.to_board} (ID {view.id}).")
    return 0
