"""`sendboard backups` lists the database's backups; `sendboard restore BACKUP` puts one back."""

from __future__ import annotations

import argparse

from sendboard.cli.output import table


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    listing = sub.add_parser("backups", parents=[common], help="list the database's backups")
    listing.set_defaults(run=run_list)
    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="put a backup back in place of the database (the current file is kept first)",
    )
    restore.add_argument(
        "backup", metavar="BACKUP", help="a name from `sendboard backups`, or a path"
    )
    restore.set_defaults(run=run_restore)


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def run_list(args: argparse.Namespace) -> int:
    from sendboard.paths import target_label
    from sendboard.services.common.workspace import (
        SERVER_BACKUPS,
        is_server,
        list_backups,
        resolve_target,
    )

    target = resolve_target(args.db)
    if is_server(target):
        print(f"{target_label(target)} is a server database: {SERVER_BACKUPS}")
        return 0
    found = list_backups(target)
    if not found:
        print(f"No backups of {target} yet.")
        return 0
    rows = []
    for info in found:
        taken = info.taken.strftime("%Y-%m-%d %H:%M UTC") if info.taken else "?"
        counts = ", ".join(f"{n} {label}" for label, n in info.counts.items())
        rows.append(
            (
                taken,
                _size(info.size),
                info.revision or "-",
                f"UNUSABLE: {info.problem}" if info.problem else counts,
                info.path.name,
            )
        )
    print(f"Backups of {target}, newest first:")
    print(table(rows, ("Taken", "Size", "Schema", "Records", "Name")))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from sendboard.cli.database import say_waiting
    from sendboard.services.common.workspace import open_database, resolve_target, restore_backup

    target = resolve_target(args.db)
    waiting = say_waiting()
    done = restore_backup(target, args.backup, on_wait=waiting)
    if done.kept:
        print(f"The database as it was is kept as {done.kept}.")
    # brings an older backup up to the current schema
    open_database(target, on_wait=waiting).close()
    print(f"Restored {done.restored.name} to {target}.")
    return 0
