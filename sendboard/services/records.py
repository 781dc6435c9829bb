"""Loading a record by id and deleting one, with messages a secretary can act on.

Every service needs both; keeping them here means a vanished record or a blocked delete reads
the same wherever it happens.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sendboard.errors import NotFoundError, ValidationError

T = TypeVar("T")


def load(session: Session, model: type[T], key: Any, missing: str) -> T:
    """The record with this primary key; NotFoundError(`missing`) when it no longer exists."""
    record = session.get(model, key)
    if record is None:
        raise NotFoundError(missing)
    return record


def delete_or_explain(session: Session, record: object, blocked: str) -> None:
    """Delete the record now, so that records still pointing at it surface here as a
    ValidationError(`blocked`) rather than as a database error at commit."""
    session.delete(record)
    try:
        session.flush()
    except IntegrityError as exc:
        raise ValidationError(blocked) from exc
