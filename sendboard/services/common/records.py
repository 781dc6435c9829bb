"""Loading, saving and deleting a record, with messages a secretary can act on.

Every service needs these; keeping them here means a vanished record, a save or a blocked delete
behaves the same wherever it happens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sendboard.errors import NotFoundError, ValidationError

T = TypeVar("T")
D = TypeVar("D")


def load(session: Session, model: type[T], key: Any, missing: str) -> T:
    """The record with this primary key; NotFoundError(`missing`) when it no longer exists."""
    record = session.get(model, key)
    if record is None:
        raise NotFoundError(missing)
    return record


def save(session: Session, record: T, apply: Callable[[Session, T, D], None], data: D) -> T:
    """Apply `data` to a new or loaded record, flush it and reload it from the database.

    A new record joins the session only after `apply`: the checks inside `apply` query, and a
    query would otherwise flush a half-filled row. Reloading lets the view built next see its
    relationships as stored (a chair or lead chosen by id)."""
    apply(session, record, data)
    if record not in session:
        session.add(record)
    session.flush()
    session.refresh(record)
    return record


def delete_or_explain(session: Session, record: object, blocked: str) -> None:
    """Delete the record now, so that records still pointing at it surface here as a
    ValidationError(`blocked`) rather than as a database error at commit."""
    session.delete(record)
    try:
        session.flush()
    except IntegrityError as exc:
        raise ValidationError(blocked) from exc
