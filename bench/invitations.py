"""Invitation list speed on the large demo: what the meeting view and the invite command cost.

Each figure is the median of a few runs, printed beside a floor measured in the same run: one
Core SELECT of the meeting's invitation rows (every column, no ORM objects).

Run: python bench/invitations.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from sendboard.demo import build_demo
from sendboard.domain.meetings import MeetingStatus
from sendboard.services.common.workspace import open_database
from sendboard.services.meetings import invitations
from sendboard.services.meetings.compliance_record import compliance_record
from sendboard.services.meetings.invitation_files import write_invitation_files
from sendboard.store.models import Invitation, Meeting

RUNS = 5


def median_time(fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="sendboard-bench-"))
    db = open_database(work / "large.db")
    build_demo(db, "large")
    with db.read() as session:
        # the coming meeting with the longest list: the invite command's worst case
        meeting_id, board_id, size = session.execute(
            select(Meeting.id, Meeting.board_id, func.count(Invitation.id))
            .join(Invitation, Invitation.meeting_id == Meeting.id)
            .where(Meeting.starts_at >= datetime.now(), Meeting.status != MeetingStatus.CANCELLED)
            .group_by(Meeting.id)
            .order_by(func.count(Invitation.id).desc(), Meeting.id)
            .limit(1)
        ).one()

    def floor() -> None:
        with db.engine.connect() as conn:
            conn.execute(
                select(Invitation.__table__).where(Invitation.meeting_id == meeting_id)
            ).all()

    def meeting_view() -> None:
        invitations.list_invitations(db, meeting_id)
        invitations.check_gate(db, meeting_id)
        invitations.quorum_status(db, meeting_id)

    def rebuild() -> None:
        invitations.build_invitation_list(db, meeting_id)

    def invite() -> None:
        write_invitation_files(db, meeting_id, work / "out")

    figures = [
        ("meeting view (list, gate, quorum)", meeting_view),
        ("rebuild the list from the board", rebuild),
        ("invite command (.eml + .ics + log)", invite),
        ("home page gate warnings (120 days)", lambda: invitations.upcoming_gate_warnings(db)),
        ("compliance record of the board", lambda: compliance_record(db, board_id)),
    ]
    base = median_time(floor)
    print(f"Meeting {meeting_id}: {size} invitations (large demo)")
    print(f"  {'floor: Core SELECT of its rows':<40}{base * 1000:8.1f} ms")
    for label, fn in figures:
        seconds = median_time(fn)
        print(f"  {label:<40}{seconds * 1000:8.1f} ms  ({seconds / base:5.1f}× floor)")
    db.close()


if __name__ == "__main__":
    main()
