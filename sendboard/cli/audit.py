"""`sendboard audit`: the newest entries of the audit trail, one line each."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sendboard.cli.database import open_target

if TYPE_CHECKING:
    from sendboard.services.audit import AuditView


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("audit", parents=[common], help="list recent changes, newest first")
    parser.add_argument("--entity", metavar="TYPE", help="only this kind of record, e.g. Person")
    parser.add_argument("--id", type=int, dest="entity_id", metavar="N", help="only record N")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="default 50")
    parser.set_defaults(run=run)


def line(entry: AuditView) -> str:
    """Local time, user, action, Entity#id, then the changed fields (or the record's name)."""
    when = entry.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    record = entry.entity if entry.entity_id is None else f"{entry.entity}#{entry.entity_id}"
    if entry.action == "update":
        detail = ", ".join(entry.fields)
        if entry.entity_id is None and entry.label:  # a setting: which one
            detail = f"'{entry.label}' {detail}"
    else:
        detail = f"'{entry.label}'" if entry.label else ""
    return f"{when}  {entry.os_user:<12} {entry.action:<6}  {record:<18} {detail}".rstrip()


def run(args: argparse.Namespace) -> int:
    from sendboard.services.audit import list_audit

    with open_target(args) as db:
        entries = list_audit(db, entity=args.entity, entity_id=args.entity_id, limit=args.limit)
    if not entries:
        print("No audit entries match.")
    for entry in entries:
        print(line(entry))
    return 0
