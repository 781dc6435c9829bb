"""The board's highlight thresholds, kept in settings so every user of the database shares them."""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard.domain.highlights import HighlightThresholds
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
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


def save_thresholds(db: Database, thresholds: HighlightThresholds) -> Outcome[HighlightThresholds]:
    try:
        HighlightThresholds(**asdict(thresholds))
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc
    with db.write() as session:
        for name, value in asdict(thresholds).items():
            setting = session.get(Setting, PREFIX + name) or Setting(key=PREFIX + name)
            setting.value = str(value)
            session.add(setting)
    return outcome(thresholds, Area.SETTINGS, Area.ACTIONS)
