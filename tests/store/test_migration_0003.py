"""Revision 0003 (measures) upgrades a 0002 database with records in it and keeps them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import text

from sendboard.services import actions, measures
from sendboard.services.common.workspace import open_database
from sendboard.services.measures import MeasureInput, ValueEntry
from sendboard.store.database import alembic_config, head_revision
from sendboard.store.engine import make_engine, to_url


def write_0002_database(path: Path) -> None:
    engine = make_engine(to_url(path))
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.execute(
            text(
                "INSERT INTO people (id, name, title, email, phone, statutory_role) "
                "VALUES (1, 'Helen Marsh', '', 'helen@example.org', '', NULL)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO priority_areas (id, code, title, description, "
                "responsible_bodies, lead_id) VALUES (1, 'P1', 'Timeliness', '', '', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO actions (id, reference, title, description, source, "
                "owner_id, target, revised_reason, status, evidence, priority_area_id) "
                "VALUES (1, 'A1', 'Clear the backlog', '', 'improvement_plan', 1, "
                "'', '', 'open', '', 1)"
            )
        )
    engine.dispose()


def test_upgrade_keeps_records_and_adds_measures(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    write_0002_database(path)
    db = open_database(path)
    try:
        assert db.revision() == head_revision()
        assert [a.reference for a in actions.list_actions(db)] == ["A1"]
        view = measures.create_measure(
            db,
            MeasureInput(
                name="Plans in 20 weeks",
                priority_area_id=1,
                unit="%",
                baseline_value=40.0,
                baseline_date=date(2026, 5, 31),
                targets={3: 45.0},
            ),
        ).value
        measures.record_values(db, [ValueEntry(view.id, 44.0)], period=date(2026, 8, 31))
        assert measures.get_measure(db, view.id).area_code == "P1"
        assert measures.set_action_milestones(db, 1, {6: "Backlog halved"}).value[0].months == 6
    finally:
        db.close()
