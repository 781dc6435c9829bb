"""Opening the database a subcommand works on (`--db`, else the default), closed when done."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendboard.services.common.workspace import Database


@contextmanager
def open_target(args: argparse.Namespace) -> Iterator[Database]:
    """The database named by `--db` (or the default one), closed however the command ends."""
    from sendboard.services.common.workspace import open_database, resolve_target

    db = open_database(resolve_target(args.db), on_wait=say_waiting())
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
