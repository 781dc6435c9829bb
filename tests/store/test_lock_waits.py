"""A command kept waiting for another sendboard opening the same file says so, once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from sendboard import cli
from sendboard.services.common.workspace import open_database
from sendboard.store.locks import opening_lock


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
