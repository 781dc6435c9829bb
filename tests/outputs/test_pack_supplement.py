"""Supplements read back with pypdf: page numbers run on from the pack they follow, the front
sheet names that pack and lists the late papers, and each is recorded in its run."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from sendboard.errors import SendboardError
from sendboard.services import packs
from sendboard.services.common.workspace import Database
from tests.outputs.pack_fixture import EXEMPT_ITEM, FINANCE_ITEM, add_paper, make_meeting, paper_pdf

TODAY = date.today()
ISSUED = f"{TODAY.day} {TODAY:%B %Y}"


def build(db: Database, meeting_id: int, out: Path, **kw: bool):
    view = packs.build_pack(db, meeting_id, out, **kw).value
    reader = PdfReader(out)
    return view, reader, [page.extract_text() for page in reader.pages]


def printed_numbers(texts: list[str]) -> list[int]:
    """The bold "Page N" printed in each page's footer."""
    return [int(re.findall(r"Page (\d+)", text)[-1]) for text in texts]


def outline(reader: PdfReader) -> dict[str, int]:
    """Outline titles and the label of the page each points to."""
    found: dict[str, int] = {}

    def walk(entries: list) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                index = reader.get_destination_page_number(entry)
                found[entry.title] = int(reader.page_labels[index])

    walk(reader.outline)
    return found


@pytest.fixture
def issued(demo_db: Database, tmp_path: Path) -> tuple[int, packs.PackBuildView]:
    meeting_id = make_meeting(demo_db)
    main = packs.build_pack(demo_db, meeting_id, tmp_path / "pack.pdf").value
    return meeting_id, main


def test_supplement_numbers_on_after_the_main_pack(
    issued, demo_db: Database, tmp_path: Path
) -> None:
    meeting_id, main = issued
    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 2))
    view, reader, texts = build(demo_db, meeting_id, tmp_path / "supp.pdf", supplement=True)
    first = main.pages + 1
    assert (view.supplement, view.version, view.first_page) == (True, 1, first)
    assert (view.pages, view.follows_id, view.page_range) == (3, main.id, f"{first}–{first + 2}")
    # Printed, labelled and counted alike: "Page 20 (supplement 1, page 1 of 3)".
    assert reader.page_labels == [str(first), str(first + 1), str(first + 2)]
    for index, text in enumerate(texts):
        assert f"Page {first + index} (supplement 1, page {index + 1} of 3)" in text
    assert printed_numbers(texts) == [first, first + 1, first + 2]
    assert reader.metadata.title.endswith("Supplement 1 — confidential pack")
    everything = "\n".join(texts)
    assert "Late dashboard body page 2" in everything and "Finance body page" not in everything


def test_front_sheet_names_the_pack_it_follows_and_lists_late_papers(
    issued, demo_db: Database, tmp_path: Path
) -> None:
    meeting_id, main = issued
    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 2))
    add_paper(demo_db, meeting_id, FINANCE_ITEM - 1, "Finance annex", paper_pdf("Annex", 1))
    _, reader, texts = build(demo_db, meeting_id, tmp_path / "supp.pdf", supplement=True)
    front = texts[0]
    assert f"Supplement 1 to the pack issued on {ISSUED} (version 1)" in front
    assert f"Pack version 1, issued {ISSUED}, pages 1–{main.pages}" in front
    assert f"ends at page {main.pages}" in front
    assert "Late papers in this supplement" in front
    # Each listed paper's page number is the printed number of the page it starts on.
    starts = {
        title: next(
            int(reader.page_labels[i]) for i, text in enumerate(texts) if f"{body} body" in text
        )
        for title, body in (("Updated dashboard", "Late dashboard"), ("Finance annex", "Annex"))
    }
    assert starts == {"Updated dashboard": main.pages + 2, "Finance annex": main.pages + 4}
    for title, page in starts.items():
        assert re.search(rf"Paper: {title}\s*{page}\b", front), front
    marks = outline(reader)
    assert marks["Front sheet"] == marks["Late papers"] == main.pages + 1
    assert marks["Paper: Finance annex"] == starts["Finance annex"]
    assert "Agenda" not in marks and "Contents" not in marks


def test_second_supplement_continues_after_the_first(
    issued, demo_db: Database, tmp_path: Path
) -> None:
    meeting_id, main = issued
    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 2))
    first, *_ = build(demo_db, meeting_id, tmp_path / "s1.pdf", supplement=True)
    add_paper(demo_db, meeting_id, FINANCE_ITEM - 1, "Finance annex", paper_pdf("Annex", 1))
    second, reader, texts = build(demo_db, meeting_id, tmp_path / "s2.pdf", supplement=True)
    start = first.last_page + 1
    assert (second.version, second.first_page, second.follows_id) == (2, start, first.id)
    assert reader.page_labels == [str(start), str(start + 1)]
    assert f"Page {start + 1} (supplement 2, page 2 of 2)" in texts[1]
    assert "Annex body page 1" in texts[1]
    assert "Late dashboard" not in "\n".join(texts)  # already in supplement 1
    assert f"Supplement 2 to the pack issued on {ISSUED} (version 1)" in texts[0]
    assert f"Supplement 1, issued {ISSUED}, pages {first.first_page}–{first.last_page}" in texts[0]
    listed = packs.list_packs(demo_db, meeting_id)
    assert [(v.id, v.kind_label) for v in listed] == [
        (main.id, "Confidential pack"),
        (first.id, "Confidential supplement 1"),
        (second.id, "Confidential supplement 2"),
    ]
    assert packs.suggested_name(demo_db, meeting_id, public=False, supplement=True).endswith(
        "supplement 3.pdf"
    )


