"""No lost updates: a save made from an older version of a record is refused.

Every editable record carries a version that SQLAlchemy counts up on each save (the mapper's
`version_id_col`, see store/base.py). A caller that shows a record and later saves it says
which version it read with `expecting(...)`; when the save's transaction finds the record at
another version, it is refused with an EditConflict naming who saved it since and when (from
the audit trail) and what they changed. Writes take turns (store/engine.py, store/server.py),
so the check and the save are one step; SQLAlchemy's own version check stands behind it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from sendboard.errors import EditConflict
from sendboard.store import audit
from sendboard.store.base import Versioned
from sendboard.store.models.audit import AuditEntry

Key = tuple[str, int]  # (model name, id)
_EXPECTED: ContextVar[dict[Key, int] | None] = ContextVar("sendboard_expected", default=None)
#: session.info key: the records already checked in this transaction (later flushes of the
#: same save count the version up themselves).
_CHECKED = "sendboard_versions_checked"


@contextmanager
def expecting(entity: str, entity_id: int, version: int) -> Iterator[None]:
    """Within the block, saving `entity` `entity_id` requires it to be still at `version`."""
    current = dict(_EXPECTED.get() or {})
    current[(entity, entity_id)] = version
    token = _EXPECTED.set(current)
    try:
        yield
    finally:
        _EXPECTED.reset(token)


@event.listens_for(Session, "before_flush")
def _check(session: Session, _context: object, _instances: object) -> None:
    expected = _EXPECTED.get()
    if not expected:
        return
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, Versioned):
            _check_one(session, obj, expected)


def _check_one(
    session: Session, obj: Versioned, expected: dict[Key, int], found: int | None = None
) -> None:
    """Refuse the save of `obj` if it is no longer at the version expected (once a save)."""
    checked: set[Key] = session.info.setdefault(_CHECKED, set())
    key = (type(obj).__name__, getattr(obj, "id", None))
    if key in checked or key not in expected:
        return
    found = obj.version if found is None else found
    if found != expected[key]:  # type: ignore[index]
        raise conflict(session, key[0], key[1], expected[key], found)  # type: ignore[arg-type,index]
    checked.add(key)  # type: ignore[arg-type]


def count_parts(
    session: Session, obj: Versioned, read: int, changes: dict[str, tuple[Any, Any]]
) -> None:
    """Count a change to rows `obj` owns (a board's required roles, a measure's targets) as a
    save of `obj`, so that a form showing `obj` sees it was changed, and the audit trail says
    who changed them (`changes`: field -> (before, after)) in an update entry of `obj`.

    `read` is `obj.version` as this transaction loaded it. Each update entry of a record is
    one step of its version (a conflict gathers "theirs" from the entries since the version
    read), so when the save changed `obj`'s own columns too the version takes a second step."""
    session.flush()
    _check_one(session, obj, _EXPECTED.get() or {}, found=read)
    obj.version = obj.version + 1
    session.flush()
    entity_id = obj.id  # type: ignore[attr-defined]
    audit.write(session, [audit.updated(type(obj), entity_id, changes, audit.who(session))])


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(_CHECKED, None)


def conflict(session: Session, entity: str, entity_id: int, read: int, now: int) -> EditConflict:
    """The refusal for a save of a record read at version `read` and since saved to `now`."""
    saves = max(1, now - read)
    entries = (
        session.connection()
        .execute(
            select(AuditEntry.at, AuditEntry.os_user, AuditEntry.changes)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .where(AuditEntry.action == "update")
            .order_by(AuditEntry.id.desc())
            .limit(saves)
        )
        .all()
    )
    theirs: dict[str, Any] = {}
    for _at, _user, changes in reversed(entries):
        for field, values in _decode(changes).items():
            if field != "version" and isinstance(values, list) and len(values) == 2:
                theirs[field] = values[1]
    by, at = (entries[0][1], aware(entries[0][0])) if entries else ("someone else", None)
    return EditConflict(
        f"{by} changed this {_label(entity)} {_when(at)}, after you opened it. Nothing "
        "was saved and your changes are still here: Reload to see theirs (and lose yours), "
        "or Apply theirs on top to keep your changes to other fields, then save again.",
        by=by,
        at=at,
        theirs=theirs,
        version=now,
    )


def stale() -> EditConflict:
    """SQLAlchemy's own check found the record saved by someone else during this save."""
    return EditConflict(
        "Someone else saved this record while yours was being saved. Nothing was saved and "
        "your changes are still here: Reload to see theirs, then save again."
    )


def _decode(text: str) -> dict[str, Any]:
    try:
        found = json.loads(text or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def aware(moment: datetime) -> datetime:
    """A stored moment in UTC (SQLite hands back naive ones)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _label(entity: str) -> str:
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in entity).strip()
    return words or "record"


def moment(at: datetime | None) -> str:
    """ "at 14:05 on 7 December 2026" (UK time), for a message naming when someone saved."""
    return _when(aware(at) if at is not None else None)


def _when(at: datetime | None) -> str:
    if at is None:
        return "since"
    from zoneinfo import ZoneInfo

    local = at.astimezone(ZoneInfo("Europe/London"))
    return f"at {local:%H:%M} on {local.day} {local:%B %Y}"
