"""The large demo is benchmark-sized and, like the small one, the same every time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from sendboard.demo import build_demo
from sendboard.services.common.workspace import check, open_database
from sendboard.services.people.io import export_people
from sendboard.store.models import Membership
from tests.demo_dump import differences, dump, pinned_clock


def test_large_demo_is_big_and_deterministic(tmp_path: Path) -> None:
    exports, dumps = [], []
    for run in (1, 2):
        db = open_database(tmp_path / f"large{run}.db")
        with pinned_clock():
            build_demo(db, "large")
        counts = check(db).counts
        with db.read() as session:
            ended = session.scalar(
                select(func.count())
                .select_from(Membership)
                .where(Membership.to_date < date.today())
            )
        exports.append(tmp_path / f"people{run}.csv")
        export_people(db, exports[-1])
        db.close()
        dumps.append(dump(tmp_path / f"large{run}.db"))
        assert counts["people"] >= 400
        assert counts["memberships"] >= 600
        assert ended and ended >= 40
    assert exports[0].read_bytes() == exports[1].read_bytes()
    # every row of every table, the audit trail in order, hand-off hashes included
    assert differences(*dumps) == []
    assert len(dumps[0]["audit_entries"]) > 30_000
