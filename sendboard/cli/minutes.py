"""`sendboard minutes`, `sendboard decisions` and `sendboard interests`: minutes to Word or PDF,
recording decisions, circulation, approval and errata, and the decision log and register of
interests to .xlsx or .csv."""

from __future__ import annotations

import argparse
from pathlib import Path

from sendboard.cli.database import open_target
from sendboard.domain.wording import counted, prose_date


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    minutes = sub.add_parser("minutes", parents=[common], help="minutes of meetings")
    actions = minutes.add_subparsers(dest="minutes_command", metavar="ACTION", required=True)

    export = actions.add_parser(
        "export", parents=[common], help="write a meeting's minutes (.docx or .pdf)"
    )
    _meeting(export)
    export.add_argument("--out", required=True, type=Path, metavar="FILE.docx|FILE.pdf")
    export.add_argument(
        "--public",
        action="store_true",
        help="the public copy: a 'not for publication' notice stands in for each exempt item",
    )
    export.set_defaults(run=run_export)

    decide = actions.add_parser("decide", parents=[common], help="record a decision (RESOLVED)")
    _meeting(decide)
    _item(decide)
    decide.add_argument("--text", required=True, help="the resolution")
    decide.set_defaults(run=run_decide)

    for name, help_text in (
        ("send-to-chair", "mark the draft as sent to the chair for checking"),
        ("circulate", "mark the minutes as circulated to members"),
    ):
        step = actions.add_parser(name, parents=[common], help=help_text)
        _meeting(step)
        step.set_defaults(run=run_step, step=name)

    approve = actions.add_parser(
        "approve", parents=[common], help="record approval at a later meeting; locks them"
    )
    _meeting(approve)
    approve.add_argument(
        "--at", type=int, metavar="ID", help="the meeting that approved them (default: the next)"
    )
    approve.add_argument("--amendments", default="", help="amendments agreed, if any")
    approve.set_defaults(run=run_approve)

    erratum = actions.add_parser(
        "erratum", parents=[common], help="add an audited correction to approved minutes"
    )
    _meeting(erratum)
    _item(erratum)
    erratum.add_argument("--text", required=True, help="the correction")
    erratum.set_defaults(run=run_erratum)

    decisions = sub.add_parser("decisions", parents=[common], help="the decision log")
    d_actions = decisions.add_subparsers(dest="decisions_command", metavar="ACTION", required=True)
    d_export = d_actions.add_parser(
        "export", parents=[common], help="write every decision (.xlsx or .csv)"
    )
    d_export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    d_export.add_argument("--board", metavar="NAME", help="only this board's decisions")
    d_export.set_defaults(run=run_decisions)

    interests = sub.add_parser("interests", parents=[common], help="the register of interests")
    i_actions = interests.add_subparsers(dest="interests_command", metavar="ACTION", required=True)
    i_export = i_actions.add_parser(
        "export", parents=[common], help="write the register (.xlsx or .csv)"
    )
    i_export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    i_export.set_defaults(run=run_interests)


def _meeting(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meeting", required=True, type=int, metavar="ID")


def _item(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--item", type=int, metavar="N", help="the agenda item's number (default: the meeting)"
    )


def _item_id(db, meeting_id: int, number: int | None) -> int | None:  # type: ignore[no-untyped-def]
    from sendboard.errors import ValidationError
    from sendboard.services import minutes

    if number is None:
        return None
    sections = minutes.get_minutes(db, meeting_id).sections
    for section in sections:
        if section.number == number:
            return section.agenda_item_id
    raise ValidationError(f"The meeting's agenda has items 1 to {len(sections)}, not {number}.")


def run_export(args: argparse.Namespace) -> int:
    from sendboard.services import minutes

    with open_target(args) as db:
        out = minutes.export_minutes(db, args.meeting, args.out, public=args.public)
    copy = "Public copy" if args.public else "Minutes"
    print(f"{copy} written to {out}")
    return 0


def run_decide(args: argparse.Namespace) -> int:
    from sendboard.services import minutes

    with open_target(args) as db:
        item = _item_id(db, args.meeting, args.item)
        decision = minutes.add_decision(db, args.meeting, item, args.text).value
    print(f"Decision {decision.reference} recorded.")
    return 0


def run_step(args: argparse.Namespace) -> int:
    from sendboard.services import minutes

    step = {"send-to-chair": minutes.send_to_chair, "circulate": minutes.circulate}[args.step]
    with open_target(args) as db:
        view = step(db, args.meeting).value
    print(f"Minutes of {view.meeting_label}: {view.status.label.lower()}.")
    return 0


def run_approve(args: argparse.Namespace) -> int:
    from sendboard.services import minutes

    with open_target(args) as db:
        view = minutes.approve(
            db, args.meeting, at_meeting_id=args.at, amendments=args.amendments
        ).value
    at = prose_date(view.approved_at_date)
    print(f"Minutes of {view.meeting_label} approved at the meeting of {at}; now locked.")
    return 0


def run_erratum(args: argparse.Namespace) -> int:
    from sendboard.services import minutes

    with open_target(args) as db:
        item = _item_id(db, args.meeting, args.item)
        minutes.add_erratum(db, args.meeting, args.text, item)
    print("Erratum recorded beside the approved minutes.")
    return 0


def run_decisions(args: argparse.Namespace) -> int:
    from sendboard.services import minutes

    with open_target(args) as db:
        count = minutes.export_decisions(db, args.out, args.board)
    print(f"Decision log ({counted(count, 'decision')}) written to {args.out}")
    return 0


def run_interests(args: argparse.Namespace) -> int:
    from sendboard.services import minutes

    with open_target(args) as db:
        count = minutes.export_interests(db, args.out)
    print(f"Register of interests ({counted(count, 'entry')}) written to {args.out}")
    return 0
