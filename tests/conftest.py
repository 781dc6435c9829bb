"""Shared fixtures: every test gets its own data folder and a fresh database file."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy.engine import URL

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sendboard.demo import build_demo
from sendboard.services.common.workspace import Database, open_database
from tests import pg_server

#: Tests in these folders run once on a SQLite file and once on a PostgreSQL server database.
BOTH_STORES = ("store", "outputs", "e2e")
DB_FIXTURES = {"db", "demo_db", "pinned_demo_db"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only: the test is about the SQLite file itself (backups, pragmas, faults)",
    )
    config.addinivalue_line(
        "markers",
        "dated: the test names calendar days; the clock is set to PINNED_NOW and `demo_db` is "
        "the demo as it stood on PINNED_DAY",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Store, output and command tests that take a database run on both stores."""
    if "store" not in metafunc.fixturenames:
        return
    folder = metafunc.definition.path.parent.name
    both = (
        folder in BOTH_STORES
        and DB_FIXTURES & set(metafunc.fixturenames)
        and metafunc.definition.get_closest_marker("sqlite_only") is None
    )
    metafunc.parametrize(
        "store", ["sqlite", "postgresql"] if both else ["sqlite"], indirect=True, scope="session"
    )


@pytest.fixture(scope="session")
def store(request: pytest.FixtureRequest) -> str:
    """Which store the database fixtures make: "sqlite" (a file) or "postgresql" (a server)."""
    if request.param == "postgresql" and pg_server.server_url() is None:
        pytest.skip(f"no PostgreSQL server: set {pg_server.ENV} to run this on one")
    return request.param


@pytest.fixture(scope="session")
def pg_url() -> URL:
    url = pg_server.server_url()
    if url is None:
        pytest.skip(f"no PostgreSQL server: set {pg_server.ENV} to run this on one")
    return url


def _pg_template(server: URL, prefix: str, today: date | None, demo: bool) -> Iterator[str]:
    name = pg_server.new_name(prefix)
    url = pg_server.create(server, name)
    try:
        clock = time_machine.travel(PINNED_NOW) if today == PINNED_DAY else contextlib.nullcontext()
        with clock:
            database = open_database(url.render_as_string(hide_password=False))
            if demo:
                build_demo(database, "small", today=today)
            database.close()
        yield name
    finally:
        pg_server.drop(server, name)


def _pg_copy(server: URL, template: str) -> Iterator[Database]:
    with pg_server.fresh(server, "test", template) as url:
        database = open_database(url.render_as_string(hide_password=False))
        yield database
        database.close()


@pytest.fixture(scope="session")
def pg_empty_template(pg_url: URL) -> Iterator[str]:
    yield from _pg_template(pg_url, "empty", None, demo=False)


@pytest.fixture(autouse=True)
def sendboard_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("SENDBOARD_HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "board.db"


@pytest.fixture
def db(store: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    if store == "postgresql":
        server = request.getfixturevalue("pg_url")
        yield from _pg_copy(server, request.getfixturevalue("pg_empty_template"))
        return
    database = open_database(request.getfixturevalue("db_path"))
    yield database
    database.close()


#: The day that tests which name dates see: the demo built as of then, the clock set to it.
PINNED_DAY = date(2026, 11, 23)
PINNED_NOW = datetime(2026, 11, 23, 10, 30, tzinfo=ZoneInfo("Europe/London"))


def _build_template(folder: Path, today: date | None) -> Path:
    path = folder / "demo.db"
    database = open_database(path)
    build_demo(database, "small", today=today)
    database.close()
    return path


def _copy_of(template: Path, target: Path) -> Iterator[Database]:
    source, dest = sqlite3.connect(template), sqlite3.connect(target)
    source.backup(dest)
    source.close()
    dest.close()
    database = open_database(target)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo as of today, built once per run and copied for each test that needs it."""
    return _build_template(tmp_path_factory.mktemp("demo"), None)


@pytest.fixture(scope="session")
def pg_demo_template(pg_url: URL) -> Iterator[str]:
    yield from _pg_template(pg_url, "demo", None, demo=True)


def _is_dated(request: pytest.FixtureRequest) -> bool:
    return request.node.get_closest_marker("dated") is not None


@pytest.fixture
def demo_db(store: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The small demo as of today, or as of PINNED_DAY for a test marked `dated`."""
    dated = _is_dated(request)
    if store == "postgresql":
        server = request.getfixturevalue("pg_url")
        template = "pg_pinned_template" if dated else "pg_demo_template"
        yield from _pg_copy(server, request.getfixturevalue(template))
        return
    template = "pinned_demo_template" if dated else "demo_template"
    yield from _copy_of(request.getfixturevalue(template), tmp_path / "demo.db")


@pytest.fixture
def pinned_clock() -> Iterator[None]:
    """The clock set to PINNED_NOW for the test (and still ticking)."""
    with time_machine.travel(PINNED_NOW):
        yield


@pytest.fixture(autouse=True)
def dated_clock(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test marked `dated` runs with the clock set, whatever day the suite runs on."""
    if not _is_dated(request):
        yield
        return
    with time_machine.travel(PINNED_NOW):
        yield


@pytest.fixture(scope="session")
def pinned_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_template(tmp_path_factory.mktemp("pinned-demo"), PINNED_DAY)


@pytest.fixture(scope="session")
def pg_pinned_template(pg_url: URL) -> Iterator[str]:
    yield from _pg_template(pg_url, "pinned", PINNED_DAY, demo=True)


@pytest.fixture
def pinned_demo_db(
    store: str, request: pytest.FixtureRequest, tmp_path: Path, pinned_clock: None
) -> Iterator[Database]:
    """The small demo as it stood on PINNED_DAY, for tests that name dates; the clock is set."""
    if store == "postgresql":
        server = request.getfixturevalue("pg_url")
        yield from _pg_copy(server, request.getfixturevalue("pg_pinned_template"))
        return
    yield from _copy_of(request.getfixturevalue("pinned_demo_template"), tmp_path / "demo.db")
