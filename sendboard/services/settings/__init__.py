"""Settings kept in the database, shared by everyone who uses it.

The window and the command line may call `get_settings` and `save_settings`."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select

from sendboard.domain import validation
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.store.database import Database
from sendboard.store.models import Setting


@dataclass(frozen=True)
class BoardSettings:
    secretary_name: str = ""
    secretary_email: str = ""
    secretary_phone: str = ""
    secretary_organisation: str = ""
    classification: str = "OFFICIAL"


def get_settings(db: Database) -> BoardSettings:
    with db.read() as session:
        stored = {s.key: s.value for s in session.scalars(select(Setting))}
    known = {f.name for f in fields(BoardSettings)}
    return BoardSettings(**{k: v for k, v in stored.items() if k in known})


def save_settings(db: Database, values: BoardSettings) -> Outcome[BoardSettings]:
    email = validation.email(values.secretary_email, "secretary_email") or ""
    values = BoardSettings(
        secretary_name=validation.clean(values.secretary_name),
        secretary_email=email,
        secretary_phone=validation.clean(values.secretary_phone),
        secretary_organisation=validation.clean(values.secretary_organisation),
        classification=validation.clean(values.classification) or "OFFICIAL",
    )
    with db.write() as session:
        for field in fields(BoardSettings):
            setting = session.get(Setting, field.name) or Setting(key=field.name)
            setting.value = getattr(values, field.name)
            session.add(setting)
    return outcome(values, Area.SETTINGS)
