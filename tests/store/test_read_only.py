"""A healthy database that cannot be written to opens read-only: reads work, writes are refused."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sendboard.errors import ReadOnlyDatabase
from sendboard.services import people
from sendboard.services.common.workspace import check, open_database
from sendboard.services.people import PersonInput
from tests.store.mounts import read_only_copy
from tests.store.test_faults import action_rows, copy_database
from tests.store.test_migration_0002 import write_0001_database

ROOT = Path(__file__).parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sendboard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sendboard", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_read_only_database_opens_for_reading_and_refuses_writes(
    demo_template: Path, tmp_path: Path
) -> None:
    source = copy_database(demo_template, tmp_path / "board.db")
    with read_only_copy(source, tmp_path / "ro") as copy:
        before = digest(copy)
        db = open_database(copy)
        try:
            assert db.read_only
            assert len(people.list_people(db)) > 0
            assert check(db).healthy
            with pytest.raises(ReadOnlyDatabase, match="open read-only") as refused:
                people.create_person(db, PersonInput(name="Ada Clerk", email="ada@example.org"))
            assert "\n" not in str(refused.value)
        finally:
            db.close()
        assert digest(copy) == before
        assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def test_a_writable_database_is_not_read_only(db: object) -> None:
    assert db.read_only is False  # type: ignore[attr-defined]


def test_a_read_only_database_that_needs_an_upgrade_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "old.db"
    write_0001_database(source)
    with read_only_copy(source, tmp_path / "ro") as copy:
        before = digest(copy)
        with pytest.raises(ReadOnlyDatabase, match="read-only"):
            open_database(copy)
        assert digest(copy) == before


def test_the_command_line_reads_a_read_only_database_and_refuses_writes_in_one_line(
    demo_template: Path, tmp_path: Path
) -> None:
    source = copy_database(demo_template, tmp_path / "board.db")
    sheet = tmp_path / "people.csv"
    sheet.write_text("Name,Email\nAda Clerk,ada@example.org\n", "utf-8")
    with read_only_copy(source, tmp_path / "ro") as copy:
        before = digest(copy)
        done = sendboard("check", "--db", str(copy))
        assert done.returncode == 0, done.stderr
        assert "read-only" in done.stdout
        out = tmp_path / "people-out.csv"
        done = sendboard("people", "export", "--db", str(copy), "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert "Ada Clerk" not in out.read_text("utf-8-sig") and out.stat().st_size > 100
        actions_sheet = action_rows(tmp_path / "actions.csv", 2, "Ro")
        for command, file in (
            (("people", "import"), sheet),
            (("actions", "import"), actions_sheet),
        ):
            done = sendboard(*command, "--db", str(copy), str(file))
            assert done.returncode == 1
            lines = done.stderr.strip().splitlines()
            assert len(lines) == 1 and "read-only" in lines[0], done.stderr
            assert "Traceback" not in done.stderr
        assert digest(copy) == before
        assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]
