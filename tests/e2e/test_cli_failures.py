"""Ordinary mishaps at the command line end in one line on stderr and a non-zero status, never a
traceback: a reader that stops early, Ctrl+C, a missing file, a full disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sendboard import cli
from sendboard.services.common.workspace import Database
from tests.pg_server import target

ROOT = Path(__file__).resolve().parents[2]


def _command(db: Database, *args: str) -> list[str]:
    return [sys.executable, "-m", "sendboard", "--db", target(db), *args]


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "SENDBOARD_HOME": str(home)}


def test_output_closed_by_its_reader_is_no_traceback(
    demo_db: Database, sendboard_home: Path
) -> None:
    """`sendboard meetings --all | head -1`: the reader has gone before anything is written."""
    demo_db.close()
    process = subprocess.Popen(
        _command(demo_db, "meetings", "--all"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(sendboard_home),
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) != 0
    assert "Traceback" not in error and "Exception ignored" not in error
    assert len(error.strip().splitlines()) <= 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_is_one_line(demo_db: Database, sendboard_home: Path) -> None:
    demo_db.close()
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            _command(demo_db, "meetings", "--all"),
            stdout=full,
            stderr=subprocess.PIPE,
            env=_env(sendboard_home),
            text=True,
            timeout=60,
        )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("sendboard: ") and "disk is full" in line and "free some space" in line


def test_interrupt_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db: Database
) -> None:
    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.meetings, "run", interrupted)
    assert cli.main(["meetings", "--db", target(db)]) == 130
    assert capsys.readouterr().err == "sendboard: interrupted.\n"


def test_missing_file_and_unwritable_folder_are_one_line(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_db.close()
    missing = tmp_path / "nowhere" / "log.csv"
    assert cli.main(["actions", "import", "--db", target(demo_db), str(missing)]) == 1
    assert capsys.readouterr().err.strip() == f"sendboard: {missing} does not exist."
    out = tmp_path / "nowhere" / "log.xlsx"
    assert cli.main(["actions", "export", "--db", target(demo_db), "--out", str(out)]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("sendboard: ") and "log.xlsx" in line
