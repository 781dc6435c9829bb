"""`sendboard invite`: write a meeting's invitation (.eml draft and .ics) to a folder.

Exits with status 2, writing and recording nothing, when a role the board must invite has nobody
to receive it, or when the meeting has already started: an invitation then is late, and is written
only with `--late`, as a record of a late invitation that the compliance record shows as late.
A cancelled meeting's cancellation is never refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sendboard.cli.database import open_target
from sendboard.errors import ComplianceError, LateHandOffError, ValidationError

GATE_FAILED = 2


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "invite", parents=[common], help="write a meeting's invitation as .eml and .ics files"
    )
    parser.add_argument(
        "--meeting", required=True, metavar="next|ID", help="'next' or a meeting number"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write to")
    parser.add_argument(
        "--late",
        action="store_true",
        help="the meeting has started: write and record this as a late invitation (the "
        "compliance record shows it as late, beside any invitation sent before the meeting)",
    )
    parser.set_defaults(run=run)


def _meeting_id(value: str, db) -> int:  # type: ignore[no-untyped-def]
    from sendboard.services.meetings.invitation_files import next_meeting_id

    if value.strip().lower() == "next":
        return next_meeting_id(db)
    try:
        return int(value)
    except ValueError:
        raise ValidationError(
            f"--meeting takes 'next' or a meeting number, not '{value}'.", "meeting"
        ) from None


def run(args: argparse.Namespace) -> int:
    from sendboard.domain.compliance import LATE_NOTE
    from sendboard.services.meetings.invitation_files import write_invitation_files

    with open_target(args) as db:
        meeting_id = _meeting_id(args.meeting, db)
        try:
            files = write_invitation_files(db, meeting_id, args.out, late=args.late).value
        except LateHandOffError as exc:
            hint = "Use --late to record it as a late invitation."
            print(f"sendboard: {exc} {hint}", file=sys.stderr)
            return GATE_FAILED
        except ComplianceError as exc:
            print(f"sendboard: {exc}", file=sys.stderr)
            return GATE_FAILED
    print(f"Draft:     {files.eml}")
    print(f"Calendar:  {files.ics}")
    print(f"Recipients: {len(files.log.recipients)}  (logged as evidence, channel 'file')")
    if files.log.note.startswith(LATE_NOTE):
        print("Recorded as a late invitation: the meeting had already started.")
    return 0
