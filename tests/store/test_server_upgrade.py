"""Upgrading a shared server's schema: a backup first, and never while others are connected.

These run against the real server named by SENDBOARD_TEST_PG and are skipped without one."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import psycopg
import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import URL

from sendboard.errors import DatabaseOpenError
from sendboard.services import people
from sendboard.services.common.workspace import open_database
from sendboard.store import server_upgrade
from sendboard.store.database import alembic_config, head_revision
from sendboard.store.engine import make_engine
from tests import pg_server


@pytest.fixture
def older(pg_url: URL):  # type: ignore[no-untyped-def]
    """A server database at schema 0005 holding one person."""
    with pg_server.fresh(pg_url, "older") as url:
        engine = make_engine(url)
        with engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "0005")
            conn.execute(
                text(
                    "INSERT INTO people (id, name, title, email, phone, statutory_role) "
                    "VALUES (7, 'Helen Marsh', '', 'helen@example.org', '', NULL)"
                )
            )
        engine.dispose()
        yield url


def _revision(url: URL) -> str:
    engine = make_engine(url)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    return found


def _backups(home: Path) -> list[Path]:
    return sorted((home / "server-backups").glob("*")) if (home / "server-backups").exists() else []


def test_an_upgrade_is_backed_up_with_pg_dump_first(older: URL, sendboard_home: Path) -> None:
    db = open_database(older.render_as_string(hide_password=False))
    try:
        assert db.revision() == head_revision()
        assert [p.name for p in people.list_people(db)] == ["Helen Marsh"]
    finally:
        db.close()
    [dump] = _backups(sendboard_home)
    assert dump.suffix == ".dump" and "schema0005" in dump.name
    listing = subprocess.run(["pg_restore", "--list", str(dump)], capture_output=True, text=True)
    assert "TABLE DATA public people" in listing.stdout


def test_without_pg_dump_the_backup_is_a_checked_copy_in_a_file(
    older: URL, sendboard_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_upgrade.shutil, "which", lambda name: None)
    open_database(older.render_as_string(hide_password=False)).close()
    [copy] = _backups(sendboard_home)
    assert copy.suffix == ".db"
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0005",)]
    assert conn.execute("SELECT id, name FROM people").fetchall() == [(7, "Helen Marsh")]
    conn.close()
    assert _revision(older) == head_revision()


def test_no_upgrade_while_another_sendboard_is_connected(older: URL, sendboard_home: Path) -> None:
    dsn = f"host={older.host} port={older.port} user={older.username} dbname={older.database}"
    with (
        psycopg.connect(dsn, application_name="sendboard (deputy)"),
        pytest.raises(DatabaseOpenError) as refused,
    ):
        open_database(older.render_as_string(hide_password=False))
    said = str(refused.value)
    assert "other sendboard is connected to it (deputy)" in said
    assert "Nothing was changed" in said and "close sendboard" in said
    assert _revision(older) == "0005"
    assert _backups(sendboard_home) == []
    # Once they have gone, the upgrade runs.
    open_database(older.render_as_string(hide_password=False)).close()
    assert _revision(older) == head_revision()
