"""Revision 0004 (minutes) upgrades a database holding meetings and actions, and minutes can
then be started for a meeting that was already held."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import text

from sendboard.services import minutes
from sendboard.services.common.workspace import open_database
from sendboard.store.database import alembic_config, head_revision
from sendboard.store.engine import make_engine, to_url


def write_0003_database(path: Path) -> None:
    engine = make_engine(to_url(path))
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
        conn.execute(
            text(
                "INSERT INTO boards (id, name, kind, quorum, papers_deadline_days, cadence, "
                "description) VALUES (1, 'Kingsmere SEND Improvement Board', "
                "'improvement_board', 3, 5, '', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO meetings (id, board_id, schedule_note, title, kind, status, "
                "starts_at, ends_at, venue, online_link, uid, sequence, notes) VALUES "
                "(1, 1, '', '', 'ordinary', 'held', '2027-01-13 14:00:00.000000', "
                "'2027-01-13 16:00:00.000000', 'Civic Centre', '', 'uid-1@sendboard', 0, '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO agenda_items (id, meeting_id, position, title, lead, purpose, "
                "minutes, exempt) VALUES (1, 1, 0, 'Strategy', 'Chair', 'decision', 20, 0)"
            )
        )
    engine.dispose()


def test_upgrade_from_0003_keeps_meetings_and_starts_minutes(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    write_0003_database(path)
    db = open_database(path)
    try:
        assert db.revision() == head_revision()
        view = minutes.open_minutes(db, 1, today=date(2027, 1, 14)).value
        assert [s.title for s in view.sections] == ["Strategy"]
        assert minutes.add_decision(db, 1, 1, "To adopt it.").value.reference == "IB/2027/1"
    finally:
        db.close()
