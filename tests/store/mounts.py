"""Small file systems for fault tests: read-only and nearly full. Mounting needs root."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted on `folder` (skips the test when that is not possible)."""
    if not IS_ROOT:
        pytest.skip("mounting a small file system needs root")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)])
    if done.returncode != 0:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


@contextmanager
def read_only_copy(source: Path, folder: Path) -> Iterator[Path]:
    """`source` copied into `folder`, with both then read-only: a read-only mount as root,
    file and folder permissions otherwise."""
    if IS_ROOT:
        with tmpfs(folder, "64m"):
            copy = folder / source.name
            copy.write_bytes(source.read_bytes())
            remount_read_only(folder)
            yield copy
        return
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / source.name
    copy.write_bytes(source.read_bytes())
    copy.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield copy
    finally:
        folder.chmod(0o755)
        copy.chmod(0o644)
