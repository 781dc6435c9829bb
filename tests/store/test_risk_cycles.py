"""A risk is due for review at its own board's meetings; the pack measures from the last of them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import time_machine
from pypdf import PdfReader

from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingStatus
from sendboard.outputs.pack.build import write_pack
from sendboard.services import risks
from sendboard.services.common.workspace import Database
from sendboard.services.packs import data as pack_data
from sendboard.services.risks import ReviewInput
from sendboard.services.risks.pack import pack_register
from sendboard.store.models import Board
from tests.outputs.test_pack_sections import content
from tests.store.risk_fixtures import Basics, basics, meeting, risk_input

#: The Saturday after a sub-group met (3 December); the board last met on 11 November.
SATURDAY = datetime(2026, 12, 5, 10)


def _sub_group(db: Database, parent_id: int) -> int:
    with db.write() as session:
        sub = Board(name="Sub-group 2", kind=BoardKind.SUB_GROUP, parent_id=parent_id)
        session.add(sub)
        session.flush()
        return sub.id


def _review(db: Database, risk_id: int, day: date, residual: int, meeting_id=None) -> None:
    data = ReviewInput(day, 5, 4, residual, 4, note="Reviewed", meeting_id=meeting_id)
    risks.review_risk(db, risk_id, data)


def _november(db: Database) -> tuple[Basics, int, dict[str, int]]:
    """The board met on 14 October and 11 November and meets next on 9 December; a sub-group
    met on 3 December. Each risk was reviewed at the board's November meeting."""
    b = basics(db)
    sub = _sub_group(db, b.board_id)
    meeting(db, b.board_id, date(2026, 10, 14))
    november = meeting(db, b.board_id, date(2026, 11, 11))
    meeting(db, sub, date(2026, 12, 3))
    made = {
        "board": risks.create_risk(db, risk_input(b)).value.id,
        "no board": risks.create_risk(db, risk_input(b, board_id=None)).value.id,
        "quiet board": risks.create_risk(db, risk_input(b, board_id=b.delivery_id)).value.id,
    }
    for risk_id in made.values():
        _review(db, risk_id, date(2026, 11, 11), 3, november)
    return b, sub, made


@time_machine.travel(SATURDAY, tick=False)
def test_a_sub_group_meeting_does_not_make_other_risks_overdue_for_review(db: Database) -> None:
    b, sub, made = _november(db)
    sub_risk = risks.create_risk(db, risk_input(b, board_id=sub)).value.id
    _review(db, sub_risk, date(2026, 11, 5), 3)
    flags = {v.id: v.not_reviewed for v in risks.list_risks(db)}
    assert flags == {
        made["board"]: False,
        made["no board"]: False,  # follows the Improvement Board, which met on 11 November
        made["quiet board"]: False,  # its board has never met: nothing to be reviewed at
        sub_risk: True,  # its own sub-group met on 3 December
    }
    reasons = {v.id: v.not_reviewed_reason for v in risks.list_risks(db)}
    assert reasons[sub_risk] == "Not reviewed since its board met on 3 December 2026"
    assert reasons[made["board"]] == ""


@time_machine.travel(SATURDAY, tick=False)
def test_the_register_as_at_a_day_follows_each_risks_board(db: Database) -> None:
    b, _, made = _november(db)
    as_at = {v.id: v.not_reviewed for v in risks.register_as_at(db, date(2026, 12, 3))}
    assert as_at == {made["board"]: False, made["no board"]: False, made["quiet board"]: False}
    meeting(db, b.board_id, date(2026, 12, 4))  # the board met again, and reviewed nothing
    flags = {v.id: v.not_reviewed for v in risks.list_risks(db)}
    assert flags == {made["board"]: True, made["no board"]: True, made["quiet board"]: False}


@time_machine.travel(SATURDAY, tick=False)
def test_the_packs_changes_run_from_the_boards_own_previous_meeting(db: Database) -> None:
    b, _, _ = _november(db)
    october = risks.create_risk(db, risk_input(b, title="Moved in October")).value
    _review(db, october.id, date(2026, 10, 14), 2)
    december = meeting(db, b.board_id, date(2026, 12, 9), status=MeetingStatus.CONFIRMED)
    register = pack_register(db, december)
    assert (register.last_review, register.board) == (date(2026, 11, 11), "SEND Improvement Board")
    changed = {r.reference: r.change for r in register.rows if r.change}
    assert october.reference not in changed  # it moved before the board last met
    assert len(changed) == 3  # each of the others moved from 16 to 12 at the November meeting
    assert all("16 Very high → 12 High" in text for text in changed.values()), changed
    assert pack_data.gather(db, december).risks == register


@time_machine.travel(SATURDAY, tick=False)
def test_a_boards_first_pack_says_it_has_no_previous_meeting(db: Database) -> None:
    b, _, _ = _november(db)
    first = meeting(db, b.delivery_id, date(2026, 12, 15), status=MeetingStatus.CONFIRMED)
    register = pack_register(db, first)
    assert (register.last_review, register.board) == (None, "SEND Delivery Group")


def _pdf_text(tmp_path: Path, **changes) -> str:
    base = content()
    assert base.risks is not None
    out = tmp_path / "pack.pdf"
    write_pack(replace(base, risks=replace(base.risks, **changes)), out)
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)


def test_the_pack_names_the_meeting_changes_are_measured_from(tmp_path: Path) -> None:
    text = _pdf_text(tmp_path, last_review=date(2026, 11, 11), board="SEND Improvement Board")
    assert "Changes since the SEND Improvement Board on 11 November 2026" in text


def test_the_pack_says_when_the_board_has_not_met_before(tmp_path: Path) -> None:
    text = _pdf_text(tmp_path, last_review=None, board="SEND Delivery Group")
    assert "The SEND Delivery Group has no earlier meeting on record" in text
