"""A shared PostgreSQL database: upgrades, one writer at a time, honest messages, who did what.

These run against the real server named by SENDBOARD_TEST_PG and are skipped without one.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import URL

from sendboard.cli import main
from sendboard.errors import DatabaseBusy, NotASendboardDatabase, ServerUnreachable
from sendboard.services import actions, people
from sendboard.services.audit import list_audit
from sendboard.services.common.workspace import check, open_database
from sendboard.store import server
from sendboard.store.database import alembic_config, head_revision
from sendboard.store.engine import make_engine
from sendboard.store.models import Base
from tests import pg_server


def _text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


@pytest.fixture
def empty_pg(pg_url: URL):  # type: ignore[no-untyped-def]
    with pg_server.fresh(pg_url, "bare") as url:
        yield url


def test_a_new_server_database_matches_the_models(empty_pg: URL) -> None:
    db = open_database(_text(empty_pg))
    try:
        assert db.revision() == head_revision()
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.close()


def test_upgrade_from_0002_keeps_records_and_numbers_new_ones_on(empty_pg: URL) -> None:
    engine = make_engine(empty_pg)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.execute(
            text(
                "INSERT INTO people (id, name, title, email, phone, statutory_role) "
                "VALUES (7, 'Helen Marsh', '', 'helen@example.org', '', NULL)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO actions (id, reference, title, description, source, owner_id, "
                "target, revised_reason, status, evidence) VALUES (3, 'A1', 'Clear the "
                "backlog', '', 'improvement_plan', 7, '', '', 'open', '')"
            )
        )
    engine.dispose()
    db = open_database(_text(empty_pg))
    try:
        assert db.revision() == head_revision()
        assert [a.reference for a in actions.list_actions(db)] == ["A1"]
        # ids written explicitly left the sequences behind; new records still get fresh ids
        made = people.create_person(db, people.PersonInput(name="Sam Okafor")).value
        assert made.id == 8
    finally:
        db.close()


def test_another_programs_database_is_refused_untouched(empty_pg: URL) -> None:
    engine = make_engine(empty_pg)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id serial PRIMARY KEY, total numeric)"))
    try:
        with pytest.raises(NotASendboardDatabase, match="not sendboard's"):
            open_database(_text(empty_pg))
        with engine.connect() as conn:
            tables = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            ).scalars()
            assert set(tables) == {"invoices"}
    finally:
        engine.dispose()


def test_two_clients_opening_a_new_database_at_once_upgrade_it_once(empty_pg: URL) -> None:
    opened, failed = [], []

    def open_one() -> None:
        try:
            opened.append(open_database(_text(empty_pg)))
        except Exception as exc:  # pragma: no cover - reported below
            failed.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failed == []
    assert [db.revision() for db in opened] == [head_revision()] * 2
    for db in opened:
        db.close()


def test_writes_from_two_clients_take_turns_and_a_long_wait_is_busy(
    db, store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store != "postgresql":
        pytest.skip("the server's write lock")
    monkeypatch.setattr(server, "BUSY_SECONDS", 1)
    other = make_engine(db.url)
    with other.connect() as conn, conn.begin():
        conn.execute(text(f"SELECT pg_advisory_xact_lock({server.WRITE_LOCK})"))
        started = time.monotonic()
        with pytest.raises(DatabaseBusy, match="busy"):
            people.create_person(db, people.PersonInput(name="Sam Okafor"))
        assert time.monotonic() - started >= 0.9
    other.dispose()
    assert people.list_people(db) == []
    assert people.create_person(db, people.PersonInput(name="Sam Okafor")).value.name


def test_each_member_of_the_team_is_recorded_under_their_own_name(db, store: str) -> None:
    target = pg_server.target(db)
    priya = open_database(target, user="Priya Raman")
    sam = open_database(target, user="Sam Okafor")
    try:
        made = people.create_person(priya, people.PersonInput(name="Helen Marsh")).value
        people.update_person(sam, made.id, people.PersonInput(name="Helen Marsh", title="Chair"))
        trail = list_audit(db, entity="Person", entity_id=made.id)
        assert [(e.action, e.os_user) for e in trail] == [
            ("update", "Sam Okafor"),
            ("create", "Priya Raman"),
        ]
    finally:
        priya.close()
        sam.close()


def test_check_and_backups_say_the_file_checks_do_not_apply(
    db, store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if store != "postgresql":
        pytest.skip("server databases only")
    assert check(db).server
    target = pg_server.target(db)
    assert main(["check", "--db", target]) == 0
    out = capsys.readouterr().out
    assert "file checks do not apply" in out and "pg_dump" in out
    assert main(["backups", "--db", target]) == 0
    assert "server database" in capsys.readouterr().out


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_server_is_one_line_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql+psycopg://sendboard@127.0.0.1:{_closed_port()}/board"
    with pytest.raises(ServerUnreachable, match=r"Cannot reach the database server for board on"):
        open_database(url)
    assert main(["check", "--db", url]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "network" in err
