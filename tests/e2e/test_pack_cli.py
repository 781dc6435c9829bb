"""`sendboard pack` end to end: the next meeting's pack, public copy, and a clean failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from sendboard.cli import main
from sendboard.services import packs
from sendboard.services.workspace import Database
from tests.outputs.pack_fixture import add_paper, make_meeting


def test_pack_command_builds_next_meeting(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = make_meeting(demo_db, days_ahead=400)
    sooner = packs.find_meeting(demo_db, "next")
    out = tmp_path / "next.pdf"
    assert main(["pack", "--db", str(demo_db.file), "--meeting", "next", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Confidential pack" in printed and "pages" in printed
    assert [b.path for b in packs.list_packs(demo_db, sooner)] == [str(out.resolve())]
    assert packs.list_packs(demo_db, later) == []
    public = tmp_path / "public.pdf"
    args = ["pack", "--db", str(demo_db.file), "--meeting", str(later), "--out", str(public)]
    assert main([*args, "--public"]) == 0
    assert "Not for publication" in "".join(p.extract_text() for p in PdfReader(public).pages)


def test_pack_command_reports_a_bad_paper(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting_id = make_meeting(demo_db)
    add_paper(demo_db, meeting_id, 4, "Budget", b"not a pdf at all")
    out = tmp_path / "pack.pdf"
    code = main(
        ["pack", "--db", str(demo_db.file), "--meeting", str(meeting_id), "--out", str(out)]
    )
    assert code == 1
    assert 'sendboard: Item 5 "Finance and sufficiency report"' in capsys.readouterr().err
    assert list(tmp_path.glob("pack.pdf*")) == []
