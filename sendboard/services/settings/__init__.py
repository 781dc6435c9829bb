"""Settings kept in the database, shared by everyone who uses it.

The window and the command line may call `get_settings` and `save_settings`."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select

from sendboard.domain import validation
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.settings_rows import write_settings
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


def _texts(values: BoardSettings) -> dict[str, str]:
    return {field.name: getattr(values, field.name) for field in fields(BoardSettings)}


def save_settings(
    db: Database, values: BoardSettings, read: BoardSettings | None = None
) -> Outcome[BoardSettings]:
    """Save the details; `read` is what the form showed (a colleague's save since is refused)."""
    email = validation.email(values.secretary_email, "secretary_email") or ""
    values = BoardSettings(
        secretary_name=validation.clean(values.secretary_name),
        secretary_email=email,
        secretary_phone=validation.clean(values.secretary_phone),
        secretary_organisation=validation.clean(values.secretary_organisation),
        classification=validation.clean(values.classification) or "OFFICIAL",
    )
    with db.write() as session:
        write_settings(session, _texts(values), _texts(read) if read else None)
    return outcome(values, Area.SETTINGS)
