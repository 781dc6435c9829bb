"""The quick reading of the migration history agrees with Alembic, and spares its import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.script import ScriptDirectory

from sendboard import resources
from sendboard.services.common.workspace import open_database
from sendboard.store.database import alembic_config
from sendboard.store.revisions import read_history

ROOT = Path(__file__).resolve().parents[2]


def _scripts(folder: Path, files: dict[str, str]) -> Path:
    versions = folder / "versions"
    versions.mkdir(parents=True)
    for name, text in files.items():
        (versions / name).write_text(text, encoding="utf-8")
    return folder


def test_history_matches_alembic() -> None:
    history = read_history(resources.migrations_dir())
    scripts = ScriptDirectory.from_config(alembic_config())
    assert history is not None
    assert history.head == scripts.get_current_head()
    assert history.revisions == {script.revision for script in scripts.walk_revisions()}


def test_a_chain_of_revisions_has_the_newest_as_head(tmp_path: Path) -> None:
    folder = _scripts(
        tmp_path,
        {
            "0001_a.py": "revision: str = '0001'\ndown_revision: str | None = None\n",
            "0002_b.py": 'revision = "0002"\ndown_revision = "0001"\n',
            "0003_c.py": "revision: str = '0003'\ndown_revision: str | None = '0002'\n",
        },
    )
    history = read_history(folder)
    assert history is not None
    assert history.head == "0003"
    assert history.revisions == {"0001", "0002", "0003"}


def test_branches_or_unreadable_files_are_left_to_alembic(tmp_path: Path) -> None:
    branched = _scripts(
        tmp_path / "branched",
        {
            "a.py": "revision = 'a'\ndown_revision = None\n",
            "b.py": "revision = 'b'\ndown_revision = 'a'\n",
            "c.py": "revision = 'c'\ndown_revision = 'a'\n",
        },
    )
    unreadable = _scripts(tmp_path / "odd", {"a.py": "revision = make_id()\n"})
    assert read_history(branched) is None
    assert read_history(unreadable) is None
    assert read_history(tmp_path / "missing") is None


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path: Path) -> None:
    database = tmp_path / "x.db"
    open_database(database).close()  # created and migrated here
    script = f"""
import sys
from sendboard.services.common.workspace import open_database
open_database({str(database)!r}).close()
loaded = [m for m in sys.modules if m.split(".")[0] == "alembic"]
assert not loaded, loaded
"""
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)
