"""Settings → Database: the shared server's details on this computer, its password only in
the keyring, and every command following the choice (or `--db`)."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy.engine import URL

from sendboard.cli import main
from sendboard.errors import ValidationError
from sendboard.paths import config_file
from sendboard.services import people
from sendboard.services.common.workspace import open_database, resolve_target
from sendboard.services.settings import connection
from sendboard.services.settings.connection import SHARED_SERVER, Connection
from sendboard.store import credentials
from tests import pg_server


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring():  # type: ignore[no-untyped-def]
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def test_the_password_goes_to_the_keyring_and_never_to_a_file(memory_keyring) -> None:
    choice = Connection(SHARED_SERVER, "db.kingsmere.example", 5432, "sendboard", "priya")
    connection.save_connection(choice, "s3cret-Pa55")
    assert "s3cret-Pa55" not in config_file().read_text(encoding="utf-8")
    assert json.loads(config_file().read_text(encoding="utf-8"))["database"]["tls_required"]
    assert memory_keyring.kept == {
        ("sendboard", "priya@db.kingsmere.example:5432/sendboard"): "s3cret-Pa55"
    }
    assert connection.load_connection() == choice
    target = resolve_target(None)
    assert target.startswith("postgresql+psycopg://priya@db.kingsmere.example:5432/sendboard")
    assert "sslmode=require" in target and "s3cret" not in target
    assert resolve_target("other.db") == "other.db"  # --db still wins


def test_this_computer_keeps_the_file_in_the_data_folder(sendboard_home: Path) -> None:
    connection.save_connection(Connection())
    assert resolve_target(None) == str(sendboard_home / "sendboard.db")


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"host": " "}, "host"), ({"port": 0}, "port"), ({"user": ""}, "user")],
)
def test_incomplete_server_details_are_refused_by_field(changes, field: str) -> None:
    choice = Connection(SHARED_SERVER, "db.example", 5432, "sendboard", "priya", True)
    with pytest.raises(ValidationError) as refused:
        connection.save_connection(Connection(**{**choice.__dict__, **changes}))
    assert refused.value.field == field


def test_a_server_with_a_password_opens_with_the_one_in_the_keyring(
    pg_url: URL, memory_keyring, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = pg_server._admin(pg_url)
    with pg_server.fresh(pg_url, "login") as url:
        role = url.database
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f"CREATE ROLE \"{role}\" LOGIN PASSWORD 'team-Pa55'")
                conn.exec_driver_sql(f'ALTER DATABASE "{url.database}" OWNER TO "{role}"')
            choice = Connection(
                SHARED_SERVER, url.host or "", url.port or 5432, url.database or "", role, False
            )
            connection.save_connection(choice, "team-Pa55")
            assert credentials.with_password(choice.url()).password == "team-Pa55"
            db = open_database(resolve_target(None))
            people.create_person(db, people.PersonInput(name="Helen Marsh"))
            db.close()
            assert main(["check"]) == 0  # every command follows the choice
            out = capsys.readouterr().out
            assert f"{role}:***@" in out and "people" in out and "team-Pa55" not in out
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
    admin.dispose()
