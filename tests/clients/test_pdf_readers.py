"""The demo's board pack, public pack, supplement and minutes read by qpdf and poppler: no
structural errors or warnings, and every font embedded."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from sendboard.cli import main
from sendboard.services import minutes as mins
from sendboard.services.common.workspace import Database
from tests.outputs.pack_fixture import add_paper
from tests.outputs.test_pack_furniture import demo_meeting_with_papers
from tests.pg_server import target

pytestmark = pytest.mark.skipif(
    shutil.which("qpdf") is None or shutil.which("pdffonts") is None,
    reason="qpdf or poppler's pdffonts is not installed",
)


@pytest.fixture
def demo_pdfs(demo_db: Database, tmp_path: Path) -> dict[str, Path]:
    db = target(demo_db)
    pdfs = {name: tmp_path / f"{name}.pdf" for name in ("pack", "public", "supplement", "minutes")}
    held = [
        r
        for r in mins.list_minutes_meetings(demo_db)
        if r.board_name == "SEND Improvement Board" and r.status and "stocktake" not in r.label
    ]
    minutes = ["minutes", "export", "--db", db, "--meeting", str(held[0].meeting_id)]
    assert main([*minutes, "--out", str(pdfs["minutes"])]) == 0
    meeting = str(demo_meeting_with_papers(demo_db))
    assert main(["pack", "--db", db, "--meeting", meeting, "--out", str(pdfs["pack"])]) == 0
    public = ["pack", "--db", db, "--meeting", meeting, "--public"]
    assert main([*public, "--out", str(pdfs["public"])]) == 0
    # A late paper (the minutes, a PDF whose fonts are embedded) makes a supplement.
    add_paper(demo_db, int(meeting), 1, "Late minutes", pdfs["minutes"].read_bytes(), late=True)
    supplement = ["pack", "--db", db, "--meeting", meeting, "--supplement"]
    assert main([*supplement, "--out", str(pdfs["supplement"])]) == 0
    return pdfs


def test_qpdf_finds_no_errors_or_warnings(demo_pdfs: dict[str, Path]) -> None:
    for name, pdf in demo_pdfs.items():
        check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        # exit 0: no errors or warnings (2 errors, 3 warnings)
        assert check.returncode == 0, (name, check.stdout, check.stderr)
        assert "No syntax or stream encoding errors found" in check.stdout, name


def test_pdffonts_shows_every_font_embedded(demo_pdfs: dict[str, Path]) -> None:
    for name, pdf in demo_pdfs.items():
        header, _, *fonts = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        emb = header.index(" emb") + 1
        assert fonts, name
        for line in fonts:
            assert line[emb : emb + 3] == "yes", (name, line)
