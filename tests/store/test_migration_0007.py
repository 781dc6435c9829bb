"""Revision 0007 (highlight reports and escalations) upgrades a 0006 database with records in it,
on a SQLite file and on a PostgreSQL server: a risk already escalated in the register becomes an
open risk escalation, and highlight reports can be saved at once."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import URL

from sendboard.domain.escalations import EscalationKind
from sendboard.services import escalations, risks
from sendboard.services.common.workspace import open_database
from sendboard.store.database import alembic_config, head_revision
from sendboard.store.engine import make_engine, to_url
from tests import pg_server

ROWS = (
    "INSERT INTO people (id, name, title, email, phone, statutory_role) "
    "VALUES (1, 'Helen Marsh', '', 'helen@example.org', '', NULL)",
    "INSERT INTO boards (id, name, kind, parent_id, quorum, papers_deadline_days, cadence, "
    "description) VALUES (1, 'SEND Improvement Board', 'improvement_board', NULL, 0, 7, '', '')",
    "INSERT INTO boards (id, name, kind, parent_id, quorum, papers_deadline_days, cadence, "
    "description) VALUES (2, 'SEND Delivery Group', 'delivery_group', 1, 0, 7, '', '')",
    "INSERT INTO risks (id, reference, title, cause, event, consequence, category, board_id, "
    "owner_id, inherent_likelihood, inherent_impact, controls, residual_likelihood, "
    "residual_impact, status, created_on, escalated_on, escalated_to_id) VALUES (1, 'R01', "
    "'Too few psychologists', '', '', '', '', 2, 1, 5, 4, '', 4, 4, 'escalated', '2026-09-01', "
    "'2026-10-05', 1)",
    "INSERT INTO risks (id, reference, title, cause, event, consequence, category, board_id, "
    "owner_id, inherent_likelihood, inherent_impact, controls, residual_likelihood, "
    "residual_impact, status, created_on) VALUES (2, 'R02', 'Kept below', '', '', '', '', 2, 1, "
    "2, 2, '', 2, 2, 'open', '2026-09-01')",
)


def _fill_at_0006(url: URL) -> None:
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0006")
        for row in ROWS:
            conn.execute(text(row))
    engine.dispose()


def _check_upgraded(target: str) -> None:
    with time_machine.travel(datetime(2026, 11, 2, 10, tzinfo=ZoneInfo("Europe/London"))):
        db = open_database(target)
        try:
            assert db.revision() == head_revision()
            [row] = escalations.list_escalations(db)
            assert (row.kind, row.reference, row.from_board, row.to_board) == (
                EscalationKind.RISK,
                "R01",
                "SEND Delivery Group",
                "SEND Improvement Board",
            )
            assert (row.raised_on, row.age_days) == (date(2026, 10, 5), 28)
            escalations.respond(db, row.id, "Board to hold the risk")
            assert escalations.list_escalations(db) == []
            assert risks.get_risk(db, 1).status.value == "open"
        finally:
            db.close()


def test_upgrade_from_0006_on_a_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _fill_at_0006(to_url(path))
    _check_upgraded(str(path))


def test_upgrade_from_0006_on_a_server(pg_url: URL) -> None:
    with pg_server.fresh(pg_url, "older") as url:
        _fill_at_0006(url)
        _check_upgraded(url.render_as_string(hide_password=False))
