"""Changing a measure's 3/6/12/24-month target replaces the old one (a unique row per months)."""

from __future__ import annotations

from dataclasses import replace

from sendboard.services import measures
from sendboard.services.common.workspace import Database


def test_a_changed_target_replaces_the_old_one(demo_db: Database) -> None:
    view = next(v for v in measures.list_measures(demo_db) if v.target(12) is not None)
    data = measures.input_from(view)
    changed = replace(data, targets={**data.targets, 12: 99.0})
    after = measures.update_measure(demo_db, view.id, changed).value
    assert after.target(12) == 99.0
    assert [t.months for t in after.targets if t.months] == [3, 6, 12, 24]
    assert after.target(24) == view.target(24)
