"""Public supplements and exempt items, read back with pypdf: a late paper for an exempt item
is never printed in the public supplement, but a "not for publication" notice stands in its
place, listed on the front sheet and numbered on in the public run like any other page."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

from sendboard.services import packs
from sendboard.services.common.workspace import Database
from tests.outputs.pack_fixture import EXEMPT_ITEM, add_paper, make_meeting, paper_pdf
from tests.outputs.test_pack_supplement import build, outline

#: Words only the exempt item and its late paper contain; none may reach a public copy.
SECRET = ("Legal advice", "Advice body", "Provider contract dispute", "Contract dispute")


def every_stream(reader: PdfReader) -> str:
    """All the file's streams decoded, and its text: whatever a determined reader could dig out."""
    parts = [page.extract_text() for page in reader.pages]
    numbers = {(n, 0) for n in reader.xref_objStm}
    numbers |= {(n, gen) for gen, ids in reader.xref.items() for n in ids}
    for number, generation in sorted(numbers):
        obj = reader.get_object(IndirectObject(number, generation, reader))
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data().decode("latin-1"))
        elif obj is not None:
            parts.append(str(obj))
    parts.append(str(reader.metadata))
    return "\n".join(parts)


def keep(path: Path) -> None:
    """With SENDBOARD_KEEP_PDFS set, copy a built file there to look at it."""
    folder = os.environ.get("SENDBOARD_KEEP_PDFS")
    if folder:
        shutil.copy(path, Path(folder) / path.name)


def issue_both(db: Database, folder: Path) -> tuple[int, packs.PackBuildView]:
    meeting_id = make_meeting(db)
    packs.build_pack(db, meeting_id, folder / "pack.pdf")
    public = packs.build_pack(db, meeting_id, folder / "public.pdf", public=True).value
    return meeting_id, public


def test_public_supplement_of_exempt_papers_only_is_built_with_a_notice(
    demo_db: Database, tmp_path: Path
) -> None:
    meeting_id, public = issue_both(demo_db, tmp_path)
    add_paper(demo_db, meeting_id, EXEMPT_ITEM - 1, "Legal advice", paper_pdf("Advice", 3))
    view, reader, texts = build(
        demo_db, meeting_id, tmp_path / "public-supplement.pdf", supplement=True, public=True
    )
    keep(tmp_path / "public-supplement.pdf")
    first = public.pages + 1
    # The front sheet and one notice page: the paper's three pages are not there.
    assert (view.public, view.version, view.first_page, view.pages) == (True, 1, first, 2)
    assert reader.page_labels == [str(first), str(first + 1)]
    assert f"Page {first + 1} (supplement 1, page 2 of 2)" in texts[1]
    front, notice = texts
    assert "Supplement 1 — public pack" in front and "Late papers in this supplement" in front
    assert re.search(rf"{EXEMPT_ITEM}\. Not for publication\s*{first + 1}\b", front), front
    assert "Late papers withheld: exempt information, in the confidential copy only" in front
    assert "a notice stands in their place" in front
    assert f"Item {EXEMPT_ITEM}: Not for publication" in notice  # the running header
    assert f"Item {EXEMPT_ITEM} contains exempt information and is not for publication" in notice
    assert "confidential pack or its supplement only" in notice
    assert outline(reader)[f"{EXEMPT_ITEM}. Not for publication"] == first + 1
    assert "CONFIDENTIAL" not in "\n".join(texts)
    dug = every_stream(reader)
    assert [word for word in SECRET if word in dug] == []


def test_exempt_notice_takes_its_agenda_place_among_public_late_papers(
    demo_db: Database, tmp_path: Path
) -> None:
    meeting_id, public = issue_both(demo_db, tmp_path)
    add_paper(demo_db, meeting_id, EXEMPT_ITEM, "AOB note", paper_pdf("Aob", 1))
    add_paper(demo_db, meeting_id, EXEMPT_ITEM - 1, "Legal advice", paper_pdf("Advice", 2))
    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 2))
    _, reader, texts = build(
        demo_db, meeting_id, tmp_path / "mixed.pdf", supplement=True, public=True
    )
    keep(tmp_path / "mixed.pdf")
    first = public.pages + 1
    # Agenda order: item 2's paper, item 6's notice, item 7's paper; pages run on unbroken.
    assert reader.page_labels == [str(n) for n in range(first, first + 5)]
    assert "Late dashboard body page 2" in texts[2]
    assert f"Item {EXEMPT_ITEM} contains exempt information" in texts[3]
    assert "Aob body page 1" in texts[4]
    marks = outline(reader)
    assert marks["Paper: Updated dashboard"] == first + 1
    assert marks[f"{EXEMPT_ITEM}. Not for publication"] == first + 3
    assert marks["Paper: AOB note"] == first + 4
    front = texts[0]
    assert front.index("Paper: Updated dashboard") < front.index("Not for publication")
    assert front.index("Not for publication") < front.index("Paper: AOB note")
    assert [word for word in SECRET if word in every_stream(reader)] == []


def test_confidential_supplement_still_carries_the_exempt_paper(
    demo_db: Database, tmp_path: Path
) -> None:
    meeting_id, _ = issue_both(demo_db, tmp_path)
    add_paper(demo_db, meeting_id, EXEMPT_ITEM - 1, "Legal advice", paper_pdf("Advice", 2))
    view, reader, texts = build(demo_db, meeting_id, tmp_path / "cs.pdf", supplement=True)
    everything = "\n".join(texts)
    assert view.pages == 3 and "Advice body page 2" in everything
    assert "Paper: Legal advice" in texts[0] and "Not for publication" not in everything
    assert "Late papers withheld" not in everything
    # The same digging finds the paper where it belongs, so its silence above means something.
    assert "Advice body" in every_stream(reader) and "Legal advice" in every_stream(reader)


def test_public_pack_keeps_exempt_content_out_of_the_file(
    demo_db: Database, tmp_path: Path
) -> None:
    issue_both(demo_db, tmp_path)
    reader = PdfReader(tmp_path / "public.pdf")
    dug = every_stream(reader)
    assert "Not for publication" in dug
    assert [word for word in SECRET if word in dug] == []


def test_public_content_holds_nothing_of_an_exempt_item_but_its_number(
    demo_db: Database, tmp_path: Path
) -> None:
    from sendboard.services.packs.data import gather

    meeting_id, _ = issue_both(demo_db, tmp_path)
    add_paper(demo_db, meeting_id, EXEMPT_ITEM - 1, "Legal advice", paper_pdf("Advice", 1))
    for supplement in (False, True):
        content = gather(demo_db, meeting_id, public=True, supplement=supplement)
        (item,) = [i for i in content.items if i.exempt]
        assert (item.number, item.title, item.lead, item.papers) == (str(EXEMPT_ITEM), "", "", ())
    confidential = gather(demo_db, meeting_id, supplement=True)
    (item,) = confidential.items
    assert item.title == "Provider contract dispute" and item.papers[0].title == "Legal advice"