def test_public_and_confidential_runs_number_apart(
    issued, demo_db: Database, tmp_path: Path
) -> None:
    meeting_id, main = issued
    public = packs.build_pack(demo_db, meeting_id, tmp_path / "public.pdf", public=True).value
    assert public.pages < main.pages  # the exempt item's paper is left out
    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 1))
    add_paper(demo_db, meeting_id, EXEMPT_ITEM - 1, "Legal advice", paper_pdf("Advice", 1))
    confidential, _, texts = build(demo_db, meeting_id, tmp_path / "cs.pdf", supplement=True)
    assert confidential.first_page == main.pages + 1 and "Advice body" in "\n".join(texts)
    published, _, texts = build(
        demo_db, meeting_id, tmp_path / "ps.pdf", supplement=True, public=True
    )
    assert (published.first_page, published.version) == (public.pages + 1, 1)
    everything = "\n".join(texts)
    assert "Late dashboard body" in everything
    assert "Advice" not in everything and "Provider contract dispute" not in everything
    assert f"Item {EXEMPT_ITEM} contains exempt information" in everything  # its notice
    assert published.pages == 3  # front sheet, the dashboard page, the notice
    assert "CONFIDENTIAL" not in everything
    kinds = [v.kind_label for v in packs.list_packs(demo_db, meeting_id)]
    assert kinds == [
        "Confidential pack",
        "Confidential supplement 1",
        "Public pack",
        "Public supplement 1",
    ]


def test_a_reissued_pack_starts_a_new_run(issued, demo_db: Database, tmp_path: Path) -> None:
    meeting_id, main = issued
    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 2))
    build(demo_db, meeting_id, tmp_path / "s1.pdf", supplement=True)
    again = packs.build_pack(demo_db, meeting_id, tmp_path / "v2.pdf").value
    assert again.version == 2 and again.pages == main.pages + 2
    add_paper(demo_db, meeting_id, FINANCE_ITEM - 1, "Finance annex", paper_pdf("Annex", 1))
    view, _, texts = build(demo_db, meeting_id, tmp_path / "s.pdf", supplement=True)
    assert (view.version, view.first_page, view.follows_id) == (1, again.pages + 1, again.id)
    assert f"Supplement 1 to the pack issued on {ISSUED} (version 2)" in texts[0]
    assert "Late dashboard" not in "\n".join(texts)


def test_supplement_refused_before_a_pack_is_issued(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = make_meeting(demo_db)
    with pytest.raises(SendboardError, match="No confidential pack has been issued"):
        packs.build_pack(demo_db, meeting_id, tmp_path / "s.pdf", supplement=True)
    with pytest.raises(SendboardError, match="Build the public pack first"):
        packs.check_supplement(demo_db, meeting_id, public=True)
    assert list(tmp_path.glob("s.pdf*")) == []


def test_supplement_refused_when_nothing_is_late(issued, demo_db: Database, tmp_path: Path) -> None:
    meeting_id, _ = issued
    with pytest.raises(SendboardError, match="no late papers"):
        packs.build_pack(demo_db, meeting_id, tmp_path / "s.pdf", supplement=True)
    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 1))
    build(demo_db, meeting_id, tmp_path / "s1.pdf", supplement=True)
    with pytest.raises(SendboardError, match="no late papers"):
        packs.build_pack(demo_db, meeting_id, tmp_path / "s2.pdf", supplement=True)
    assert not (tmp_path / "s.pdf").exists() and not (tmp_path / "s2.pdf").exists()


def test_a_supplement_overtaken_by_another_is_not_recorded(
    issued, demo_db: Database, tmp_path: Path
) -> None:
    meeting_id, _ = issued
    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 1))
    one = packs.make_pack(demo_db, meeting_id, tmp_path / "a.pdf", supplement=True)
    two = packs.make_pack(demo_db, meeting_id, tmp_path / "b.pdf", supplement=True)
    packs.record_pack(demo_db, one)
    with pytest.raises(SendboardError, match="Build the supplement again"):
        packs.record_pack(demo_db, two)
    assert [v.supplement for v in packs.list_packs(demo_db, meeting_id)] == [False, True]


def test_email_says_where_the_supplement_files(issued, demo_db: Database, tmp_path: Path) -> None:
    from sendboard.services.packs import mail as pack_mail

    meeting_id, main = issued
    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 1))
    view, *_ = build(demo_db, meeting_id, tmp_path / "supp.pdf", supplement=True)
    draft = pack_mail.pack_draft(demo_db, view.id)
    assert draft.subject.startswith("Confidential supplement 1:")
    assert f"numbered {main.pages + 1}–{main.pages + 2} on from the pack" in draft.body
