"""Revision 0005 (the stocktake) upgrades a 0004 database with records in it and keeps them."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from sendboard.services import actions, stocktake
from sendboard.services.common.workspace import open_database
from sendboard.store.database import alembic_config, head_revision
from sendboard.store.engine import make_engine, to_url


def test_upgrade_from_0004_keeps_records_and_adds_the_stocktake(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(to_url(path))
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        conn.execute(
            text(
                "INSERT INTO people (id, name, title, email, phone, statutory_role) "
                "VALUES (1, 'Helen Marsh', '', 'helen@example.org', '', NULL)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO actions (id, reference, title, description, source, owner_id, "
                "target, revised_reason, status, evidence) VALUES (1, 'A1', 'Clear the "
                "backlog', '', 'improvement_plan', 1, '', '', 'open', '')"
            )
        )
    engine.dispose()
    db = open_database(path)
    try:
        assert db.revision() == head_revision()
        assert [a.reference for a in actions.list_actions(db)] == ["A1"]
        stocktake.save_notice(db, stocktake.draft_from_text("1. Keep an action log.\n"))
        stocktake.link_by_reference(db, [("1", "action", "A1")])
        assert [a.reference for a in stocktake.coverage(db)[0].actions] == ["A1"]
    finally:
        db.close()
