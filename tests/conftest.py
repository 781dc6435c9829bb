"""Shared fixtures: every test gets its own data folder and a fresh database file."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sendboard.demo import build_demo
from sendboard.services.common.workspace import Database, open_database


@pytest.fixture(autouse=True)
def sendboard_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("SENDBOARD_HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "board.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
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


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    yield from _copy_of(demo_template, tmp_path / "demo.db")


@pytest.fixture
def pinned_clock() -> Iterator[None]:
    """The clock set to PINNED_NOW for the test (and still ticking)."""
    with time_machine.travel(PINNED_NOW):
        yield


@pytest.fixture(scope="session")
def pinned_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_template(tmp_path_factory.mktemp("pinned-demo"), PINNED_DAY)


@pytest.fixture
def pinned_demo_db(
    pinned_demo_template: Path, tmp_path: Path, pinned_clock: None
) -> Iterator[Database]:
    """The small demo as it stood on PINNED_DAY, for tests that name dates; the clock is set."""
    yield from _copy_of(pinned_demo_template, tmp_path / "demo.db")
