"""Writing settings rows (a key and its text) so that one person's save never silently undoes
another's: the caller says what it showed, and a key someone has changed since is refused with
who changed it and when, like any other record (see store/versions.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard.errors import EditConflict
from sendboard.store.models import AuditEntry, Setting
from sendboard.store.versions import moment


def write_settings(
    session: Session, values: Mapping[str, str], read: Mapping[str, str] | None = None
) -> None:
    """Store `values` by key. With `read` (each key's text as the form showed it), a key that
    someone has set to another text since, and that this save would change again, refuses the
    whole save; nothing is written."""
    rows = {key: session.get(Setting, key) for key in values}
    if read is not None:
        theirs = {
            key: row.value
            for key, row in rows.items()
            if row is not None and key in read and row.value not in (read[key], values[key])
        }
        if theirs:
            raise _conflict(session, theirs)
    for key, value in values.items():
        row = rows[key] or Setting(key=key)
        row.value = value
        session.add(row)


def _conflict(session: Session, theirs: dict[str, str]) -> EditConflict:
    by, at = "", None
    entries = session.execute(
        select(AuditEntry.at, AuditEntry.os_user, AuditEntry.changes)
        .where(AuditEntry.entity == Setting.__name__)
        .order_by(AuditEntry.id.desc())
        .limit(200)
    )
    for when, user, changes in entries:
        key = json.loads(changes or "{}").get("key")
        if isinstance(key, list) and key and key[-1] in theirs:
            by, at = user, when
            break
    who = (
        f"{by} changed these settings {moment(at)}" if by else "Someone else changed these settings"
    )
    return EditConflict(
        f"{who}, after you opened them. Nothing was saved and your changes are still here: "
        "Reload theirs to see what they saved, or Keep mine to save yours over it.",
        by=by or "someone else",
        at=at,
        theirs=theirs,
    )
