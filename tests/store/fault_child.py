"""Run one sendboard command and kill this process (as kill -9 would) at its N-th step.

    python fault_child.py KILL_AT -- sendboard arguments...
    python fault_child.py KILL_AT backup DB

A step is one SQL statement sent through SQLAlchemy, or one call that creates, copies, renames
or flushes a file. KILL_AT below 1 runs to the end and prints the number of steps taken, so a
caller can spread its kill points over the whole of the work.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

STEPS = 0
KILL_AT = int(sys.argv[1])


def step() -> None:
    global STEPS
    STEPS += 1
    if STEPS == KILL_AT:
        os.kill(os.getpid(), 9)


def counted(module: object, name: str) -> None:
    original = getattr(module, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        step()
        result = original(*args, **kwargs)
        step()
        return result

    setattr(module, name, wrapper)


event.listen(Engine, "before_cursor_execute", lambda *a: step())
event.listen(Engine, "commit", lambda *a: step())
for module, name in (
    (os, "replace"),
    (os, "fsync"),
    (os, "unlink"),
    (shutil, "copyfile"),
    (sqlite3, "connect"),
):
    counted(module, name)


def main(args: list[str]) -> int:
    if args[0] == "--":
        from sendboard.cli import main as cli

        return cli(args[1:])
    if args[0] == "backup":
        from sendboard.store import backups

        backups.backup(Path(args[1]))
        return 0
    raise SystemExit(f"unknown work: {args}")


if __name__ == "__main__":
    status = main(sys.argv[2:])
    if KILL_AT < 1:
        print(f"steps={STEPS}")
    sys.exit(status)
