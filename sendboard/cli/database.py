"""Opening the database a subcommand works on (`--db`, else the default), closed when done."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from sendboard.services.workspace import Database, open_database, resolve_target


@contextmanager
def open_target(args: argparse.Namespace) -> Iterator[Database]:
    """The database named by `--db` (or the default one), closed however the command ends."""
    db = open_database(resolve_target(args.db))
    try:
        yield db
    finally:
        db.close()
