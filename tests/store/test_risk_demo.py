"""The demo register: about 25 risks (80 in the large demo), each with a review history."""

from __future__ import annotations

import random

from sendboard.demo import DemoContext
from sendboard.demo import risks as demo_risks
from sendboard.domain.risk import RiskStatus
from sendboard.services import risks
from sendboard.services.common.workspace import Database


def test_small_demo_register(demo_db: Database) -> None:
    views = risks.list_risks(demo_db)
    assert len(views) == 25
    assert all(len(risks.history(demo_db, v.id)) >= 2 for v in views)
    statuses = {v.status for v in views}
    assert RiskStatus.CLOSED in statuses
    assert len({v.trend for v in views}) >= 3
    assert any(v.above_appetite for v in views)
    linked = [a for v in views for a in v.actions]
    assert len(linked) >= 25 and any(a.brag is not None for a in linked)
    assert any(v.not_reviewed for v in views if v.live)
    reviews = [r for v in views[:5] for r in risks.history(demo_db, v.id)]
    assert any(r.meeting for r in reviews)  # reviews are tied to the board's meetings


def test_mitigation_plan_shows_progress_brag(demo_db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from sendboard.services.risks import io as risks_io

    out = tmp_path / "plan.xlsx"
    risks_io.export_mitigation_plan(demo_db, out)
    sheet = load_workbook(out).active
    progress = [row[10] for row in sheet.iter_rows(min_row=2) if row[10].value]
    brag = next(c for c in progress if c.value[:2] in ("B ", "R ", "A ", "G "))
    assert brag.fill.fgColor.rgb.upper()[-6:] in ("1F5FA8", "C0392B", "F0A020", "2E8B57")


def test_large_demo_has_eighty_risks() -> None:
    ctx = DemoContext(session=None, size="large", rng=random.Random(1))  # type: ignore[arg-type]
    assert len(demo_risks._specs(ctx)) == 80
