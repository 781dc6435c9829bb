"""`sendboard notice` (also `sendboard requirements`): the Improvement Notice's requirements in
from pasted text or a spreadsheet, the coverage view out; `sendboard engagement`: the
co-production log out and in; `sendboard stocktake`: the self-assessment for a stocktake
meeting as Word, or as the meeting's pack (issued like any pack)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sendboard.cli.database import open_target
from sendboard.cli.output import checked_import
from sendboard.domain.wording import counted

NOTES_SHOWN = 50


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    _notice(sub, common)
    _engagement(sub, common)
    parser = sub.add_parser(
        "stocktake",
        parents=[common],
        help="the council's self-assessment for a DfE stocktake: .docx, or the pack .pdf (issued)",
    )
    parser.add_argument(
        "--meeting",
        default="next",
        metavar="next|ID",
        help="the stocktake meeting (default: the next DfE stocktake)",
    )
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.docx|FILE.pdf")
    parser.set_defaults(run=run_stocktake)


def _notice(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "notice",
        aliases=["requirements"],
        parents=[common],
        help="the Improvement Notice's requirements: import, coverage export, show",
    )
    commands = parser.add_subparsers(dest="notice_command", metavar="ACTION", required=True)
    show = commands.add_parser("show", parents=[common], help="the coverage of each requirement")
    show.set_defaults(run=run_show)
    load = commands.add_parser(
        "import",
        parents=[common],
        help="the notice's text as pasted from its PDF (.txt), split by its numbering, or a "
        ".xlsx/.csv with a row per requirement; all or none",
    )
    load.add_argument("file", type=Path, metavar="FILE.txt|FILE.xlsx|FILE.csv")
    load.add_argument("--council", help="the council the notice was issued to")
    load.add_argument("--date", metavar="DD/MM/YYYY", help="the date the notice was issued")
    load.add_argument(
        "--dry-run", action="store_true", help="print each requirement found; save nothing"
    )
    load.set_defaults(run=run_notice_import)
    export = commands.add_parser(
        "export", parents=[common], help="the coverage view, a row per requirement"
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    export.set_defaults(run=run_notice_export)
    link = commands.add_parser(
        "link", parents=[common], help="link actions, measures or risks to a requirement"
    )
    link.add_argument("requirement", metavar="REF", help="e.g. 4e or 9d.II")
    link.add_argument("kind", choices=("action", "measure", "risk"))
    link.add_argument("items", nargs="+", metavar="ITEM_REF")
    link.set_defaults(run=run_link)
    evidence = commands.add_parser(
        "evidence",
        parents=[common],
        help="add a piece of evidence to a requirement: a note, with a file kept in the database",
    )
    evidence.add_argument("requirement", metavar="REF", help="e.g. 4e or 9d.II")
    evidence.add_argument("title", help="what the evidence is, e.g. 'Parent survey results'")
    evidence.add_argument("--note", default="", help="what it shows")
    evidence.add_argument("--file", type=Path, help="a file to keep with it (a copy is stored)")
    evidence.add_argument("--date", metavar="DD/MM/YYYY", help="when it was gathered (today)")
    evidence.set_defaults(run=run_evidence)


def _engagement(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "engagement", parents=[common], help="the co-production and engagement log"
    )
    commands = parser.add_subparsers(dest="engagement_command", metavar="ACTION", required=True)
    shown = commands.add_parser("list", parents=[common], help="every event, oldest first")
    shown.set_defaults(run=run_events)
    export = commands.add_parser("export", parents=[common], help="write the log to .xlsx/.csv")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx|FILE.csv")
    export.set_defaults(run=run_events_export)
    load = commands.add_parser(
        "import", parents=[common], help="import events from .xlsx/.csv; all rows or none"
    )
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--dry-run", action="store_true", help="print the preview only")
    load.set_defaults(run=run_events_import)


def _date(text: str | None):  # type: ignore[no-untyped-def]
    if not text:
        return None
    from sendboard.outputs.sheets import parse_date

    return parse_date(text)


def run_notice_import(args: argparse.Namespace) -> int:
    from sendboard.services import stocktake

    draft = stocktake.draft_from_file(args.file)
    with open_target(args) as db:
        preview = stocktake.preview_notice(db, draft)
        council = args.council or draft.council
        issued = _date(args.date) or draft.issued_on
        print(
            f"Notice to {council or '(council not found: give --council)'}, issued "
            + (f"{issued:%d/%m/%Y}" if issued else "(date not found: give --date)")
        )
        for row, finding in zip(draft.requirements, preview.rows, strict=True):
            mark = "" if row.tracked else " (lead-in: no actions expected)"
            guessed = " [numbered by position]" if row.guessed else ""
            print(f"  {row.reference:<8} {row.text[:80]}{mark}{guessed}")
            if finding.messages and finding.status.value == "error":
                print(f"           problem: {'; '.join(finding.messages)}")
        print(preview.summary())
        if not preview.ok:
            print("Nothing was saved.")
            return 1
        if args.dry_run:
            print("Dry run: nothing was saved.")
            return 0
        stocktake.save_notice(db, draft, council=council or None, issued_on=issued)
        print("Saved.")
    return 0


def run_notice_export(args: argparse.Namespace) -> int:
    from sendboard.services import stocktake

    with open_target(args) as db:
        count = stocktake.export_coverage(db, args.out)
    print(f"{counted(count, 'requirement')} written to {args.out}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from sendboard.services import stocktake

    with open_target(args) as db:
        notice = stocktake.get_notice(db)
        rows = stocktake.coverage(db)
    when = f", issued {notice.issued_on:%d/%m/%Y}" if notice.issued_on else ""
    print(f"Improvement Notice to {notice.council or '(council not set)'}{when}")
    if not rows:
        print("No requirements yet: sendboard notice import FILE.txt")
    for row in rows:
        if not row.tracked:
            print(f"{row.reference:<8} (lead-in) {row.text[:70]}")
            continue
        rag = row.suggestion.rag
        flags = f"  FLAG: {row.flag_text}" if row.flags else ""
        print(f"{row.reference:<8} {rag.letter} {row.text[:70]}{flags}")
        # what answers it, as the coverage export lists it
        for label, lines in (
            ("actions", [i.text for i in row.actions]),
            ("measures", [i.text for i in row.measures]),
            ("risks", [i.text for i in row.risks]),
            ("evidence", list(row.evidence)),
            ("co-production", list(row.engagement)),
        ):
            if lines:
                print(f"{'':<10}{label}: " + "; ".join(lines))
    return 0


def run_link(args: argparse.Namespace) -> int:
    from sendboard.services import stocktake

    links = [(args.requirement, args.kind, item) for item in args.items]
    with open_target(args) as db:
        made = stocktake.link_by_reference(db, links).value
    print(f"{counted(made, 'new link')} to {args.requirement}.")
    return 0


def run_evidence(args: argparse.Namespace) -> int:
    from sendboard.services import stocktake

    with open_target(args) as db:
        requirement_id = stocktake.find_requirement(db, args.requirement)
        stocktake.add_evidence(
            db, requirement_id, args.title, args.note, args.file, on=_date(args.date)
        )
        detail = stocktake.requirement_detail(db, requirement_id)
    from sendboard.domain.wording import counted

    kept = f" with {args.file.name}" if args.file else ""
    pieces = counted(len(detail.evidence), "piece")
    print(f"Evidence added to {detail.reference}{kept}: {pieces} of evidence in all.")
    return 0


def run_events(args: argparse.Namespace) -> int:
    from sendboard.services import stocktake

    with open_target(args) as db:
        events = stocktake.list_events(db)
    if not events:
        print("No co-production or engagement events yet.")
    for event in events:
        count = f", {event.number} took part" if event.number is not None else ""
        print(f"{event.reference:<5} {event.held_on:%d/%m/%Y} {event.format.label}: {event.title}")
        print(f"{'':<6}{'; '.join(event.participants)}{count}")
        if event.changed:
            print(f"{'':<6}we did: {event.changed}")
    return 0


def run_events_export(args: argparse.Namespace) -> int:
    from sendboard.services import stocktake

    with open_target(args) as db:
        count = stocktake.export_events(db, args.out)
    print(f"{counted(count, 'event')} written to {args.out}")
    return 0


def run_events_import(args: argparse.Namespace) -> int:
    from sendboard.services import stocktake

    with open_target(args) as db:
        preview = stocktake.preview_events(db, args.file)
        return checked_import(
            preview, lambda: stocktake.import_events(db, args.file), args.dry_run, NOTES_SHOWN
        )


def run_stocktake(args: argparse.Namespace) -> int:
    from sendboard.services import stocktake
    from sendboard.services.packs import find_meeting

    with open_target(args) as db:
        if args.meeting.strip().lower() == "next":
            meeting_id = stocktake.next_stocktake(db)
        else:
            meeting_id = find_meeting(db, args.meeting)
        if args.out.suffix.lower() == ".pdf":
            issued = stocktake.issue_pack(db, meeting_id, args.out).value
            print(
                f"{issued.kind_label} issued: {counted(issued.pages, 'page')}, "
                f"sha256 {issued.sha256}"
            )
            print(f"Stocktake pack with the self-assessment written to {args.out}")
            return 0
        path = stocktake.write_assessment(db, meeting_id, args.out)
    print(f"Self-assessment written to {path}")
    return 0
