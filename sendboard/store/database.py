"""Opening a database safely: inspect read-only, refuse what is not ours, back up, migrate."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from sendboard import resources
from sendboard.errors import DamagedDatabase, NewerDatabase, NotASendboardDatabase
from sendboard.store import audit as _audit  # noqa: F401  (registers the audit listener)
from sendboard.store import backups
from sendboard.store.engine import make_engine, sqlite_file, to_url
from sendboard.store.revisions import History, read_history

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic is imported inside the functions that need it: an up-to-date database opens without it
# (see store/revisions.py).

SQLITE_MAGIC = b"SQLite format 3\x00"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.migrations_dir()))
    return config


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def _history() -> History | None:
    return read_history(resources.migrations_dir())


def head_revision() -> str:
    history = _history()
    head = history.head if history else _scripts().get_current_head()
    assert head is not None
    return head


@dataclass(frozen=True)
class FileState:
    """What a read-only look at an existing file found."""

    revision: str | None
    empty: bool


def inspect_file(path: Path) -> FileState:
    """Look at a database file without changing a byte; raise if it is not safe to open."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState(revision=None, empty=True)
    with path.open("rb") as handle:
        magic = handle.read(len(SQLITE_MAGIC))
    if magic != SQLITE_MAGIC:
        raise NotASendboardDatabase(
            f"{path.name} is not a sendboard database (it is not an SQLite file). "
            "Choose the sendboard.db file, or a new file name to start a fresh database."
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(
            f"{path.name} is damaged and cannot be read ({exc}). It has not been changed. "
            "Restore the newest copy from the backups folder beside it."
        ) from exc
    if check != "ok":
        raise DamagedDatabase(
            f"{path.name} failed SQLite's integrity check ({check}). It has not been changed. "
            "Restore the newest copy from the backups folder beside it."
        )
    if tables and "alembic_version" not in tables:
        raise NotASendboardDatabase(
            f"{path.name} is an SQLite database of another program, not sendboard's. "
            "It has not been changed. Choose a sendboard database or a new file name."
        )
    _require_known(revision, path.name)
    return FileState(revision=revision, empty=not tables)


def _require_known(revision: str | None, name: str) -> None:
    history = _history()
    if revision is None or (history and revision in history.revisions):
        return
    from alembic.util.exc import CommandError

    try:
        _scripts().get_revision(revision)
    except CommandError as exc:
        raise NewerDatabase(
            f"{name} was written by a newer version of sendboard (schema {revision}). "
            "It has not been changed. Install the latest sendboard to open it."
        ) from exc


class Database:
    """An open, migrated database: short sessions, and one writer at a time."""

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.file = sqlite_file(url)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_lock = threading.RLock()

    @property
    def label(self) -> str:
        """What the status bar shows: the file path, or the URL without its password."""
        return str(self.file) if self.file else self.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction: all of it is committed, or on any error none of it."""
        with self._write_lock, self._sessions.begin() as session:
            yield session

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def integrity_check(self) -> str:
        if self.file is None:
            return "ok"
        with self.engine.connect() as conn:
            return str(conn.execute(text("PRAGMA integrity_check")).scalar())

    def close(self) -> None:
        self.engine.dispose()


def open_database(target: str | Path) -> Database:
    """Open (creating if new) and upgrade to the current schema, backing the file up first."""
    url = to_url(target)
    path = sqlite_file(url)
    up_to_date = False
    if path is not None:
        state = inspect_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        up_to_date = state.revision == head_revision()
        if not state.empty and (not up_to_date or backups.backup_is_due(path)):
            backups.backup(path)
    engine = make_engine(url)
    if path is None:
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            _require_known(
                MigrationContext.configure(conn).get_current_revision(), url.database or ""
            )
    if not up_to_date:
        _upgrade(engine)
    return Database(url, engine)


def _upgrade(engine: Engine) -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
