"""Files written whole or not at all: built in memory, written beside as FILE.part, renamed.

A write that fails part way (a full disk, a folder that turns read-only) removes its `.part`
and leaves any earlier file of that name exactly as it was.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_whole(path: Path, content: bytes) -> None:
    """Put `content` at `path` in one rename; on any failure nothing new is left behind."""
    part = path.with_name(path.name + ".part")
    try:
        with part.open("wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def workbook_bytes(workbook: object) -> bytes:
    """An openpyxl workbook saved to memory, so a full disk cannot leave a half-closed zip."""
    import io

    buffer = io.BytesIO()
    workbook.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()
