"""Writes the audit trail from the session itself, so no service can forget to."""

from __future__ import annotations

import getpass
import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from sendboard.store.base import Audited, utcnow
from sendboard.store.models.audit import AuditEntry


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some locked-down machines
        return "unknown"


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _columns(obj: object) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs]


def _entity_id(obj: object) -> int | None:
    identity = inspect(obj).identity
    value = identity[0] if identity else getattr(obj, "id", None)
    return value if isinstance(value, int) else None


def _row(obj: object, action: str, changes: dict[str, list[Any]], user: str) -> dict[str, Any]:
    return {
        "at": utcnow(),
        "os_user": user,
        "entity": type(obj).__name__,
        "entity_id": _entity_id(obj),
        "action": action,
        "changes": json.dumps(changes, default=str, ensure_ascii=False),
    }


def _collect(session: Session) -> list[dict[str, Any]]:
    user = os_user()
    rows = []
    for obj in session.new:
        if isinstance(obj, Audited):
            values = {k: [None, _plain(getattr(obj, k))] for k in _columns(obj)}
            rows.append(_row(obj, "create", values, user))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            state = inspect(obj)
            changes = {}
            for key in _columns(obj):
                history = state.attrs[key].history
                if history.has_changes():
                    old = history.deleted[0] if history.deleted else None
                    new = history.added[0] if history.added else None
                    if old != new:
                        changes[key] = [_plain(old), _plain(new)]
            if changes:
                rows.append(_row(obj, "update", changes, user))
    for obj in session.deleted:
        if isinstance(obj, Audited):
            values = {k: [_plain(getattr(obj, k)), None] for k in _columns(obj)}
            rows.append(_row(obj, "delete", values, user))
    return rows


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, _context: object) -> None:
    rows = _collect(session)
    if rows:
        session.connection().execute(insert(AuditEntry), rows)
