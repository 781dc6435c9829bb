"""Opening a database safely: inspect read-only, refuse what is not ours, back up, migrate."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from sendboard.errors import NotASendboardDatabase, ReadOnlyDatabase
from sendboard.store import audit as _audit  # also registers the audit listener
from sendboard.store import backups, building, credentials, server
from sendboard.store import versions as _versions  # registers the check of saved versions
from sendboard.store.engine import (
    make_engine,
    make_read_only_engine,
    sqlite_file,
    to_url,
    writer,
)
from sendboard.store.failures import explained
from sendboard.store.inspection import (
    SQLITE_MAGIC,
    FileState,
    check_place,
    check_writable,
    inspect_file,
)
from sendboard.store.locks import opening_lock
from sendboard.store.schema import alembic_config, head_revision, require_known

__all__ = [
    "SQLITE_MAGIC",
    "Database",
    "FileState",
    "alembic_config",
    "head_revision",
    "inspect_file",
    "open_database",
]


READ_ONLY = (
    "{name} is open read-only (the file or its folder cannot be written to), so nothing can "
    "be changed. Nothing was changed. To make changes, copy it to a folder of your own or ask "
    "for write access."
)


class Database:
    """An open, migrated database: short sessions, and one writer at a time."""

    def __init__(
        self, url: URL, engine: Engine, user: str | None = None, *, read_only: bool = False
    ) -> None:
        self.url = url
        self.engine = engine
        #: The file or its folder cannot be written to: it is open for reading only.
        self.read_only = read_only
        self.file = sqlite_file(url)
        #: The name the audit trail records for this database's changes.
        self.user = user or _audit.os_user()
        info = {"user": self.user}
        reader = engine
        if engine.dialect.name == "postgresql":
            # One snapshot per read, as SQLite's read transactions give: a view built from
            # several queries (a record's fields and its version) never mixes two saves.
            reader = engine.execution_options(isolation_level="REPEATABLE READ")
        self._sessions = sessionmaker(reader, expire_on_commit=False, info=info)
        #: Called (from another thread) when a write has waited a moment for another writer.
        self.on_write_wait: Callable[[], None] | None = None
        self._writes = sessionmaker(
            writer(engine, on_wait=self._waiting_to_write), expire_on_commit=False, info=info
        )
        self._where: Path | str = self.file or server.where(url)
        self._write_lock = threading.RLock()

    def _waiting_to_write(self) -> None:
        if self.on_write_wait is not None:
            self.on_write_wait()

    @property
    def label(self) -> str:
        """What the status bar shows: the file path, or the URL without its password."""
        return str(self.file) if self.file else self.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with explained(self._where, files=False), self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction: all of it is committed, or on any error none of it."""
        if self.read_only:
            raise ReadOnlyDatabase(READ_ONLY.format(name=self.file.name if self.file else ""))
        try:
            with (
                self._write_lock,
                explained(self._where, files=False),
                self._writes.begin() as session,
            ):
                yield session
        except StaleDataError as exc:
            raise _versions.stale() from exc

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def integrity_check(self) -> str:
        """SQLite's integrity check of the file; on a server, that it answers (the server
        keeps its own files whole)."""
        if self.file is None:
            with explained(self._where, files=False), self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return "ok"
        with self.engine.connect() as conn:
            return str(conn.execute(text("PRAGMA integrity_check")).scalar())

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    target: str | Path,
    *,
    on_wait: Callable[[float], None] | None = None,
    user: str | None = None,
) -> Database:
    """Open (creating if new) and upgrade to the current schema, backing the file up first.

    A sound file at the current schema that this user cannot write to (a read-only file,
    folder or drive) is opened read-only: `Database.read_only` is set and every write is
    refused with a message saying so.

    `on_wait` is told every second or so how long this has waited for another sendboard that
    is opening or upgrading the same file. `user` is the name the audit trail records (the
    login name when not given).
    """
    url = to_url(target)
    path = sqlite_file(url)
    if path is None:
        return _open_server(credentials.with_password(url), user)
    check_place(path)
    with explained(path), opening_lock(path, on_wait=on_wait):
        state = inspect_file(path)
        require_known(state.revision, path.name)
        try:
            check_writable(path)
        except ReadOnlyDatabase:
            if state.empty or state.revision != head_revision():
                raise  # it cannot be created or upgraded where it is
            return Database(url, make_read_only_engine(url), user, read_only=True)
        building.clear_leftovers(path)
        if state.empty:
            building.create_new(path)
        elif state.revision != head_revision():
            building.upgrade_file(path)
        else:
            if backups.backup_is_due(path):
                backups.backup(path)
            if not state.marked:
                building.mark(path)
        return Database(url, make_engine(url), user)


def _open_server(url: URL, user: str | None) -> Database:
    """Open a server database, upgrading it once (under the server's upgrade lock) if needed."""
    name = server.where(url)
    engine = make_engine(url)
    try:
        with explained(name, files=False):
            with engine.connect() as conn:
                revision = _server_revision(conn, name)
            if revision != head_revision():
                _upgrade_server(engine, url)
    except BaseException:
        engine.dispose()
        raise
    return Database(url, engine, user)


def _server_revision(conn: Connection, name: str) -> str | None:
    from sqlalchemy import inspect

    tables = set(inspect(conn).get_table_names())
    revision = None
    if "alembic_version" in tables:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision is None and tables - {"alembic_version"}:
        raise NotASendboardDatabase(
            f"{name} already holds tables that are not sendboard's. It has not been changed. "
            "Ask IT for an empty database for sendboard."
        )
    require_known(revision, name)
    return revision


def _upgrade_server(engine: Engine, url: URL) -> None:
    """Upgrade once: under the upgrade lock, with nobody else connected and a backup first
    (a new, empty database needs neither)."""
    from alembic import command

    from sendboard.store import server_upgrade

    config = alembic_config()
    with building.MIGRATING, engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            server.lock_for_migration(conn)  # a second client waits here, then finds it done
        revision = _server_revision(conn, server.where(url))
        if revision == head_revision():
            return
        if revision is not None and conn.dialect.name == "postgresql":
            server_upgrade.refuse_if_in_use(conn, url)
            server_upgrade.back_up(engine, url, revision)
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        if conn.dialect.name == "postgresql":
            server.sync_sequences(conn)
