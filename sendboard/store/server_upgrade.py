"""Upgrading a shared server's schema: only with nobody else connected, and a backup first.

sendboard names its connections "sendboard (login)" (store/engine.py), so the server can say
who else is using the database. Clients waiting for the upgrade lock are starting up, not
working, and are not counted. The backup is `pg_dump`'s when it is on PATH, and otherwise a
SQLite file at the server's current schema holding a checked copy of every row
(store/copying.py); either goes to the data folder's `server-backups`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import Connection, Engine, MetaData, text
from sqlalchemy.engine import URL

from sendboard import clock, paths
from sendboard.errors import DatabaseOpenError
from sendboard.store.server import where

OTHERS = text(
    "SELECT application_name FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND application_name LIKE 'sendboard%' "
    "AND pid NOT IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted)"
)

IN_USE = (
    "{name} needs upgrading for this version of sendboard, but {count} other sendboard "
    "{clients} connected to it ({who}). Nothing was changed. Ask everyone to close sendboard, "
    "then start it again to upgrade."
)


def refuse_if_in_use(conn: Connection, url: URL) -> None:
    """Refuse to upgrade while another sendboard is connected to the database."""
    others = [str(name) for name in conn.execute(OTHERS).scalars()]
    if not others:
        return
    who = sorted({re.sub(r"^sendboard \((.*)\)$", r"\1", name) or "?" for name in others})
    raise DatabaseOpenError(
        IN_USE.format(
            name=where(url),
            count=len(others),
            clients="is" if len(others) == 1 else "are",
            who=", ".join(who),
        )
    )


def backups_folder() -> Path:
    folder = paths.data_dir() / "server-backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _stem(url: URL, revision: str) -> str:
    host = re.sub(r"[^A-Za-z0-9.-]", "_", url.host or "localhost")
    name = re.sub(r"[^A-Za-z0-9_-]", "_", url.database or "sendboard")
    return f"{name}-{host}-schema{revision}-{clock.now().strftime('%Y%m%dT%H%M%SZ')}"


def back_up(engine: Engine, url: URL, revision: str) -> Path:
    """Back the server database up before its schema changes; the backup's path."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump and url.get_backend_name() == "postgresql":
        return dump(pg_dump, url, backups_folder() / f"{_stem(url, revision)}.dump")
    return copy_to_file(engine, revision, backups_folder() / f"{_stem(url, revision)}.db")


def dump(pg_dump: str, url: URL, out: Path) -> Path:
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    if url.query.get("sslmode"):
        env["PGSSLMODE"] = str(url.query["sslmode"])
    command = [pg_dump, "--format=custom", "--no-password", f"--file={out}"]
    command += [f"--host={url.host or 'localhost'}", f"--port={url.port or 5432}"]
    if url.username:
        command.append(f"--username={url.username}")
    command.append(f"--dbname={url.database}")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        out.unlink(missing_ok=True)
        reason = (done.stderr or "").strip().splitlines()[-1:] or ["no output"]
        raise DatabaseOpenError(
            f"The backup of {where(url)} before upgrading it failed (pg_dump: {reason[0]}). "
            "Nothing was changed."
        )
    return out


def copy_to_file(engine: Engine, revision: str, out: Path) -> Path:
    """A SQLite file at `revision` holding a checked copy of every row of the server's."""
    from alembic import command

    from sendboard.store.copying import copy_all
    from sendboard.store.engine import make_engine, to_url
    from sendboard.store.schema import alembic_config

    partial = out.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    target = make_engine(to_url(partial))
    try:
        with target.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
        tables = MetaData()
        tables.reflect(target)
        sorted_tables = [t for t in tables.sorted_tables if t.name != "alembic_version"]
        _, differ = copy_all(engine, target, sorted_tables)
    finally:
        target.dispose()
    if differ:
        partial.unlink(missing_ok=True)
        raise DatabaseOpenError(
            f"The backup before upgrading did not match the server ({', '.join(differ)}). "
            "Nothing was changed."
        )
    os.replace(partial, out)
    return out
