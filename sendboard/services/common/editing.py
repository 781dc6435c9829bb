"""Saving what was read: a save made from an older version of a record is refused.

The window keeps, for each record it shows in a form, the `version` its view carried. Saving
through `guarded(...)` refuses the save with an EditConflict (who changed it, when, and what
they changed) when someone else has saved the record since; nothing is written then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sendboard.errors import EditConflict
from sendboard.store import versions

__all__ = ["EditConflict", "Ticket", "guarded"]

T = TypeVar("T")


@dataclass(frozen=True)
class Ticket:
    """The record a form shows: its kind (Person, Action, Risk, Meeting…), id and version."""

    entity: str
    id: int
    version: int


def guarded(ticket: Ticket | None, call: Callable[[], T]) -> Callable[[], T]:
    """`call`, refused if the ticket's record has been saved by someone else since."""
    if ticket is None or ticket.version <= 0:
        return call

    def run() -> T:
        with versions.expecting(ticket.entity, ticket.id, ticket.version):
            return call()

    return run
