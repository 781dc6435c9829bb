"""`sendboard invite`: write a meeting's invitation (.eml draft and .ics) to a folder.

Exits with status 2, writing nothing, when a role the board must invite has nobody to receive it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sendboard.cli.database import open_target
from sendboard.errors import ComplianceError, ValidationError

GATE_FAILED = 2


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "invite", parents=[common], help="write a meeting's invitation as .eml and .ics files"
    )
    parser.add_argument(
        "--meeting", required=True, metavar="next|ID", help="'next' or a meeting number"
    )
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write to")
    parser.set_defaults(run=run)


def _meeting_id(value: str, db) -> int:  # type: ignore[no-untyped-def]
    from sendboard.services.invitation_files import next_meeting_id

    if value.strip().lower() == "next":
        return next_meeting_id(db)
    try:
        return int(value)
    except ValueError:
        raise ValidationError(
            f"--meeting takes 'next' or a meeting number, not '{value}'.", "meeting"
        ) from None


def run(args: argparse.Namespace) -> int:
    from sendboard.services.invitation_files import write_invitation_files

    with open_target(args) as db:
        meeting_id = _meeting_id(args.meeting, db)
        try:
            files = write_invitation_files(db, meeting_id, args.out).value
        except ComplianceError as exc:
            print(f"sendboard: {exc}", file=sys.stderr)
            return GATE_FAILED
    print(f"Draft:     {files.eml}")
    print(f"Calendar:  {files.ics}")
    print(f"Recipients: {len(files.log.recipients)}  (logged as evidence, channel 'file')")
    return 0
