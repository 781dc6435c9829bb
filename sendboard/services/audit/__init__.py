"""Reading the audit trail: who changed what, when, from which value to which.

The window and the command line may call `list_audit`; the trail itself is written by the store."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from sendboard.store.database import Database
from sendboard.store.models import AuditEntry

#: Fields that name a record well enough for a reader of the trail.
LABEL_FIELDS = ("name", "code", "reference", "title", "key")


@dataclass(frozen=True)
class AuditView:
    id: int
    time: datetime  # aware, UTC
    os_user: str
    entity: str
    entity_id: int | None
    action: str  # create, update or delete
    changes: dict[str, tuple[Any, Any]]  # field -> (old, new)

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields an update changed (for create and delete: every field recorded)."""
        if self.action != "update":
            return tuple(self.changes)
        return tuple(k for k, (old, new) in self.changes.items() if old != new)

    @property
    def label(self) -> str:
        """What the record was called, when one of its fields says so (for creates and deletes)."""
        for name in LABEL_FIELDS:
            if name in self.changes:
                old, new = self.changes[name]
                value = new if new is not None else old
                if value:
                    return str(value)
        return ""


def _changes(text: str) -> dict[str, tuple[Any, Any]]:
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): (v[0], v[1]) for k, v in raw.items() if isinstance(v, list) and len(v) == 2}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def list_audit(
    db: Database, entity: str | None = None, entity_id: int | None = None, limit: int = 200
) -> list[AuditView]:
    """The newest entries first; `entity` is a record type such as Person (any case)."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    if entity:
        query = query.where(func.lower(AuditEntry.entity) == entity.lower())
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    with db.read() as session:
        entries = session.scalars(query.limit(max(0, limit))).all()
        return [
            AuditView(
                id=e.id,
                time=_aware(e.at),
                os_user=e.os_user,
                entity=e.entity,
                entity_id=e.entity_id,
                action=e.action,
                changes=_changes(e.changes),
            )
            for e in entries
        ]


def count_audit(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0
