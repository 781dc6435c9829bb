"""`sendboard pack`: build a meeting's pack (or its supplement) to a PDF file."""

from __future__ import annotations

import argparse
from pathlib import Path

from sendboard.cli.database import open_target
from sendboard.cli.output import print_progress
from sendboard.domain.wording import counted


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("pack", parents=[common], help="build a meeting pack as one PDF")
    parser.add_argument("--meeting", default="next", metavar="next|ID", help="default: next")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    parser.add_argument(
        "--public",
        action="store_true",
        help="for publication: a 'not for publication' notice stands in for each exempt item",
    )
    parser.add_argument(
        "--supplement",
        action="store_true",
        help="only the papers attached since the last pack or supplement was issued; "
        "its pages number on from it",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sendboard.services import packs

    with open_target(args) as db:
        meeting_id = packs.find_meeting(db, args.meeting)
        made = packs.make_pack(
            db,
            meeting_id,
            args.out,
            public=args.public,
            supplement=args.supplement,
            progress=print_progress,
        )
        result = packs.record_pack(db, made).value
        print(f"{result.kind_label}: {counted(result.pages, 'page')}, sha256 {result.sha256}")
        if made.withheld_note:
            print(made.withheld_note)
        if result.supplement and result.follows_id is not None:
            follows = packs.get_pack(db, result.follows_id)
            print(
                f"Numbered {result.page_range}, on from the {follows.kind_label.lower()} "
                f"(pages {follows.page_range}): file it straight after."
            )
        print(f"Written to {args.out}")
    return 0
