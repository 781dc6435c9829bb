"""Shared fixtures: every test gets its own data folder and a fresh database file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sendboard.demo import build_demo
from sendboard.services.workspace import Database, open_database


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


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo database, built once per run and copied for each test that needs it."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(path)
    build_demo(database, "small")
    database.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    import sqlite3

    target = tmp_path / "demo.db"
    source = sqlite3.connect(demo_template)
    dest = sqlite3.connect(target)
    source.backup(dest)
    source.close()
    dest.close()
    database = open_database(target)
    yield database
    database.close()
