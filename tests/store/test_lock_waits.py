"""A command kept waiting for another sendboard opening, or writing to, the same file says so,
once; a write kept waiting too long ends in one line saying the file is busy."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from sendboard import cli
from sendboard.services.common.workspace import open_database
from sendboard.store.locks import opening_lock
from tests.store.test_faults import action_rows, copy_database, counts


def held_for(path: Path, seconds: float) -> threading.Thread:
    """Another opener holding the file's opening lock for `seconds`."""
    taken = threading.Event()

    def hold() -> None:
        with opening_lock(path):
            taken.set()
            time.sleep(seconds)

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(5)
    return thread


def test_a_command_kept_waiting_says_so_on_stderr_once(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(db_path).close()
    holder = held_for(db_path, 2.6)
    status = cli.main(["check", "--db", str(db_path)])
    holder.join()
    out, err = capsys.readouterr()
    assert status == 0, err
    assert err.count("waiting for another sendboard to finish") == 1
    assert len(err.strip().splitlines()) == 1
    assert "ok" in out.lower()


def test_a_restore_kept_waiting_says_so(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sendboard.store import backups

    open_database(db_path).close()
    open_database(db_path).close()  # an existing file is backed up when opened
    kept = backups.last_backup(db_path)
    assert kept is not None
    holder = held_for(db_path, 2.6)
    status = cli.main(["restore", "--db", str(db_path), kept.name])
    holder.join()
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "waiting for another sendboard to finish" in err
    assert f"Restored {kept.name}" in out


def writing_for(path: Path, seconds: float) -> threading.Thread:
    """Another program holding the file's write lock (`BEGIN IMMEDIATE`) for `seconds`."""
    taken = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        taken.set()
        time.sleep(seconds)
        conn.rollback()
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait(5)
    return thread


def board_with_a_sheet(demo_template: Path, tmp_path: Path) -> tuple[Path, Path]:
    path = copy_database(demo_template, tmp_path / "board.db")
    open_database(path).close()  # the day's backup is taken before the write lock is held
    return path, action_rows(tmp_path / "new.csv", 3, "Wait")


def test_a_write_kept_waiting_by_another_writer_says_so_once_then_lands(
    demo_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, sheet = board_with_a_sheet(demo_template, tmp_path)
    holder = writing_for(path, 2.5)
    status = cli.main(["actions", "import", "--db", str(path), str(sheet)])
    holder.join()
    _out, err = capsys.readouterr()
    assert status == 0, err
    assert err.count("waiting for another sendboard to finish writing") == 1
    assert "busy" not in err and "Traceback" not in err
    assert counts(path)[0] == counts(copy_database(demo_template, tmp_path / "b.db"))[0] + 3


def test_a_write_kept_waiting_too_long_ends_in_one_busy_line(
    demo_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sendboard.store import engine

    monkeypatch.setattr(engine, "BUSY_SECONDS", 2)
    path, sheet = board_with_a_sheet(demo_template, tmp_path)
    holder = writing_for(path, 5)
    started = time.monotonic()
    status = cli.main(["actions", "import", "--db", str(path), str(sheet)])
    waited = time.monotonic() - started
    holder.join()
    _out, err = capsys.readouterr()
    assert status == 1
    assert "Traceback" not in err
    lines = [line for line in err.strip().splitlines() if not line.startswith("[")]
    assert len(lines) == 2, err  # besides the progress lines
    assert "waiting for another sendboard to finish writing" in lines[0]
    assert "is busy" in lines[1] and "Nothing was changed" in lines[1]
    assert waited < 4.5
