"""Render, merge and write a pack: checked first, written to FILE.part, renamed only when whole."""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from sendboard.domain.wording import counted
from sendboard.errors import SendboardError
from sendboard.outputs.pack.content import PackContent
from sendboard.outputs.pack.document import PackCanvas, PackDocTemplate
from sendboard.outputs.pack.papers import merge_papers, open_papers
from sendboard.outputs.pack.story import compose
from sendboard.outputs.pack.styles import make_styles
from sendboard.progress import CancelToken, Progress, no_progress


@dataclass(frozen=True)
class BuiltPack:
    path: Path
    pages: int
    sha256: str
    size: int
    data: bytes


def render_pack(
    content: PackContent, progress: Progress = no_progress, token: CancelToken | None = None
) -> tuple[bytes, int]:
    """The finished PDF bytes and page count, without touching the disk."""
    progress(0, 0, "Checking the papers…")
    readers = open_papers(content, token)
    counts = {key: len(reader.pages) for key, reader in readers.items()}
    composition = compose(content, make_styles(), counts)
    buffer = io.BytesIO()
    doc = PackDocTemplate(buffer, content, composition.outline, progress=progress, token=token)
    doc.build(composition.story, canvasmaker=PackCanvas)
    data = buffer.getvalue()
    if doc.slots:
        progress(doc.page_count, doc.page_count, "Merging the papers…")
        if token is not None:
            token.raise_if_cancelled()
        data = merge_papers(data, doc.slots, composition.papers, readers)
    return data, doc.page_count


def write_pack(
    content: PackContent,
    out: Path,
    progress: Progress = no_progress,
    token: CancelToken | None = None,
) -> BuiltPack:
    """Build the pack into `out`; on any failure or cancel, nothing is left behind."""
    out = Path(out)
    data, pages = render_pack(content, progress, token)
    if token is not None:
        token.raise_if_cancelled()
    part = out.with_name(out.name + ".part")
    try:
        with part.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise SendboardError(
            f"The pack could not be saved as {out} ({exc.strerror}). "
            "Choose a folder you can write to, and close the file if it is open in a viewer."
        ) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    progress(pages, pages, f"Pack saved: {counted(pages, 'page')}.")
    return BuiltPack(out, pages, hashlib.sha256(data).hexdigest(), len(data), data)
