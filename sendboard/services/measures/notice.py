"""The date of the Improvement Notice: the 3, 6, 12 and 24-month targets count from it.

Set once for the board in its settings and shared by everyone using the database. Until it is
set, a measure's targets count from its own baseline date.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.settings_rows import write_settings
from sendboard.store.database import Database
from sendboard.store.models import Setting

KEY = "notice_date"


def read_notice_date(session: Session) -> date | None:
    setting = session.get(Setting, KEY)
    if setting is None or not setting.value:
        return None
    try:
        return date.fromisoformat(setting.value)
    except ValueError:
        return None  # a damaged value reads as not set


def get_notice_date(db: Database) -> date | None:
    with db.read() as session:
        return read_notice_date(session)


def set_notice_date(db: Database, day: date | None) -> Outcome[date | None]:
    with db.write() as session:
        write_settings(session, {KEY: day.isoformat() if day else ""})
    return outcome(day, Area.SETTINGS, Area.MEASURES, Area.ACTIONS)
