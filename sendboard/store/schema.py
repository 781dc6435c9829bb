"""The schema history: which revision is current, and whether a file's revision is known."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sendboard import resources
from sendboard.errors import NewerDatabase
from sendboard.store.revisions import History, read_history

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic is imported inside the functions that need it: an up-to-date database opens without it
# (see store/revisions.py).


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


def require_known(revision: str | None, name: str) -> None:
    """Refuse a revision this sendboard has never heard of (a newer release's, or not ours)."""
    history = _history()
    if revision is None or (history and revision in history.revisions):
        return
    from alembic.util.exc import CommandError

    try:
        _scripts().get_revision(revision)
    except CommandError as exc:
        raise NewerDatabase(
            f"{name} has schema version {revision}, which this sendboard does not know: it "
            "was written by a newer version of sendboard. It has not been changed. Install "
            "the latest sendboard to open it."
        ) from exc
