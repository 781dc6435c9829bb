"""The board's highlight thresholds, kept in settings so every user of the database shares them."""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard.domain.highlights import HighlightThresholds
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.settings_rows import write_settings
from sendboard.store.database import Database
from sendboard.store.models import Setting

PREFIX = "highlight_"


def read_thresholds(session: Session) -> HighlightThresholds:
    keys = {PREFIX + f.name: f for f in fields(HighlightThresholds)}
    stored = session.scalars(select(Setting).where(Setting.key.in_(keys))).all()
    values = {}
    for setting in stored:
        field = keys[setting.key]
        try:
            values[field.name] = (
                float(setting.value) if field.type == "float" else int(setting.value)
            )
        except ValueError:
            continue  # a damaged value falls back to the default
    try:
        return HighlightThresholds(**values)
    except ValueError:
        return HighlightThresholds()


def get_thresholds(db: Database) -> HighlightThresholds:
    with db.read() as session:
        return read_thresholds(session)


def _texts(thresholds: HighlightThresholds) -> dict[str, str]:
    return {PREFIX + name: str(value) for name, value in asdict(thresholds).items()}


def save_thresholds(
    db: Database, thresholds: HighlightThresholds, read: HighlightThresholds | None = None
) -> Outcome[HighlightThresholds]:
    """Save the thresholds; `read` is what the form showed (a colleague's save since is refused)."""
    try:
        HighlightThresholds(**asdict(thresholds))
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
    with db.write() as session:
        write_settings(session, _texts(thresholds), _texts(read) if read else None)
    return outcome(thresholds, Area.SETTINGS, Area.ACTIONS)
