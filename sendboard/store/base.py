"""Declarative base shared by every model: enums stored as their values, timestamps in UTC."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import DateTime, Enum, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sendboard import clock

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return clock.now()


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        enum.Enum: Enum(
            enum.Enum,
            native_enum=False,
            length=32,
            values_callable=lambda e: [m.value for m in e],
        ),
        str: String(255),
        datetime: DateTime(timezone=True),
    }


class Audited:
    """Marker: inserts, updates and deletes of these models are written to the audit trail."""


class IdMixin:
    id: Mapped[int] = mapped_column(primary_key=True)
