"""Inserting thousands of rows with one statement per table, audited like any flushed insert.

The session's unit of work spends about a hundred microseconds on each object it inserts; an
import of thousands of rows does better to send plain rows. Those rows bypass the session's
audit hook, so this is the one way to insert them: every row gets the same "create" entry a
flushed insert would record (all columns, defaults and id included), in the order the caller
chooses, written when the caller is done.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Session

from sendboard.store import audit
from sendboard.store.base import Audited

_MISSING = object()
#: Per model: (key, default) of each column an INSERT fills; a callable default is called.
_FILLED: dict[type, list[tuple[str, Any]]] = {}


def _filled(model: type) -> list[tuple[str, Any]]:
    if model not in _FILLED:
        filled = []
        for attr in inspect(model).column_attrs:
            key, column, default = attr.key, attr.columns[0], attr.columns[0].default
            if column.primary_key:
                filled.append((key, _MISSING))  # the database numbers it, unless given
            elif default is None:
                filled.append((key, None))
            elif default.is_scalar or default.is_callable:
                filled.append((key, default))
            else:
                raise TypeError(f"{model.__name__}.{key}: a default bulk inserts cannot compute")
        _FILLED[model] = filled
    return _FILLED[model]


def with_defaults(model: type, values: Mapping[str, Any]) -> dict[str, Any]:
    """The row as an INSERT would store it: every column but an unset primary key, each one
    the caller did not give at its Python-side default (or None)."""
    row: dict[str, Any] = {}
    for key, default in _filled(model):
        if key in values:
            row[key] = values[key]
        elif default is None:
            row[key] = None
        elif default is _MISSING:
            continue
        elif default.is_scalar:
            row[key] = default.arg
        else:
            row[key] = default.arg(None)
    return row


class BulkInsert:
    """Rows inserted now, their audit entries queued with `audit` and written by `finish`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by = audit.who(session)
        self._entries: list[dict[str, Any]] = []

    def insert(self, model: type, rows: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Insert the rows in order; returns them complete, each with its new id."""
        full = [with_defaults(model, r) for r in rows]
        if not full:
            return []
        statement = insert(model).returning(model.id, sort_by_parameter_order=True)  # type: ignore[attr-defined]
        ids = self.session.scalars(statement, full).all()
        for row, new_id in zip(full, ids, strict=True):
            row["id"] = new_id
        return full

    def audit(self, model: type, row: Mapping[str, Any]) -> None:
        if issubclass(model, Audited):
            self._entries.append(audit.created(model, row, self.by))

    def finish(self) -> None:
        audit.write(self.session, self._entries)
        self._entries = []
