"""Opening the database a subcommand works on (`--db`, else the default), closed when done."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sendboard.services.common.workspace import Database


@contextmanager
def open_target(args: argparse.Namespace) -> Iterator[Database]:
    """The database named by `--db` (or the default one), closed however the command ends."""
    from sendboard.services.common.workspace import open_database, resolve_target

    db = open_database(resolve_target(args.db))
    try:
        yield db
    finally:
        db.close()
