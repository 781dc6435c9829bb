"""Where sendboard keeps its data: the user data folder, or SENDBOARD_HOME when set."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

APP_NAME = "sendboard"
DB_FILENAME = "sendboard.db"


def data_dir() -> Path:
    """The folder holding the database, backups and stored papers."""
    override = os.environ.get("SENDBOARD_HOME")
    base = Path(override) if override else _user_dir("data")
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def resolve_target(db: str | None, *, demo: bool = False) -> str:
    """`--db` wins; else the demo file with `--demo`; else the shared server chosen in
    Settings → Database for this computer; else the default file in the data folder."""
    if db:
        return db
    if not demo and (server := saved_server()):
        return server
    return str(demo_db_path() if demo else default_db_path())


def saved_server() -> str | None:
    """The shared server this computer was set to use (Settings → Database), as a URL without
    the password (that is in the keyring); None for the file on this computer.

    Read from config.json without loading the store, so the window can name it at once."""
    try:
        data = json.loads(config_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    saved = data.get("database") if isinstance(data, dict) else None
    if not isinstance(saved, dict) or saved.get("mode") != "shared_server":
        return None
    host = str(saved.get("host") or "").strip()
    if not host:
        return None
    from urllib.parse import quote

    user = str(saved.get("user") or "")
    login = f"{quote(user, safe='')}@" if user else ""
    port = saved.get("port") or 5432
    database = quote(str(saved.get("database") or "sendboard"), safe="")
    sslmode = "require" if saved.get("tls_required", True) else "prefer"
    return f"postgresql+psycopg://{login}{host}:{port}/{database}?sslmode={sslmode}"


def target_label(target: str) -> str:
    """How a database is named before it is open: its path, or its URL without a password."""
    if "://" not in target:
        return str(Path(target))
    return re.sub(r"(://[^/:@]*):[^/@]*@", r"\1:***@", target)


def backups_dir_for(db_file: Path) -> Path:
    """Backups sit beside the database they copy, so a moved database keeps its history."""
    return db_file.parent / "backups"


def files_dir_for(db_file: Path | None) -> Path:
    """Stored attachments (papers, evidence) beside a file database, else in the data folder."""
    return (db_file.parent if db_file else data_dir()) / "files"


def config_file() -> Path:
    """Settings for this computer only (e.g. which mail program to use), not in the database.

    In the user config folder, or in SENDBOARD_HOME when that is set (development, tests).
    """
    override = os.environ.get("SENDBOARD_HOME")
    base = Path(override) if override else _user_dir("config")
    return base / "config.json"


def _user_dir(kind: str) -> Path:
    """This user's data or config folder for the app, as the platform lays them out."""
    import platformdirs  # only when asked: a `--db` or SENDBOARD_HOME start never needs it

    if kind == "config":
        return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def outbox_dir() -> Path:
    """Where drafts and their attachments are written for a mail program to pick up."""
    return data_dir() / "outbox"
