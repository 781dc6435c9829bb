"""The demo register: about 25 risks (80 in the large demo), each with a review history."""

from __future__ import annotations

import random

from sendboard.demo import DemoContext
from sendboard.demo import risks as demo_risks
from sendboard.domain.risk import RiskStatus
from sendboard.services import risks
from sendboard.services.workspace import Database


def test_small_demo_register(demo_db: Database) -> None:
    views = risks.list_risks(demo_db)
    assert len(views) == 25
    assert all(len(risks.history(demo_db, v.id)) >= 2 for v in views)
    statuses = {v.status for v in views}
    assert RiskStatus.CLOSED in statuses
    assert len({v.trend for v in views}) >= 3
    assert any(v.above_appetite for v in views)


def test_large_demo_has_eighty_risks() -> None:
    ctx = DemoContext(session=None, size="large", rng=random.Random(1))  # type: ignore[arg-type]
    assert len(demo_risks._specs(ctx)) == 80
