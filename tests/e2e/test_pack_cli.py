"""`sendboard pack` end to end: next meeting, public copy, supplements, clean failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from sendboard.cli import main
from sendboard.services import packs
from sendboard.services.common.workspace import Database
from tests.outputs.pack_fixture import EXEMPT_ITEM, add_paper, make_meeting, paper_pdf
from tests.pg_server import target


def test_pack_command_builds_next_meeting(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = make_meeting(demo_db, days_ahead=400)
    sooner = packs.find_meeting(demo_db, "next")
    out = tmp_path / "next.pdf"
    assert main(["pack", "--db", target(demo_db), "--meeting", "next", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Confidential pack" in printed and "pages" in printed
    assert [b.path for b in packs.list_packs(demo_db, sooner)] == [str(out.resolve())]
    assert packs.list_packs(demo_db, later) == []
    public = tmp_path / "public.pdf"
    args = ["pack", "--db", target(demo_db), "--meeting", str(later), "--out", str(public)]
    assert main([*args, "--public"]) == 0
    assert "Not for publication" in "".join(p.extract_text() for p in PdfReader(public).pages)


def test_pack_command_reports_a_bad_paper(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting_id = make_meeting(demo_db)
    add_paper(demo_db, meeting_id, 4, "Budget", b"not a pdf at all")
    out = tmp_path / "pack.pdf"
    code = main(["pack", "--db", target(demo_db), "--meeting", str(meeting_id), "--out", str(out)])
    assert code == 1
    assert 'sendboard: Item 5 "Finance and sufficiency report"' in capsys.readouterr().err
    assert list(tmp_path.glob("pack.pdf*")) == []


def test_supplement_command_numbers_on_and_explains_refusals(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting_id = make_meeting(demo_db)
    base = ["pack", "--db", target(demo_db), "--meeting", str(meeting_id)]
    early = tmp_path / "early.pdf"
    assert main([*base, "--out", str(early), "--supplement"]) == 1
    assert "sendboard: No confidential pack has been issued" in capsys.readouterr().err
    assert list(tmp_path.glob("early.pdf*")) == []

    assert main([*base, "--out", str(tmp_path / "pack.pdf")]) == 0
    pages = len(PdfReader(tmp_path / "pack.pdf").pages)
    capsys.readouterr()
    assert main([*base, "--out", str(tmp_path / "none.pdf"), "--supplement"]) == 1
    assert "There are no late papers" in capsys.readouterr().err

    add_paper(demo_db, meeting_id, 1, "Updated dashboard", paper_pdf("Late dashboard", 2))
    out = tmp_path / "supplement.pdf"
    assert main([*base, "--out", str(out), "--supplement"]) == 0
    printed = capsys.readouterr().out
    assert "Confidential supplement 1: 3 pages" in printed
    assert f"Numbered {pages + 1}–{pages + 3}" in printed and f"(pages 1–{pages})" in printed
    reader = PdfReader(out)
    assert reader.page_labels == [str(n) for n in range(pages + 1, pages + 4)]
    assert f"Page {pages + 1} (supplement 1, page 1 of 3)" in reader.pages[0].extract_text()


def test_public_supplement_of_exempt_papers_says_a_notice_stands_in(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting_id = make_meeting(demo_db)
    base = ["pack", "--db", target(demo_db), "--meeting", str(meeting_id), "--public"]
    assert main([*base, "--out", str(tmp_path / "public.pdf")]) == 0
    assert "Item 6 is exempt: a 'not for publication' notice stands in for each." in (
        capsys.readouterr().out
    )
    pages = len(PdfReader(tmp_path / "public.pdf").pages)
    add_paper(demo_db, meeting_id, EXEMPT_ITEM - 1, "Legal advice", paper_pdf("Advice", 2))
    out = tmp_path / "public supplement.pdf"
    assert main([*base, "--out", str(out), "--supplement"]) == 0
    printed = capsys.readouterr().out
    assert "Public supplement 1: 2 pages" in printed
    assert f"Numbered {pages + 1}–{pages + 2}" in printed
    assert "Item 6 is exempt: a 'not for publication' notice stands in for the late papers" in (
        printed
    )
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Not for publication" in text and "Advice" not in text
    # Confidential runs are told nothing of the kind.
    assert main([*base[:-1], "--out", str(tmp_path / "c.pdf")]) == 0
    assert "exempt" not in capsys.readouterr().out
