"""The demo's minutes: approved for every held meeting of the board and the Delivery Group, a
draft for the latest, with decisions, a declaration and actions arising in the log."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from sendboard.domain.actions import ActionSource
from sendboard.domain.minutes import MinutesStatus
from sendboard.services import actions
from sendboard.services import minutes as mins
from sendboard.services.common.workspace import Database


def test_demo_minutes_cover_held_meetings(pinned_demo_db: Database, tmp_path: Path) -> None:
    rows = mins.list_minutes_meetings(pinned_demo_db)
    for board in ("SEND Improvement Board", "SEND Delivery Group"):
        held = [
            r
            for r in rows
            if r.board_name == board
            and r.meeting_status.value == "held"
            and "stocktake" not in r.label
        ]
        assert len(held) >= 4
        assert held[0].status is MinutesStatus.DRAFT  # the latest held meeting
        assert all(r.status is MinutesStatus.APPROVED for r in held[1:])
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
