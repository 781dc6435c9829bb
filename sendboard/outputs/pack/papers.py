"""Attached papers: checked before anything is drawn, then merged into their reserved pages."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import PdfReadError
from reportlab.lib.units import mm

from sendboard.errors import SendboardError
from sendboard.outputs.pack.content import PackContent, PackItem, PaperDoc
from sendboard.outputs.pack.document import BAND, PAGE_HEIGHT, PAGE_WIDTH
from sendboard.outputs.pack.flowables import SlotInfo
from sendboard.outputs.pack.story import PaperRef
from sendboard.progress import CancelToken

SIDE = 8 * mm
GAP = 2 * mm


class PaperError(SendboardError):
    """A paper could not be read; the message names the agenda item so it can be fixed."""


def _refuse(item: PackItem, paper: PaperDoc, problem: str) -> PaperError:
    return PaperError(
        f'Item {item.number} "{item.title}": the paper "{paper.title}" {problem}. '
        "Attach a readable PDF to this item (or remove the paper) and build the pack again."
    )


def open_paper(item: PackItem, paper: PaperDoc) -> PdfReader:
    """Read a paper fully enough to trust it; refuse missing, damaged or protected files."""
    if not paper.data:
        raise _refuse(item, paper, "is missing its file")
    try:
        reader = PdfReader(io.BytesIO(paper.data))
        if reader.is_encrypted:
            raise _refuse(item, paper, "is password-protected")
        if not reader.pages:
            raise _refuse(item, paper, "has no pages")
        for page in reader.pages:
            page.mediabox  # noqa: B018  (touch every page so damage shows now, not mid-merge)
            page.get_contents()
    except PaperError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise _refuse(item, paper, f"is not a readable PDF ({exc})") from exc
    return reader


def open_papers(
    content: PackContent, token: CancelToken | None = None
) -> dict[tuple[int, int], PdfReader]:
    readers = {}
    for i, item in enumerate(content.items):
        if content.public and item.exempt:
            continue
        for j, paper in enumerate(item.papers):
            if token is not None:
                token.raise_if_cancelled()
            readers[(i, j)] = open_paper(item, paper)
    return readers


def merge_papers(
    rendered: bytes,
    slots: Sequence[tuple[int, SlotInfo]],
    refs: Sequence[PaperRef],
    readers: dict[tuple[int, int], PdfReader],
) -> bytes:
    """Lay each paper page under the stamp of its reserved page; the pack's outline, links and
    labels survive because the reserved pages stay the same page objects."""
    writer = PdfWriter(clone_from=io.BytesIO(rendered))
    for page_number, info in slots:
        ref = refs[info.paper_index]
        source = readers[(ref.item_index, ref.paper_index)].pages[info.page_index]
        _place(writer.pages[page_number - 1], source)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _place(target, source) -> None:  # type: ignore[no-untyped-def]
    """Scale the paper page to fit between the header and footer bands, centred. A landscape
    page is turned a quarter so it fills the portrait sheet, as printed packs do."""
    if source.rotation:
        source.transfer_rotation_to_content()
    box = source.cropbox
    width, height = float(box.width), float(box.height)
    ctm = Transformation().translate(-float(box.left), -float(box.bottom))
    if width > height:
        ctm = ctm.rotate(90).translate(height, 0)
        width, height = height, width
    room_w = PAGE_WIDTH - 2 * SIDE
    room_h = PAGE_HEIGHT - 2 * (BAND + GAP)
    scale = min(room_w / width, room_h / height, 1.0)
    x = SIDE + (room_w - width * scale) / 2
    y = BAND + GAP + (room_h - height * scale) / 2
    target.merge_transformed_page(source, ctm.scale(scale, scale).translate(x, y), over=False)
