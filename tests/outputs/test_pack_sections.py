"""The live-data sections rendered from plain content: order, BRAG letters, heat maps."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from sendboard.domain.brag import Brag
from sendboard.domain.meetings import StandingItem
from sendboard.outputs.pack.build import write_pack
from sendboard.outputs.pack.content import (
    ActionLog,
    ActionRow,
    AreaProgress,
    PackContent,
    PackItem,
    PartnerNote,
    PriorityProgress,
    RiskRegister,
    RiskRow,
    ScoreBand,
)

BANDS = (
    ScoreBand(1, 4, "Low", "#7cc47f"),
    ScoreBand(5, 9, "Medium", "#ffe066"),
    ScoreBand(10, 15, "High", "#f59b42"),
    ScoreBand(16, 25, "Very high", "#c0392b", "#ffffff"),
)


def content(rows: int = 3) -> PackContent:
    actions = tuple(
        ActionRow(
            reference=f"A-{n:03d}",
            title=f"Action number {n}",
            owner="Zoë Hartley",
            area_code=f"P{1 + n % 2}",
            area_title=f"Area {1 + n % 2}",
            progress=Brag.RED if n == 2 else Brag.GREEN,
            impact=Brag.AMBER,
            highlights=("Red for two meetings running",) if n == 2 else (),
        )
        for n in range(1, rows + 1)
    )
    risks = (
        RiskRow("R-1", "Low risk", "Łukasz Nowak", (2, 2), (1, 2)),
        RiskRow("R-2", "Top risk", "Siân Pritchard", (5, 5), (4, 5), change="Residual 16 to 20"),
        RiskRow("R-3", "Middle risk", "Siân Pritchard", (4, 4), (3, 3)),
    )
    return PackContent(
        board="SEND Improvement Board",
        meeting_title="Board",
        starts_at=datetime(2026, 3, 11, 14),
        ends_at=datetime(2026, 3, 11, 16),
        issued_on=date(2026, 3, 4),
        items=(
            PackItem("1", "Action and impact log", standing=StandingItem.ACTION_LOG),
            PackItem("2", "Risks", standing=StandingItem.RISK_REGISTER),
            PackItem("3", "Progress", standing=StandingItem.PRIORITY_UPDATES),
            PackItem("4", "Minutes of the last meeting", standing=StandingItem.PREVIOUS_MINUTES),
        ),
        action_log=ActionLog(actions, (PartnerNote("Dunmoor College", "4 of 5 actions slow"),)),
        risks=RiskRegister(risks, BANDS, date(2026, 2, 11)),
        progress=PriorityProgress(
            (AreaProgress("P1", "Area 1", "Zoë Hartley", {Brag.GREEN: 3, None: 1}),)
        ),
    )


def texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_highlighted_actions_come_first_with_reasons(tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    write_pack(content(), out)
    log = next(t for t in texts(out) if "Highlighted actions" in t)
    first = log.index("Highlighted actions")
    assert log.index("A-002", first) < log.index("Red for two meetings running")
    assert log.index("Red for two meetings running") < log.index("Dunmoor College")
    assert log.index("4 of 5 actions slow") < log.index("P1 Area 1")
    # letters are printed, not only colours
    assert re.search(r"A-002(?:.*\n)*? *R\n *A\n", log)


def test_register_sorted_by_residual_score_with_changes(tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    write_pack(content(), out)
    text = "\n".join(t for t in texts(out) if "Register, highest residual" in t)
    order = [text.index(f"R-{n}") for n in (2, 3, 1)]
    assert order == sorted(order)
    assert "Inherent (before controls)" in text and "Residual (after controls)" in text
    assert "20 (4×5)" in text and "Very high" in text
    assert "Residual 16 to 20" in text


def test_sections_without_data_are_left_out(tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    write_pack(content(), out)
    pages = texts(out)
    assert not any(t.startswith("4. Minutes of the last meeting") for t in pages)
    progress = next(t for t in pages if "3. Progress" in t and "Not" in t)
    assert "P1 Area 1" in progress


def test_long_log_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    write_pack(content(rows=160), out)
    log_pages = [t for t in texts(out) if "A-1" in t and "Latest update" in t]
    assert len(log_pages) >= 3
    assert all("Action and measurable target" in t for t in log_pages)
