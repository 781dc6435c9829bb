"""The demo's minutes: approved for every held meeting of the board (the DfE stocktake too) and
the Delivery Group, a draft for the latest, with decisions, a declaration and actions arising in
the log; and so on whatever day the demo is built."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from docx import Document

from sendboard import clock
from sendboard.demo import build_demo
from sendboard.domain.actions import ActionSource
from sendboard.domain.minutes import MinutesStatus
from sendboard.services import actions
from sendboard.services import minutes as mins
from sendboard.services.common.workspace import Database, open_database
from sendboard.services.minutes.document import previous_text

BOARDS = ("SEND Improvement Board", "SEND Delivery Group")


def _held(db: Database, board: str) -> list[mins.MinutesListRow]:
    """The board's held meetings, latest first, stocktakes included."""
    return [
        r
        for r in mins.list_minutes_meetings(db)
        if r.board_name == board and r.meeting_status.value == "held"
    ]


def _check_held_meetings_have_minutes(db: Database) -> None:
    """Every held meeting has minutes; the latest is a draft, the rest were approved at a later
    meeting that has been held and took them under its previous-minutes item."""
    today = clock.today()
    for board in BOARDS:
        held = _held(db, board)
        assert len(held) >= 4
        assert all(r.status is not None for r in held), [r.label for r in held if not r.status]
        assert held[0].status is MinutesStatus.DRAFT  # the latest held meeting
        views = {r.meeting_id: mins.get_minutes(db, r.meeting_id) for r in held}
        agreed_at = {
            p.meeting_id: view.meeting_id
            for view in views.values()
            for p in view.previous_minutes
            if p.approved_here
        }
        for row in held[1:]:
            view = views[row.meeting_id]
            assert view.status is MinutesStatus.APPROVED, row.label
            assert view.approved_at_date is not None
            assert row.starts_at.date() < view.approved_at_date <= today
            assert agreed_at[row.meeting_id] in views  # a held meeting of the same board


def test_demo_minutes_cover_held_meetings(pinned_demo_db: Database, tmp_path: Path) -> None:
    _check_held_meetings_have_minutes(pinned_demo_db)
    rows = mins.list_minutes_meetings(pinned_demo_db)
    latest_board = next(r for r in rows if r.board_name == "SEND Improvement Board" and r.status)
    view = mins.get_minutes(pinned_demo_db, latest_board.meeting_id)
    assert view.previous is not None and view.previous.approved_here
    decisions = [d for s in view.sections for d in s.decisions]
    assert decisions and all(d.reference.startswith("IB/") for d in decisions)
    board_minutes = [
        mins.get_minutes(pinned_demo_db, r.meeting_id)
        for r in rows
        if r.board_name == "SEND Improvement Board" and r.status
    ]
    declared = [m for m in board_minutes if any(s.declarations for s in m.sections if s.exempt)]
    assert declared
    arising = [a for s in view.sections for a in s.actions]
    assert arising
    detail = actions.get_action(pinned_demo_db, arising[0].id)
    assert detail.source is ActionSource.MEETING and detail.meeting_id == view.meeting_id
    assert detail.agenda_item_title
    log = {a.reference for a in actions.list_actions(pinned_demo_db)}
    assert arising[0].reference in log
    out = mins.export_minutes(
        pinned_demo_db, declared[0].meeting_id, tmp_path / "public.docx", public=True
    )
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "confidential report" not in text and "Not for publication" in text
    assert mins.decision_log(pinned_demo_db, "SEND Delivery Group")


def test_the_stocktakes_minutes_are_agreed_with_the_next_ordinary_meetings(
    pinned_demo_db: Database, tmp_path: Path
) -> None:
    held = _held(pinned_demo_db, "SEND Improvement Board")
    stocktake = next(r for r in held if "stocktake" in r.label)
    assert stocktake.status is MinutesStatus.APPROVED
    view = mins.get_minutes(pinned_demo_db, stocktake.meeting_id)
    assert view.sections[0].title == "Council self-assessment"
    assert view.sections[0].text
    views = [mins.get_minutes(pinned_demo_db, r.meeting_id) for r in held]
    agreeing = next(
        v for v in views if any(p.meeting_id == stocktake.meeting_id for p in v.previous_minutes)
    )
    agreed = [p for p in agreeing.previous_minutes if p.approved_here]
    assert len(agreed) == 2 and agreed[1].meeting_id == stocktake.meeting_id
    day = stocktake.starts_at
    assert f"the meeting held on {day.day} {day:%B %Y} were agreed as a true record." in (
        previous_text(agreeing)
    )
    assert mins.next_meeting_id(pinned_demo_db, agreed[0].meeting_id) == agreeing.meeting_id
    out = mins.export_minutes(pinned_demo_db, stocktake.meeting_id, tmp_path / "stocktake.docx")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "1. Council self-assessment" in text and "Approved at the meeting of" in text


@pytest.mark.parametrize("day", [date(2027, 1, 20), date(2027, 8, 12), date(2028, 3, 2)])
def test_demo_minutes_hold_on_any_day(day: date, tmp_path: Path) -> None:
    with time_machine.travel(datetime(day.year, day.month, day.day, 9, tzinfo=ZoneInfo("UTC"))):
        db = open_database(tmp_path / "demo.db")
        try:
            build_demo(db, "small")
            assert clock.today() == day
            _check_held_meetings_have_minutes(db)
            stocktakes = [r for r in _held(db, "SEND Improvement Board") if "stocktake" in r.label]
            assert stocktakes and all(r.status is MinutesStatus.APPROVED for r in stocktakes)
        finally:
            db.close()
