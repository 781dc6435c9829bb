"""Which database this computer uses: a file here ("This computer") or a shared server.

The choice is kept in this computer's settings file (config.json) without the password; the
password goes to the operating system's keyring. TLS is required unless turned off.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlalchemy.engine import URL

from sendboard import paths
from sendboard.errors import ValidationError
from sendboard.store import credentials

KEY = "database"
THIS_COMPUTER = "this_computer"
SHARED_SERVER = "shared_server"


@dataclass(frozen=True)
class Connection:
    mode: str = THIS_COMPUTER
    host: str = ""
    port: int = 5432
    database: str = "sendboard"
    user: str = ""
    tls_required: bool = True

    @property
    def shared(self) -> bool:
        return self.mode == SHARED_SERVER

    def url(self, password: str | None = None) -> URL:
        """The server's SQLAlchemy URL (without the password unless given)."""
        return URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            password=password,
            host=self.host or None,
            port=self.port,
            database=self.database,
            query={"sslmode": "require" if self.tls_required else "prefer"},
        )

    def target(self) -> str | None:
        """What `open_database` takes for this choice; None for the file on this computer."""
        if not self.shared:
            return None
        return self.url().render_as_string(hide_password=False)


def _settings() -> dict[str, object]:
    try:
        data = json.loads(paths.config_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_connection() -> Connection:
    saved = _settings().get(KEY)
    if not isinstance(saved, dict):
        return Connection()
    fields = {k: v for k, v in saved.items() if k in Connection.__dataclass_fields__}
    try:
        return Connection(**fields)
    except TypeError:
        return Connection()


def check(choice: Connection) -> None:
    if not choice.shared:
        return
    if not choice.host.strip():
        raise ValidationError("Give the server's name or address.", "host")
    if not 0 < choice.port < 65536:
        raise ValidationError("The port is a number from 1 to 65535 (usually 5432).", "port")
    if not choice.database.strip():
        raise ValidationError("Give the database's name.", "database")
    if not choice.user.strip():
        raise ValidationError("Give your user name on the server.", "user")


def save_connection(choice: Connection, password: str | None = None) -> None:
    """Keep the choice for this computer; a password given goes to the keyring only."""
    check(choice)
    data = _settings()
    data[KEY] = asdict(choice)
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=2), encoding="utf-8")
    temporary.replace(path)
    if choice.shared and password:
        credentials.keep_password(choice.url(), password)


def default_target() -> str | None:
    """The shared server this computer was set to use, or None for the file here."""
    return paths.saved_server()


def try_connection(choice: Connection, password: str | None = None) -> str:
    """Connect to the server `choice` names (with `password`, else the one in the keyring) and
    say what is there; a server that cannot be reached or refuses raises ServerUnreachable."""
    from sqlalchemy import inspect, text

    from sendboard.store import server
    from sendboard.store.failures import explained

    check(choice)
    url = choice.url(password) if password else credentials.with_password(choice.url())
    name = server.where(url)
    engine = server.server_engine(url, "connection test from sendboard")
    try:
        with explained(name, files=False), engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
            tables = set(inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    reached = f"Connected to {name} (PostgreSQL {version})"
    if revision:
        return f"{reached}: it holds a sendboard database."
    if tables - {"alembic_version"}:
        return (
            f"{reached}, but it holds tables that are not sendboard's. Ask IT for an empty "
            "database for sendboard."
        )
    return (
        f"{reached}: the database is empty. sendboard sets it up when it first opens it; "
        "to bring this computer's records, use Move to a shared server…"
    )


def describe(choice: Connection) -> str:
    """The choice as the window names it."""
    if not choice.shared:
        return "the database file on this computer"
    from sendboard.store.server import where

    return where(choice.url())


def server_target(choice: Connection, password: str | None = None) -> str:
    """What `open_database` or a copy takes for the server: its URL with `password`, else with
    the one in the keyring (never shown or saved)."""
    url = choice.url(password) if password else credentials.with_password(choice.url())
    return url.render_as_string(hide_password=False)
