"""The Alembic revisions build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sendboard.services.common.workspace import open_database
from sendboard.store.database import head_revision
from sendboard.store.models import Base


def test_upgrade_from_empty_matches_models(db_path: Path) -> None:
    db = open_database(db_path)
    assert db.revision() == head_revision()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == []
