"""Meeting packs read back with pypdf: numbering, metadata, outline, contents, papers, markings."""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from sendboard.errors import SendboardError
from sendboard.services import packs
from sendboard.services.common.workspace import Database
from tests.outputs.pack_fixture import (
    AGENDA,
    EXEMPT_ITEM,
    FINANCE_ITEM,
    add_paper,
    encrypted_pdf,
    make_meeting,
    paper_pdf,
)


def build(
    db: Database, meeting_id: int, out: Path, **kw: bool
) -> tuple[packs.PackBuildView, PdfReader, list[str]]:
    view = packs.build_pack(db, meeting_id, out, **kw).value
    reader = PdfReader(out)
    return view, reader, [page.extract_text() for page in reader.pages]


def outline_titles(reader: PdfReader) -> list[tuple[int, str, int]]:
    found: list[tuple[int, str, int]] = []

    def walk(entries: list, level: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, level + 1)
            else:
                found.append((level, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return found


@pytest.fixture
def pack(demo_db: Database, tmp_path: Path):
    meeting_id = make_meeting(demo_db)
    return (meeting_id, *build(demo_db, meeting_id, tmp_path / "pack.pdf"))


def test_every_page_numbered_of_the_true_total(pack) -> None:
    _, view, reader, texts = pack
    total = len(reader.pages)
    assert view.pages == total > 8
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text
    labels = reader.trailer["/Root"]["/PageLabels"]["/Nums"]
    assert labels[0] == 0 and labels[1].get_object()["/S"] == "/D"


def test_metadata_and_language(pack) -> None:
    _, _, reader, _ = pack
    meta = reader.metadata
    assert "SEND Improvement Board" in meta.title and "Confidential pack" in meta.title
    assert meta.author == "Jack Lindqvist"
    assert meta.subject.startswith("Meeting pack for Improvement Board")
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_outline_mirrors_the_agenda(pack) -> None:
    _, _, reader, texts = pack
    top = [title for level, title, _ in outline_titles(reader) if level == 0]
    assert top[:3] == ["Front sheet", "Contents", "Agenda"]
    assert top[3:] == [f"{n}. {row[0]}" for n, row in enumerate(AGENDA, start=1)]
    for _, title, page in outline_titles(reader):
        if title.startswith(("2. Action", f"{FINANCE_ITEM}. Finance")):
            number = title.split(".")[0]
            assert title in texts[page - 1] or f"Item {number}:" in texts[page - 1]


def test_contents_page_numbers_match_where_parts_start(pack) -> None:
    _, _, _, texts = pack
    contents = texts[1]
    assert contents.startswith("Contents") or "Contents" in contents.splitlines()[0:3]
    rows = re.findall(r"^(\d+)\. (.+)\n(\d+)$", contents, flags=re.M)
    assert len(rows) >= 4
    papers = re.findall(r"^ *Paper: (.+)\n(\d+)$", contents, flags=re.M)
    assert [title for title, _ in papers] == ["Finance", "Contract dispute"]
    for title, page in papers:
        assert f"{title} body page 1" in texts[int(page) - 1]
    for number, title, page in rows:
        text = texts[int(page) - 1]
        assert f"{number}. {title}" in text or f"Item {number}: {title}" in text, (title, page)
    finance = next(p for n, t, p in rows if n == str(FINANCE_ITEM))
    assert "Finance body page 1" in texts[int(finance) - 1]


def test_names_in_full_unicode(pack) -> None:
    _, _, _, texts = pack
    everything = "\n".join(texts)
    for name in ("Siân Pritchard", "Zoë Hartley", "Łukasz Nowak"):
        assert name in everything


def test_paper_pages_stamped_with_item_and_continuous_numbers(pack) -> None:
    _, _, reader, texts = pack
    total = len(reader.pages)
    pages = [i for i, text in enumerate(texts, start=1) if "Finance body page" in text]
    assert len(pages) == 3 and pages == list(range(pages[0], pages[0] + 3))
    for offset, number in enumerate(pages, start=1):
        text = texts[number - 1]
        assert f"Finance body page {offset}" in text
        assert f"Item {FINANCE_ITEM}: Finance and sufficiency report" in text
        assert f"Page {number} of {total}" in text


def test_confidential_pack_marked_on_every_page(pack) -> None:
    _, _, _, texts = pack
    assert all("CONFIDENTIAL" in text and "OFFICIAL" in text for text in texts)
    assert any("Contract dispute body page 1" in text for text in texts)


def test_public_pack_leaves_exempt_items_out(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = make_meeting(demo_db)
    view, reader, texts = build(demo_db, meeting_id, tmp_path / "public.pdf", public=True)
    everything = "\n".join(texts)
    assert "Provider contract dispute" not in everything
    assert "Contract dispute" not in everything
    assert f"{EXEMPT_ITEM}. Not for publication" in everything
    assert not any("CONFIDENTIAL" in text for text in texts)
    assert view.public and "Public" in reader.metadata.title
    assert f"{EXEMPT_ITEM}. Not for publication" in [t for _, t, _ in outline_titles(reader)]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
        (encrypted_pdf(), "password-protected"),
        (b"", "missing its file"),
    ],
)
def test_unreadable_paper_stops_the_build_naming_the_item(
    demo_db: Database, tmp_path: Path, data: bytes, problem: str
) -> None:
    meeting_id = make_meeting(demo_db)
    add_paper(demo_db, meeting_id, 6, "Chair's note", data)
    out = tmp_path / "pack.pdf"
    with pytest.raises(SendboardError) as caught:
        packs.build_pack(demo_db, meeting_id, out)
    message = str(caught.value)
    assert 'Item 7 "Any other business"' in message and problem in message
    assert "Chair's note" in message
    assert list(tmp_path.glob("pack.pdf*")) == []
    assert packs.list_packs(demo_db, meeting_id) == []


def test_build_recorded_with_its_fingerprint(pack, demo_db: Database, tmp_path: Path) -> None:
    meeting_id, view, _, _ = pack
    out = tmp_path / "pack.pdf"
    assert view.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    listed = packs.list_packs(demo_db, meeting_id)
    assert [(b.id, b.pages, b.sha256, b.path) for b in listed] == [
        (view.id, view.pages, view.sha256, str(out.resolve()))
    ]
    out.unlink()
    kept = packs.pack_file(demo_db, view.id)
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == view.sha256


def test_landscape_paper_fits_the_page(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = make_meeting(demo_db)
    add_paper(demo_db, meeting_id, 6, "Wide chart", paper_pdf("Wide chart", 1, landscape=True))
    _, reader, texts = build(demo_db, meeting_id, tmp_path / "pack.pdf")
    page = next(p for p, t in zip(reader.pages, texts, strict=True) if "Wide chart body" in t)
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert io.BytesIO  # the page stays A4 portrait; the paper is scaled onto it


def test_email_hands_the_pack_to_the_mail_program(
    pack, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import email

    from sendboard.mail import eml
    from sendboard.services.packs import mail as pack_mail

    monkeypatch.setattr(eml, "open_path", lambda path: None)
    _, view, _, _ = pack
    result = pack_mail.email_pack(demo_db, view.id, choice="eml", folder=tmp_path / "out").value
    message = email.message_from_bytes(next((tmp_path / "out").glob("*.eml")).read_bytes())
    attached = {part.get_filename(): part for part in message.walk() if part.get_filename()}
    assert attached["pack.pdf"].get_payload(decode=True) == (tmp_path / "pack.pdf").read_bytes()
    assert "Confidential pack" in message["Subject"]
    assert result.log.recipients and not pack_mail.too_large(view)
