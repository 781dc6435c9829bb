"""A PostgreSQL server shared by the secretariat: connecting, one writer at a time, migrations.

SQLite serialises writers with `BEGIN IMMEDIATE`; on a server every sendboard write
transaction takes one transaction-scoped advisory lock first, so what a transaction reads
before it writes (the next reference number, say) cannot be taken by another client in
between, exactly as on a file. Schema upgrades hold a second advisory lock, so two clients
starting at once upgrade once.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL

from sendboard.errors import DatabaseBusy, SendboardError, ServerUnreachable

#: How long connecting may take before the server is reported unreachable.
CONNECT_SECONDS = 8
#: How long a writer waits for another client's write to finish before it is told "busy".
BUSY_SECONDS = 10
#: Advisory lock keys ("SEND" and "SEND" + 1): one for writes, one for schema upgrades.
WRITE_LOCK = 0x53454E44
MIGRATION_LOCK = WRITE_LOCK + 1
#: The execution option that marks a write transaction (shared with store/engine.py).
WRITE = "sendboard_write"


def server_engine(url: URL, application: str) -> Engine:
    """An engine for a server URL; `application` is what the server lists the client as."""
    connect_args: dict[str, object] = {}
    if url.get_backend_name() == "postgresql":
        connect_args = {"connect_timeout": CONNECT_SECONDS, "application_name": application[:63]}
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    if engine.dialect.name == "postgresql":
        event.listen(engine, "begin", _serialise_writes)
    return engine


def _serialise_writes(conn: Connection) -> None:
    if conn.get_execution_options().get(WRITE, False):
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{BUSY_SECONDS}s'")
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def lock_for_migration(conn: Connection) -> None:
    """Hold the upgrade lock until `conn`'s transaction ends (another client waits for it)."""
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")


def sync_sequences(conn: Connection) -> None:
    """Move each table's id sequence past the highest id stored.

    Rows written with explicit ids (a copied or migrated database) leave a sequence behind,
    and the next new record would then be refused as a duplicate."""
    rows = conn.execute(
        text(
            "SELECT c.table_name, pg_get_serial_sequence(quote_ident(c.table_name), 'id') "
            "FROM information_schema.columns c "
            "WHERE c.table_schema = current_schema() AND c.column_name = 'id'"
        )
    ).all()
    for table, sequence in rows:
        if sequence is None:
            continue
        conn.execute(
            text(f'SELECT setval(:seq, coalesce((SELECT max(id) FROM "{table}"), 0) + 1, false)'),
            {"seq": sequence},
        )


def where(url: URL) -> str:
    """The server as a secretary would name it: database on host:port."""
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"{url.database or 'the database'} on {host}{port}"


def explain(cause: BaseException, name: str) -> SendboardError | None:
    """The sendboard error for what the server or the network reported, or None."""
    if not type(cause).__module__.startswith("psycopg"):
        return None
    state = getattr(cause, "sqlstate", None) or ""
    message = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    if state in ("55P03", "40001", "40P01"):  # lock timeout, serialisation failure, deadlock
        return DatabaseBusy(
            f"{name} is busy: another member of the team is saving and did not finish in "
            "time. Nothing was changed; try again in a moment."
        )
    if state == "28P01" or "password authentication failed" in message:
        return ServerUnreachable(
            f"The server holding {name} refused the user name or password. Check them in "
            "Settings → Database, then try again."
        )
    if state == "3D000":
        return ServerUnreachable(
            f"There is no database called {name.split(' on ')[0]} on the server. Check the "
            "database name in Settings → Database, or ask IT to create it."
        )
    if state.startswith("08") or state.startswith("57P") or not state:
        reason = message.removeprefix("connection failed: ")
        return ServerUnreachable(
            f"Cannot reach the database server for {name} ({reason}). Nothing was changed. "
            "Check the network or VPN connection, then try again."
        )
    return None
