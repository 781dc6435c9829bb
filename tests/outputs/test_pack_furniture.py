"""What every pack page carries and how a pack is made: footer, fonts, progress, public copy.

Read back with pypdf and with poppler's `pdffonts`, independently of the code that wrote them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sendboard.services import packs
from sendboard.services.common.workspace import Database
from sendboard.store.models import AgendaItem, Meeting, Paper
from tests.invitation_fixtures import update_meeting
from tests.outputs.pack_fixture import make_meeting

LINK = "https://teams.example.com/l/meetup-join/kingsmere-board"


def demo_meeting_with_papers(db: Database) -> int:
    """The demo's next board meeting, whose papers the demo made."""
    with db.read() as session:
        return session.scalars(
            select(Meeting.id).join(AgendaItem).join(Paper).order_by(Meeting.starts_at).limit(1)
        ).one()


@pytest.fixture
def demo_pack(demo_db: Database, tmp_path: Path) -> tuple[int, Path, list[tuple[int, int, str]]]:
    meeting_id = demo_meeting_with_papers(demo_db)
    out = tmp_path / "pack.pdf"
    calls: list[tuple[int, int, str]] = []
    packs.build_pack(demo_db, meeting_id, out, progress=lambda *call: calls.append(call))
    return meeting_id, out, calls


def test_footer_names_the_meeting_and_its_date_once_and_in_full(
    demo_db: Database, demo_pack: tuple[int, Path, list]
) -> None:
    meeting_id, out, _ = demo_pack
    with demo_db.read() as session:
        starts = session.get(Meeting, meeting_id).starts_at
    day = f"{starts.day} {starts:%B %Y}"
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) > 5
    for page in pages:
        footer = page.rstrip().splitlines()[-1]
        assert f"Meeting of {day}" in footer
        assert footer.count(day) == 1, footer
        assert "…" not in footer, footer


def test_long_meeting_title_and_date_fit_the_footer(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = make_meeting(demo_db)
    title = "Extraordinary meeting on the written statement of action"
    update_meeting(demo_db, meeting_id, title=title)
    out = tmp_path / "pack.pdf"
    packs.build_pack(demo_db, meeting_id, out)
    with demo_db.read() as session:
        starts = session.get(Meeting, meeting_id).starts_at
    for page in PdfReader(out).pages:
        # too long for one line beside the marking: the title over the date, both in full
        assert f"{title}\n{starts.day} {starts:%B %Y}\nPage " in page.extract_text()


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler's pdffonts")
def test_every_font_in_the_demo_pack_is_embedded(demo_pack: tuple[int, Path, list]) -> None:
    _, out, _ = demo_pack
    header, _, *fonts = subprocess.run(
        ["pdffonts", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    emb = header.index(" emb") + 1
    assert fonts
    for line in fonts:
        assert line[emb : emb + 3] == "yes", line
        assert "Helvetica" not in line, line


def test_progress_gives_a_real_total_or_none(demo_pack: tuple[int, Path, list]) -> None:
    """Pages are counted as they are laid out, with no total (it is not known yet); once it is
    known, every count is of that total."""
    _, out, calls = demo_pack
    pages = len(PdfReader(out).pages)
    assert {total for _, total, _ in calls if total} == {pages}, calls
    assert all(done <= total for done, total, _ in calls if total)
    laid_out = [done for done, _, message in calls if message.startswith("Laying out page")]
    assert laid_out == list(range(1, pages + 1))


def test_public_pack_leaves_out_the_join_link(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = make_meeting(demo_db)
    update_meeting(demo_db, meeting_id, online_link=LINK)
    public, confidential = tmp_path / "public.pdf", tmp_path / "confidential.pdf"
    packs.build_pack(demo_db, meeting_id, public, public=True)
    packs.build_pack(demo_db, meeting_id, confidential)
    assert LINK in "".join(p.extract_text() for p in PdfReader(confidential).pages)
    public_text = "".join(p.extract_text() for p in PdfReader(public).pages)
    assert "Join online" not in public_text and "teams.example.com" not in public_text
    assert b"teams.example.com" not in public.read_bytes()  # nor as a link annotation
