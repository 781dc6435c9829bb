"""Writes the audit trail from the session itself, so no service can forget to."""

from __future__ import annotations

import getpass
import json
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import InstanceState, Session
from sqlalchemy.orm.attributes import instance_state
from sqlalchemy.orm.base import PASSIVE_NO_INITIALIZE

from sendboard.store.base import Audited, utcnow
from sendboard.store.models.audit import AuditEntry


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some locked-down machines
        return "unknown"


#: Types JSON takes as they are (exact types: a str enum is not one of them).
_AS_IS = frozenset({str, int, float, bool, type(None)})
_JSON = json.JSONEncoder(default=str, ensure_ascii=False)


def _plain(value: Any) -> Any:
    if type(value) in _AS_IS:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


#: Column attribute keys of each audited class, in mapper order (looked up once per class).
_COLUMNS: dict[type, tuple[str, ...]] = {}


def _columns(model: type) -> tuple[str, ...]:
    keys = _COLUMNS.get(model)
    if keys is None:
        keys = tuple(attr.key for attr in inspect(model).column_attrs)
        _COLUMNS[model] = keys
    return keys


def _value(state: InstanceState[Any], obj: object, key: str) -> Any:
    """A column's value, read from the instance's dict when it is there (no attribute events);
    a value the database generated and SQLAlchemy has not fetched yet is loaded as usual."""
    values = state.dict
    return values[key] if key in values else getattr(obj, key)


def _entity_id(state: InstanceState[Any]) -> int | None:
    identity = state.identity
    value = identity[0] if identity else state.dict.get("id")
    return value if isinstance(value, int) else None


#: When, and by whom: one moment per flush, since its rows are one step of one transaction.
Who = tuple[datetime, str]


def who(session: Session | None = None) -> Who:
    """Now, and the name the session's database was opened for (the login name by default):
    on a shared database each member of the team is recorded under their own name."""
    user = session.info.get("user") if session is not None else None
    return utcnow(), user or os_user()


def _row(
    model: type, entity_id: int | None, action: str, changes: dict[str, Any], who: Who
) -> dict[str, Any]:
    at, user = who
    return {
        "at": at,
        "os_user": user,
        "entity": model.__name__,
        "entity_id": entity_id,
        "action": action,
        "changes": _JSON.encode(changes),
    }


def _updated(state: InstanceState[Any]) -> dict[str, list[Any]]:
    """Old and new value of each column changed since the last flush.

    Only attributes set since then have an entry in `committed_state` (their value before), so
    only those are asked for their history: a dirty row with thirty columns and one change
    costs one look, not thirty.
    """
    touched = state.committed_state
    changes = {}
    for key in _columns(state.class_):
        if key not in touched:
            continue
        history = state.get_history(key, PASSIVE_NO_INITIALIZE)
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[key] = [_plain(old), _plain(new)]
    return changes


def _dirty_order(state: InstanceState[Any]) -> tuple[str, tuple[Any, ...]]:
    return state.class_.__name__, tuple(state.identity or ())


def _collect(session: Session) -> list[dict[str, Any]]:
    """Audit rows for what this flush wrote: inserts in the order they were added, updates by
    entity and id (the session keeps them in no particular order), then deletes."""
    by = who(session)
    rows = []
    for obj in session.new:
        if isinstance(obj, Audited):
            state = instance_state(obj)
            keys = _columns(state.class_)
            values = {k: [None, _plain(_value(state, obj, k))] for k in keys}
            rows.append(_row(state.class_, _entity_id(state), "create", values, by))
    dirty = [instance_state(obj) for obj in session.dirty if isinstance(obj, Audited)]
    for state in sorted(dirty, key=_dirty_order):
        if changes := _updated(state):
            entity_id = _entity_id(state)
            if entity_id is None and state.identity:  # a row keyed by text: say which
                key = _plain(state.identity[0])
                changes = {"key": [key, key], **changes}
            rows.append(_row(state.class_, entity_id, "update", changes, by))
    for obj in session.deleted:
        if isinstance(obj, Audited):
            state = instance_state(obj)
            values = {k: [_plain(getattr(obj, k)), None] for k in _columns(state.class_)}
            rows.append(_row(state.class_, _entity_id(state), "delete", values, by))
    return rows


def created(model: type, values: Mapping[str, Any], by: Who) -> dict[str, Any]:
    """The "create" entry of a row inserted without the session's unit of work (see
    store/bulk.py): `values` holds every column, id included, as the row was stored."""
    changes = {k: [None, _plain(values.get(k))] for k in _columns(model)}
    return _row(model, values["id"], "create", changes, by)


def updated(model: type, entity_id: int, changes: Mapping[str, Any], by: Who) -> dict[str, Any]:
    """An "update" entry the unit of work cannot see itself: a record counted as saved because
    rows it owns changed (see store/versions.py `count_parts`); `changes` is field -> [old, new]."""
    plain = {k: [_plain(old), _plain(new)] for k, (old, new) in changes.items()}
    return _row(model, entity_id, "update", plain, by)


def write(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _context: object) -> None:
    write(session, _collect(session))
