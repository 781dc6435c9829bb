"""Faults, not assumptions: kill -9 part way through real commands, then look at what is left.

Each case runs `sendboard` in a child process that kills itself at a chosen step (see
fault_child.py). Afterwards the database must open as either the old or the new one, intact,
and nothing that counts as a backup may be unusable. The kill points are spread evenly over the
steps of the work, and few enough to keep this module well under a minute.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sendboard.services.workspace import open_database
from sendboard.store import backups
from sendboard.store.inspection import APPLICATION_ID
from sendboard.store.schema import head_revision
from tests.store.test_migration_0002 import write_0001_database

CHILD = Path(__file__).with_name("fault_child.py")
ROOT = Path(__file__).parents[2]


def run_child(kill_at: int, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(kill_at), *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


def count_steps(*args: str) -> int:
    status, out, err = finish(run_child(0, *args))
    assert status == 0, err
    return int(out.strip().splitlines()[-1].removeprefix("steps="))


def kill_points(total: int, cases: int) -> list[int]:
    return sorted({max(1, round(total * (i + 0.5) / cases)) for i in range(cases)})


def revision_of(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def assert_backups_usable(db_file: Path) -> None:
    for kept in backups.list_backups(db_file):
        info = backups.describe(kept)
        assert info.problem is None, (kept.name, info.problem)


def test_a_new_database_killed_while_being_built_is_absent_or_whole(tmp_path: Path) -> None:
    total = count_steps("--", "check", "--db", str(tmp_path / "probe.db"))
    for at in kill_points(total, 4):
        path = tmp_path / f"new-{at}.db"
        _status, _, err = finish(run_child(at, "--", "check", "--db", str(path)))
        assert "Traceback" not in err
        if path.exists():
            assert revision_of(path) == head_revision()
        db = open_database(path)  # a later open finishes the job
        assert db.revision() == head_revision()
        db.close()
        assert not list(tmp_path.glob(f".new-{at}.db.*"))  # the killed build's leftovers


def test_an_upgrade_killed_at_any_step_leaves_the_old_or_the_new_database(tmp_path: Path) -> None:
    probe = tmp_path / "probe.db"
    write_0001_database(probe)
    total = count_steps("--", "check", "--db", str(probe))
    for at in kill_points(total, 4):
        path = tmp_path / f"old-{at}.db"
        write_0001_database(path)
        _status, _, err = finish(run_child(at, "--", "check", "--db", str(path)))
        assert "Traceback" not in err
        assert revision_of(path) in ("0001", head_revision())
        assert_backups_usable(path)
        db = open_database(path)
        assert db.revision() == head_revision()
        assert db.integrity_check() == "ok"
        db.close()
    conn = sqlite3.connect(probe)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


@pytest.mark.parametrize("fresh", [True, False], ids=["new file", "upgrade"])
def test_two_first_opens_of_one_file_both_succeed(tmp_path: Path, fresh: bool) -> None:
    path = tmp_path / "shared.db"
    if not fresh:
        write_0001_database(path)
    children = [run_child(0, "--", "check", "--db", str(path)) for _ in range(3)]
    results = [finish(child) for child in children]
    for status, _, err in results:
        assert status == 0, err
    assert revision_of(path) == head_revision()
    assert_backups_usable(path)
