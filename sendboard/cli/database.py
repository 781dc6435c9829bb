"""Opening the database a subcommand works on (`--db`, else the default), closed when done;
and `sendboard database copy --to URL|PATH`, which copies it whole into an empty one."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sendboard.domain.wording import counted

if TYPE_CHECKING:
    from sendboard.services.common.workspace import Database


@contextmanager
def open_target(args: argparse.Namespace) -> Iterator[Database]:
    """The database named by `--db` (or the default one), closed however the command ends."""
    from sendboard.services.common.workspace import open_database, resolve_target

    target = resolve_target(args.db)
    warn_if_shared_file(target)
    db = open_database(target, on_wait=say_waiting())
    db.on_write_wait = say_waiting_to_write()
    try:
        yield db
    finally:
        db.close()


def say_waiting() -> Callable[[float], None]:
    """A lock-wait callback that says once, on stderr, what the command is waiting for."""
    said = False

    def waiting(_seconds: float) -> None:
        nonlocal said
        if not said:
            said = True
            print(
                "sendboard: waiting for another sendboard to finish with this database…",
                file=sys.stderr,
                flush=True,
            )

    return waiting


def say_waiting_to_write() -> Callable[[], None]:
    """A write-wait callback that says once, on stderr, that a write is waiting for another.

    It is called from a timer thread when a write has waited a moment for the write lock; if
    the other writer does not finish in time, the command ends with the database-busy line.
    """
    said = threading.Event()

    def waiting() -> None:
        if not said.is_set():
            said.set()
            print(
                "sendboard: waiting for another sendboard to finish writing…",
                file=sys.stderr,
                flush=True,
            )

    return waiting


def warn_if_shared_file(target: str) -> None:
    """One line on stderr when the database file sits on a network share."""
    from sendboard.services.database.shares import share_warning

    warning = share_warning(target)
    if warning:
        print(f"sendboard: {warning}", file=sys.stderr, flush=True)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("database", help="copy the whole database to another")
    actions = parser.add_subparsers(dest="database_command", metavar="ACTION", required=True)
    copy = actions.add_parser(
        "copy",
        parents=[common],
        help="copy every table, stored file and the audit trail into an EMPTY database "
        "(a new file, or a PostgreSQL URL), then check row counts and checksums",
    )
    copy.add_argument("--to", required=True, metavar="URL|PATH", help="the empty target")
    copy.set_defaults(run=run_copy)


def run_copy(args: argparse.Namespace) -> int:
    from sendboard.services.database.copying import copy_database

    with open_target(args) as db:
        report = copy_database(db, args.to)
    print(
        f"Copied {counted(report.rows, 'row')} in {counted(report.tables, 'table')} "
        f"({counted(report.files, 'stored file')}, {counted(report.audit_entries, 'audit entry')}) "
        f"from {db.label} to {report.target}; "
        "row counts and checksums match."
    )
    return 0
