"""Engines with the pragmas a desktop SQLite file needs; servers are set up in store/server.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

#: How long a writer waits for another to finish before it is told the database is busy.
BUSY_SECONDS = 10
#: The execution option that makes a transaction take the write lock when it begins.
WRITE = "sendboard_write"
#: The execution option naming who to tell when a write has to wait for another writer.
WAITING = "sendboard_waiting"
#: How long a write waits for the write lock before whoever is waiting is told so.
WAIT_NOTICE_SECONDS = 1.0


def to_url(target: str | Path) -> URL:
    """A path becomes a SQLite URL; anything with `://` is taken as a SQLAlchemy URL."""
    text = str(target)
    if "://" in text:
        return make_url(text)
    return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().resolve()))


def sqlite_file(url: URL) -> Path | None:
    """The database file behind a SQLite URL, or None for servers and in-memory databases."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        from sendboard.store.audit import os_user
        from sendboard.store.server import server_engine

        return server_engine(url, f"sendboard ({os_user()})")
    engine = create_engine(url, connect_args={"timeout": BUSY_SECONDS})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def make_read_only_engine(url: URL) -> Engine:
    """An engine on a SQLite file that this user cannot write to: it reads, and cannot write.

    A file with no `-wal` beside it is read as immutable (no lock files are needed, so a
    read-only folder is fine); one with a `-wal` is read through SQLite's read-only mode.
    """
    from sendboard.store.inspection import sidecars, uri

    path = sqlite_file(url)
    assert path is not None, "read-only engines are for files"
    wal = path.with_name(path.name + "-wal")
    mode = {"mode": "ro"} if wal in sidecars(path) else {"immutable": "1"}

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri(path, **mode), uri=True, timeout=BUSY_SECONDS, check_same_thread=False
        )

    engine = create_engine(url, creator=connect)
    event.listen(engine, "connect", _read_only_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _read_only_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def writer(engine: Engine, on_wait: Callable[[], None] | None = None) -> Engine:
    """The engine whose transactions are writes: on SQLite they start with the write lock, so
    what a transaction reads before it writes (the next reference number, say) cannot be
    taken by another writer in between.

    `on_wait` is called when a write has waited WAIT_NOTICE_SECONDS for
    another writer to let go of the lock; the write goes on waiting up to BUSY_SECONDS.
    """
    options: dict[str, object] = {WRITE: True}
    if on_wait is not None:
        options[WAITING] = on_wait
    return engine.execution_options(**options)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # The driver's own transaction handling begins only before a data change, so reads and
    # schema changes would run outside the transaction; sendboard begins them itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    _busy_timeout(dbapi_connection, BUSY_SECONDS)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    options = conn.get_execution_options()
    if not options.get(WRITE, False):
        conn.exec_driver_sql("BEGIN")
        return
    on_wait = options.get(WAITING)
    if on_wait is None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        return
    # SQLite waits for the lock inside one statement and tells nobody: wait a moment, say so if
    # the lock is still held, then wait the rest. SQLite counts these waits itself, so they hold
    # whatever the wall clock does.
    raw = conn.connection.driver_connection
    try:
        _busy_timeout(raw, WAIT_NOTICE_SECONDS)
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                on_wait()
        _busy_timeout(raw, BUSY_SECONDS - WAIT_NOTICE_SECONDS)
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # any failure raised as every write's is
    finally:
        _busy_timeout(raw, BUSY_SECONDS)


def _busy_timeout(raw: sqlite3.Connection, seconds: float) -> None:
    raw.execute(f"PRAGMA busy_timeout={int(seconds * 1000)}")
