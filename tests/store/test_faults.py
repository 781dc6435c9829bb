"""Faults, not assumptions: kill -9 part way through real commands, then look at what is left.

Each case runs `sendboard` in a child process that kills itself at a chosen step (see
fault_child.py). Afterwards the database must open as either the old or the new one, intact,
and nothing that counts as a backup may be unusable. The kill points are spread evenly over the
steps of the work, and few enough to keep this module well under a minute.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sendboard.errors import DiskFull
from sendboard.services.common.workspace import open_database
from sendboard.store import backups
from sendboard.store.inspection import APPLICATION_ID
from sendboard.store.schema import head_revision
from tests.store.mounts import read_only_copy, tmpfs
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


def table_counts(path: Path) -> dict[str, int]:
    """Rows in every table of a database that passes its integrity check."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
        }
    finally:
        conn.close()


#: Seed for the demo build's kill points; set SENDBOARD_FAULT_SEED to repeat a run.
SEED = int(os.environ.get("SENDBOARD_FAULT_SEED", random.SystemRandom().randrange(10**6)))


def test_a_demo_build_killed_at_random_points_is_absent_or_whole(tmp_path: Path) -> None:
    """A killed `sendboard demo` leaves no file, an empty database or the whole demo (it is
    built in one transaction); an empty one takes a second `sendboard demo`."""
    from sendboard import cli

    probe = tmp_path / "probe.db"
    total = count_steps("--", "demo", "--db", str(probe))
    whole = table_counts(probe)
    empty_file = tmp_path / "empty.db"
    open_database(empty_file).close()
    empty = table_counts(empty_file)
    assert whole["boards"] > 0 and empty["boards"] == 0
    rng = random.Random(SEED)
    thirds = [(total * i // 3 + 1, total * (i + 1) // 3) for i in range(3)]
    for at in [rng.randint(low, high) for low, high in thirds]:
        seen = f"seed {SEED}, killed at step {at} of {total}"
        folder = tmp_path / f"kill-{at}"
        folder.mkdir()
        path = folder / "demo.db"
        _status, _, err = finish(run_child(at, "--", "demo", "--db", str(path)))
        assert "Traceback" not in err, seen
        left = table_counts(path) if path.exists() else None
        assert left in (None, empty, whole), seen
        if path.exists():
            assert revision_of(path) == head_revision(), seen
        status = cli.main(["demo", "--db", str(path)])  # a second demo, in this process
        assert status == (1 if left == whole else 0), seen
        assert table_counts(path) == whole, seen
        assert not [p.name for p in folder.iterdir() if p.name.startswith(".")], seen


def copy_database(source: Path, target: Path) -> Path:
    src, dest = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dest)
    src.close()
    dest.close()
    return target


def action_rows(path: Path, rows: int, tag: str) -> Path:
    lines = ["Action,Owner,Target date"]
    lines += [f"{tag} step {n},Priya Raman,1 March 2027" for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        actions = conn.execute("SELECT count(*) FROM actions").fetchone()[0]
        audited = conn.execute(
            "SELECT count(*) FROM audit_entries WHERE entity = 'Action' AND action = 'create'"
        ).fetchone()[0]
        return actions, audited
    finally:
        conn.close()


def test_an_import_killed_at_any_step_is_all_there_or_not_at_all(
    demo_template: Path, tmp_path: Path
) -> None:
    sheet = action_rows(tmp_path / "new.csv", 20, "Kill")
    probe = copy_database(demo_template, tmp_path / "probe.db")
    open_database(probe).close()  # the day's backup, so the count covers the import alone
    before = counts(probe)
    total = count_steps("--", "actions", "import", "--db", str(probe), str(sheet))
    assert counts(probe) == (before[0] + 20, before[1] + 20)
    for at in kill_points(total, 4):
        path = copy_database(demo_template, tmp_path / f"kill-{at}.db")
        open_database(path).close()
        _, _, err = finish(run_child(at, "--", "actions", "import", "--db", str(path), str(sheet)))
        assert "Traceback" not in err
        assert counts(path) in (before, (before[0] + 20, before[1] + 20))
        assert_backups_usable(path)


def test_a_backup_killed_at_any_step_leaves_nothing_that_counts(
    demo_template: Path, tmp_path: Path
) -> None:
    path = copy_database(demo_template, tmp_path / "board.db")
    total = count_steps("backup", str(path))
    for at in kill_points(total, 4):
        finish(run_child(at, "backup", str(path)))
        assert_backups_usable(path)
    assert revision_of(path) == head_revision()


def test_two_imports_at_once_both_land_with_their_own_references(
    demo_template: Path, tmp_path: Path
) -> None:
    path = copy_database(demo_template, tmp_path / "board.db")
    open_database(path).close()
    before = counts(path)
    sheets = [action_rows(tmp_path / f"{tag}.csv", 15, tag) for tag in ("North", "South")]
    children = [
        run_child(0, "--", "actions", "import", "--db", str(path), str(sheet)) for sheet in sheets
    ]
    results = [finish(child) for child in children]
    landed = 0
    for status, _, err in results:
        assert "Traceback" not in err
        assert status == 0 or "busy" in err
        landed += status == 0
    assert landed >= 1
    assert counts(path) == (before[0] + 15 * landed, before[1] + 15 * landed)
    conn = sqlite3.connect(path)
    references = [r[0] for r in conn.execute("SELECT reference FROM actions")]
    conn.close()
    assert len(references) == len(set(references))


def test_a_read_only_copy_is_read_and_a_write_refused_in_one_line(
    demo_template: Path, tmp_path: Path
) -> None:
    sheet = action_rows(tmp_path / "new.csv", 2, "Ro")
    with read_only_copy(demo_template, tmp_path / "ro") as copy:
        status, out, err = finish(run_child(0, "--", "check", "--db", str(copy)))
        assert status == 0, err
        assert "read-only" in out
        status, _, err = finish(
            run_child(0, "--", "actions", "import", "--db", str(copy), str(sheet))
        )
        assert status == 1
        assert "Traceback" not in err
        assert "read-only" in err
        assert "damaged" not in err
        assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]


def fill(folder: Path, leave: int) -> None:
    """Take all but `leave` bytes of the file system holding `folder`."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    (folder / "filler").write_bytes(b"\0" * max(0, free - leave))


def test_a_full_disk_at_open_says_so_and_changes_nothing(demo_template: Path, tmp_path) -> None:
    with tmpfs(tmp_path / "small", "32m") as folder:
        path = copy_database(demo_template, folder / "board.db")
        before = path.read_bytes()
        fill(folder, 16 * 1024)
        with pytest.raises(DiskFull, match=r"full\. Nothing was changed; free some space"):
            open_database(path)
        assert path.read_bytes() == before
        assert backups.list_backups(path) == []
        assert sorted(p.name for p in folder.iterdir()) == ["backups", "board.db", "filler"]


def test_a_full_disk_during_an_import_says_so_and_changes_nothing(
    demo_template: Path, tmp_path: Path
) -> None:
    from sendboard.services import actions

    with tmpfs(tmp_path / "small", "32m") as folder:
        path = copy_database(demo_template, folder / "board.db")
        db = open_database(path)
        before = counts(path)
        fill(folder, 8 * 1024)
        sheet = action_rows(tmp_path / "many.csv", 400, "Full")
        with pytest.raises(DiskFull, match="free some space"):
            actions.import_actions(db, sheet)
        db.close()
        (folder / "filler").unlink()
        assert counts(path) == before
