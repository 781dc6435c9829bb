"""The pack's performance dashboard, read back with pypdf: names, statuses, slippage first."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from sendboard.domain.meetings import StandingItem
from sendboard.outputs.pack.build import write_pack
from sendboard.outputs.pack.content import PackContent, PackItem
from sendboard.services.common.workspace import Database
from sendboard.services.measures import pack as measures_pack
from tests.outputs.measures_fixture import measures_board


def content(db: Database) -> PackContent:
    return PackContent(
        board="SEND Improvement Board",
        meeting_title="Board",
        starts_at=datetime(2027, 7, 14, 14),
        ends_at=datetime(2027, 7, 14, 16),
        issued_on=date(2027, 7, 7),
        items=(PackItem("6", "Performance dashboard", standing=StandingItem.DASHBOARD),),
        dashboard=measures_pack.dashboard(db),
    )


def test_dashboard_lists_slippage_first_then_each_measure(db: Database, tmp_path: Path) -> None:
    measures_board(db)
    out = tmp_path / "pack.pdf"
    write_pack(content(db), out)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    start = text.index("6. Performance dashboard")
    section = text[start:]
    assert "2 measures: 1 off track, 1 no data yet" in section
    assert "notice of 15 June 2026" in section
    slip = section.index("Slippage: 1 missed milestone\n")
    line = section.index("12-month target 60% missed: 48% at Jun 2027", slip)
    area = section.index("P1 Timeliness")
    assert slip < line < area
    assert section.index("P1-M1 EHC plans issued within", area) > area
    assert "P1-M2 Tribunal appeals" in section
    # status in words beside its letter, not colour alone
    assert "R Off track" in section and "– No data yet" in section
    assert "48% at Jun 2027" in section and "Trend: Worsening" in section
    assert "Next: 24-month target\n75% by Jun 2028" in section


def test_dashboard_without_measures(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    write_pack(content(db), out)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "No performance measures have been set up yet." in text
