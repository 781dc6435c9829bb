"""Where sendboard keeps its data: the user data folder, or SENDBOARD_HOME when set."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "sendboard"
DB_FILENAME = "sendboard.db"


def data_dir() -> Path:
    """The folder holding the database, backups and stored papers."""
    override = os.environ.get("SENDBOARD_HOME")
    base = (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


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
    base = (
        Path(override)
        if override
        else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )
    return base / "config.json"


def outbox_dir() -> Path:
    """Where drafts and their attachments are written for a mail program to pick up."""
    return data_dir() / "outbox"
