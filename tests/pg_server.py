"""A PostgreSQL server for the suite: fresh databases made from templates, dropped after use.

The server is named by `SENDBOARD_TEST_PG`, a SQLAlchemy URL of a role that may create
databases (`postgresql+psycopg://user@host:port/postgres`). Without it the PostgreSQL variants
of the store tests are skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

ENV = "SENDBOARD_TEST_PG"


def server_url() -> URL | None:
    given = os.environ.get(ENV, "").strip()
    return make_url(given) if given else None


def _admin(server: URL):  # type: ignore[no-untyped-def]
    return create_engine(server, isolation_level="AUTOCOMMIT", poolclass=None)


def new_name(prefix: str) -> str:
    return f"sb_{prefix}_{os.getpid()}_{uuid.uuid4().hex[:10]}"


def create(server: URL, name: str, template: str | None = None) -> URL:
    engine = _admin(server)
    try:
        with engine.connect() as conn:
            extra = f" TEMPLATE {template}" if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{extra}'))
    finally:
        engine.dispose()
    return server.set(database=name)


def drop(server: URL, name: str) -> None:
    engine = _admin(server)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        engine.dispose()


@contextmanager
def fresh(server: URL, prefix: str, template: str | None = None) -> Iterator[URL]:
    """A new database (a copy of `template` when given), dropped afterwards."""
    name = new_name(prefix)
    url = create(server, name, template)
    try:
        yield url
    finally:
        drop(server, name)


def target(database) -> str:  # type: ignore[no-untyped-def]
    """What `--db` takes to open `database` again: its file, or its URL with the password."""
    if database.file is not None:
        return str(database.file)
    return database.url.render_as_string(hide_password=False)
