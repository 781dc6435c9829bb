"""A full disk while writing a file other than the database: one line, and nothing half-written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store.mounts import tmpfs
from tests.store.test_faults import copy_database, fill

ROOT = Path(__file__).parents[2]


def sendboard(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sendboard", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "command",
    [
        ("risks", "export"),
        ("actions", "export"),
        ("people", "export"),
    ],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_onto_a_full_disk_says_so_in_one_line_and_keeps_the_old_file(
    demo_template: Path, tmp_path: Path, command: tuple[str, str], suffix: str
) -> None:
    db = copy_database(demo_template, tmp_path / "board.db")
    with tmpfs(tmp_path / "small", "1m") as folder:
        out = folder / f"export{suffix}"
        out.write_bytes(b"the earlier export")
        fill(folder, 4 * 1024)
        done = sendboard(*command, "--db", str(db), "--out", str(out))
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, done.stderr
        assert "full" in lines[0] and "free some space" in lines[0]
        assert out.read_bytes() == b"the earlier export"
        assert sorted(p.name for p in folder.iterdir()) == [out.name, "filler"]


def test_a_database_failure_outside_the_database_code_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from sendboard import cli
    from sendboard.services.common import workspace

    def failing(_db: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(workspace, "check", failing)
    status = cli.main(["check", "--db", str(tmp_path / "board.db")])
    err = capsys.readouterr().err
    assert status == 1
    assert err.count("\n") == 1 and "full" in err and "free some space" in err
