"""The demo's measures: every priority area has some, most on track and one slipping."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sendboard.demo.timeline import add_months, month_end
from sendboard.domain.measures import Frequency, Status
from sendboard.services import measures
from sendboard.services.common.workspace import Database
from tests.conftest import PINNED_DAY


def test_demo_measures_as_of_the_pinned_day(pinned_demo_db: Database) -> None:
    views = measures.list_measures(pinned_demo_db)
    assert len(views) == 20
    assert set(Counter(v.area_code for v in views)) == {"P1", "P2", "P3", "P4", "P5"}
    notice = measures.get_notice_date(pinned_demo_db)
    assert notice == date(2025, 11, 14)  # a year before the build day
    last_month = month_end(add_months(PINNED_DAY, -1))
    for view in views:
        assert view.baseline_value is not None and view.baseline_date is not None
        assert [t.months for t in view.targets] == [3, 6, 12, 24]
        assert view.values[-1].period_end <= last_month
        assert view.values[0].period_end <= notice
        if view.frequency is Frequency.MONTHLY:
            assert view.values[-1].period_end == last_month
            assert len(view.values) == 24
    statuses = Counter(v.status for v in views)
    assert statuses[Status.ON_TRACK] >= 14
    assert statuses[Status.OFF_TRACK] == 1
    (slipping,) = [v for v in views if v.status is Status.OFF_TRACK]
    assert slipping.name == "Wait for speech and language therapy"
    assert slipping.slippage[-1].startswith("6-month target 32 weeks missed: 36 weeks at")


def test_demo_measures_on_another_day(demo_db: Database) -> None:
    views = measures.list_measures(demo_db)
    assert len(views) == 20
    assert sum(v.status is Status.OFF_TRACK for v in views) == 1
