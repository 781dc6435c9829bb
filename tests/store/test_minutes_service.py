"""Minutes: a draft laid out from the agenda, decisions, actions arising, declarations, workflow."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import time_machine
from openpyxl import load_workbook
from sqlalchemy import select

from sendboard.domain.actions import ActionSource
from sendboard.domain.governance import BoardKind
from sendboard.domain.invitations import Attendance
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.minutes import MinutesStatus, board_code
from sendboard.errors import ValidationError
from sendboard.services import actions
from sendboard.services import minutes as mins
from sendboard.services.common.changes import Area
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import invitations
from sendboard.services.minutes.document import previous_line, previous_text, status_line
from sendboard.store.models import AuditEntry, Invitation, Meeting
from tests.minutes_fixtures import NOW, OPEN_TEXT, TODAY, Board1, add_stocktake, make_board


@pytest.fixture
def board(db: Database) -> Iterator[Board1]:
    with time_machine.travel(NOW):  # both meetings held, the third one ten days ago
        yield make_board(db)


def _open(db: Database, meeting_id: int) -> mins.MinutesView:
    return mins.open_minutes(db, meeting_id, today=TODAY).value


def test_opening_lays_out_a_draft_from_the_agenda_with_attendance(
    db: Database, board: Board1
) -> None:
    with pytest.raises(mins.NoMinutes, match="no minutes yet"):
        mins.get_minutes(db, board.first)
    made = mins.open_minutes(db, board.first, today=TODAY)
    assert made.changes.touches(Area.MINUTES)
    view = made.value
    assert view.status is MinutesStatus.DRAFT and not view.locked
    assert [(s.number, s.title) for s in view.sections][:3] == [
        (1, "Welcome and apologies"),
        (2, "Declarations of interest"),
        (3, "Minutes of the previous meeting"),
    ]
    assert view.section(board.items["contract"]).exempt
    present = {(a.name, a.organisation, a.role) for a in view.attendance.present}
    assert ("Dr Margaret Ellery", "Kingsmere Council", "Chair, Independent chair") in present
    assert ("Tom Whitcombe", "Kingsmere Council", "Director of Children's Services") in present
    assert [a.name for a in view.attendance.apologies] == ["Priya Raman"]
    assert [(a.name, a.substitute_for) for a in view.attendance.substitutes] == [
        ("Sam Okafor", "Priya Raman")
    ]
    assert [(a.name, a.role) for a in view.attendance.in_attendance] == [
        ("Robert Kimani", "Adviser, DfE SEND adviser")
    ]
    assert view.attendance.quorate
    assert view.attendance.quorum_text.startswith("Quorate: 3 of 2")
    again = mins.open_minutes(db, board.first, today=TODAY)
    assert again.value.id == view.id and not again.changes.areas


def test_minutes_are_not_started_for_cancelled_or_distant_meetings(
    db: Database, board: Board1
) -> None:
    with pytest.raises(ValidationError, match="more than a week away"):
        mins.open_minutes(db, board.third, today=date(2027, 2, 20))
    assert mins.open_minutes(db, board.third, today=date(2027, 3, 5)).value


def test_typed_text_and_matters_arising_are_kept(db: Database, board: Board1) -> None:
    _open(db, board.first)
    saved = mins.save_section(db, board.first, board.items["strategy"], OPEN_TEXT)
    assert not saved.changes.areas  # autosave: nothing else to refresh
    mins.save_section(db, board.first, None, "Action P1.02 was reported complete.")
    mins.save_section(db, board.first, board.items["strategy"], OPEN_TEXT + " More.")
    view = mins.get_minutes(db, board.first)
    assert view.section(board.items["strategy"]).text == OPEN_TEXT + " More."
    assert view.matters_arising == "Action P1.02 was reported complete."
    assert view.saved_at is not None
    with pytest.raises(ValidationError, match="not on this meeting's agenda"):
        mins.save_section(db, board.first, board.second_items["strategy"], "x")


def test_decisions_are_numbered_per_board_and_year(db: Database, board: Board1) -> None:
    for meeting in (board.first, board.second, board.delivery_meeting):
        _open(db, meeting)
    first = mins.add_decision(db, board.first, board.items["strategy"], "To adopt the strategy.")
    second = mins.add_decision(db, board.second, board.second_items["aob"], "To meet in May.")
    other = mins.add_decision(db, board.delivery_meeting, None, "To note the report.")
    assert [first.value.reference, second.value.reference] == ["IB/2027/1", "IB/2027/2"]
    assert other.value.reference == "DG/2027/1"
    with pytest.raises(ValidationError):
        mins.add_decision(db, board.first, None, "   ")
    mins.update_decision(db, first.value.id, "To adopt the strategy as amended.")
    view = mins.get_minutes(db, board.first)
    assert [d.text for d in view.section(board.items["strategy"]).decisions] == [
        "To adopt the strategy as amended."
    ]


def test_board_codes() -> None:
    assert board_code("SEND Improvement Board", BoardKind.IMPROVEMENT_BOARD) == "IB"
    assert board_code("Sub-group 3: Preparing for adulthood", BoardKind.SUB_GROUP) == "SG3"


def test_an_action_arising_goes_into_the_log_with_its_source(db: Database, board: Board1) -> None:
    _open(db, board.first)
    data = mins.ActionArisingInput(
        "Publish the sufficiency strategy",
        board.people["Tom"],
        date(2027, 4, 30),
        board.area_id,
    )
    made = mins.add_action_arising(db, board.first, board.items["strategy"], data)
    assert made.changes.touches(Area.ACTIONS, Area.MINUTES)
    detail = actions.get_action(db, made.value.id)
    assert detail.source is ActionSource.MEETING
    assert detail.meeting_id == board.first
    assert detail.agenda_item_id == board.items["strategy"]
    assert detail.row.owner_name == "Tom Whitcombe"
    assert detail.row.original_due == date(2027, 4, 30)
    assert detail.row.raised_on == date(2027, 1, 13)
    assert detail.row.priority_area_code == "P1"
    assert detail.row.reference.startswith("P1")
    section = mins.get_minutes(db, board.first).section(board.items["strategy"])
    assert [a.title for a in section.actions] == ["Publish the sufficiency strategy"]
    with pytest.raises(ValidationError, match="owner"):
        mins.add_action_arising(db, board.first, None, mins.ActionArisingInput("No owner", None))


def test_register_entries_are_offered_and_declared(db: Database, board: Board1) -> None:
    _open(db, board.first)
    tom = board.people["Tom"]
    entry = mins.add_interest(
        db,
        mins.InterestInput(tom, "Trustee", "Northfield Care Trust", date(2026, 1, 1)),
    ).value
    mins.add_interest(
        db, mins.InterestInput(tom, "Governor", "Old school", date(2020, 1, 1), date(2021, 1, 1))
    )
    mins.add_interest(db, mins.InterestInput(board.people["Priya"], "Director", "Strategy Ltd"))
    with pytest.raises(ValidationError, match="end before"):
        mins.add_interest(db, mins.InterestInput(tom, "x", "y", date(2026, 1, 1), date(2025, 1, 1)))
    view = mins.get_minutes(db, board.first)
    # Tom leads the strategy item; Priya's entry shares a word ("strategy") with its title.
    strategy = view.section(board.items["strategy"])
    offered = {(i.person, i.interest) for i in strategy.offered_interests}
    assert offered == {("Tom Whitcombe", "Trustee"), ("Priya Raman", "Director")}
    everyone = view.section(board.items["declarations"]).offered_interests
    assert {i.interest for i in everyone} == {"Trustee", "Director"}  # the ended one is not
    declared = mins.add_declaration(
        db,
        board.first,
        mins.DeclarationInput(
            name="",
            text="",
            agenda_item_id=board.items["contract"],
            interest_id=entry.id,
            participation="left the room for the item",
        ),
    ).value
    assert (declared.name, declared.text) == ("Tom Whitcombe", "Trustee, Northfield Care Trust")
    section = mins.get_minutes(db, board.first).section(board.items["contract"])
    assert [d.participation for d in section.declarations] == ["left the room for the item"]


def _circulated(db: Database, board: Board1) -> None:
    _open(db, board.first)
    mins.save_section(db, board.first, board.items["strategy"], OPEN_TEXT)
    mins.send_to_chair(db, board.first)
    mins.circulate(db, board.first)


def test_approval_at_the_next_meeting_locks_the_minutes(db: Database, board: Board1) -> None:
    _open(db, board.first)
    with pytest.raises(ValidationError, match="Circulate"):
        mins.approve(db, board.first)
    _circulated(db, board)
    view = mins.approve(db, board.first, amendments="Item 4: 'places' not 'plans'.").value
    assert view.locked and view.approved_on == date(2027, 2, 10)
    assert view.approved_at_label.startswith("SEND Improvement Board, ")
    assert view.approved_at_date == date(2027, 2, 10)
    following = _open(db, board.second)
    assert following.previous is not None and following.previous.approved_here
    assert following.previous.amendments == "Item 4: 'places' not 'plans'."
    refused = [
        lambda: mins.save_section(db, board.first, board.items["strategy"], "changed"),
        lambda: mins.add_decision(db, board.first, None, "Late decision"),
        lambda: mins.add_action_arising(
            db, board.first, None, mins.ActionArisingInput("Late", board.people["Tom"])
        ),
        lambda: mins.add_declaration(db, board.first, mins.DeclarationInput("A", "B")),
        lambda: mins.return_to_draft(db, board.first),
    ]
    for attempt in refused:
        with pytest.raises(mins.MinutesLocked, match="approved on 10/02/2027 and are locked"):
            attempt()
    assert mins.get_minutes(db, board.first).section(board.items["strategy"]).text == OPEN_TEXT


def test_previous_minutes_and_approval_read_as_minutes_do(db: Database, board: Board1) -> None:
    _circulated(db, board)
    approved = mins.approve(db, board.first, amendments="Item 4: 'places' not 'plans'.").value
    assert status_line(approved) == "Approved at the meeting of 10 February 2027, with amendments."
    following = _open(db, board.second)
    assert previous_line(following.previous) == (
        "The minutes of the meeting held on 13 January 2027 were agreed as a true record, "
        "with the following amendments: Item 4: 'places' not 'plans'."
    )
    assert status_line(following) == "Draft: not yet approved."
    third = _open(db, board.third)
    assert previous_line(third.previous) == (
        "The minutes of the meeting held on 10 February 2027 were not approved at this meeting "
        "(draft)."
    )


def test_plain_agreement_reads_as_a_true_record(db: Database, board: Board1) -> None:
    _circulated(db, board)
    assert status_line(mins.approve(db, board.first).value) == (
        "Approved at the meeting of 10 February 2027."
    )
    previous = _open(db, board.second).previous
    assert previous_line(previous) == (
        "The minutes of the meeting held on 13 January 2027 were agreed as a true record."
    )


def test_minutes_are_approved_only_at_a_meeting_that_has_been_held(
    db: Database, board: Board1
) -> None:
    _circulated(db, board)
    with time_machine.travel(date(2027, 3, 9)), pytest.raises(ValidationError) as refused:
        mins.approve(db, board.first, at_meeting_id=board.third)
    assert str(refused.value) == (
        "SEND Improvement Board, Wed 10 Mar 2027 has not been held yet: minutes are approved at "
        "the meeting itself, so record the approval on or after 10 March 2027."
    )
    assert mins.approval_problem(db, board.third) == ""  # the clock is back at 20 March
    with db.write() as session:
        second = session.get(Meeting, board.second)
        assert second is not None
        second.status = MeetingStatus.CANCELLED
    with pytest.raises(ValidationError, match="Wed 10 Feb 2027 was cancelled, so it cannot"):
        mins.approve(db, board.first, at_meeting_id=board.second)
    assert mins.get_minutes(db, board.first).status is MinutesStatus.CIRCULATED
    assert mins.approve(db, board.first).value.approved_at_date == date(2027, 3, 10)


def test_a_stocktakes_minutes_go_with_the_previous_ones_to_the_next_meeting(
    db: Database, board: Board1
) -> None:
    _circulated(db, board)
    stocktake = add_stocktake(db, board)
    _open(db, stocktake)
    mins.circulate(db, stocktake)
    assert mins.next_meeting_id(db, board.first) == board.second  # not the stocktake
    assert mins.next_meeting_id(db, stocktake) == board.second
    mins.approve(db, board.first)
    mins.approve(db, stocktake, amendments="Item 1: 'Siân' not 'Sian'.")
    second = _open(db, board.second)
    assert [p.meeting_id for p in second.previous_minutes] == [board.first, stocktake]
    assert previous_text(second) == (
        "The minutes of the meeting held on 13 January 2027 were agreed as a true record. "
        "The minutes of the meeting held on 27 January 2027 were agreed as a true record, with "
        "the following amendments: Item 1: 'Siân' not 'Sian'."
    )
    assert [p.meeting_id for p in _open(db, board.third).previous_minutes] == [board.second]


def test_an_erratum_is_kept_beside_approved_minutes_and_audited(
    db: Database, board: Board1
) -> None:
    _open(db, board.first)
    with pytest.raises(ValidationError, match="not approved yet"):
        mins.add_erratum(db, board.first, "Too early")
    _circulated(db, board)
    mins.approve(db, board.first)
    erratum = mins.add_erratum(
        db, board.first, "The date of the next review is 5 May, not 5 June.", board.items["aob"]
    ).value
    section = mins.get_minutes(db, board.first).section(board.items["aob"])
    assert [e.text for e in section.errata] == [erratum.text]
    with db.read() as session:
        audited = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "MinutesErratum")
        ).all()
    assert len(audited) == 1 and audited[0].action == "create"
    assert "5 May" in json.loads(audited[0].changes)["text"][1]


def test_approved_attendance_does_not_drift(db: Database, board: Board1) -> None:
    _circulated(db, board)
    mins.approve(db, board.first)
    with db.read() as session:
        tom = session.scalar(
            select(Invitation).where(
                Invitation.meeting_id == board.first, Invitation.name == "Tom Whitcombe"
            )
        )
        assert tom is not None
    invitations.set_attendance(db, tom.id, Attendance.ABSENT)
    present = [a.name for a in mins.get_minutes(db, board.first).attendance.present]
    assert "Tom Whitcombe" in present


def test_decision_log_and_register_export(db: Database, board: Board1, tmp_path: Path) -> None:
    _open(db, board.first)
    _open(db, board.delivery_meeting)
    mins.add_decision(db, board.first, board.items["strategy"], "To adopt the strategy.")
    mins.add_decision(db, board.delivery_meeting, None, "To note the report.")
    mins.add_interest(db, mins.InterestInput(board.people["Tom"], "Trustee", "Northfield Care"))
    out = tmp_path / "decisions.xlsx"
    assert mins.export_decisions(db, out, "send improvement board") == 1
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Decision", "Board")
    assert rows[1][0] == "IB/2027/1" and rows[1][3] == "SEND sufficiency strategy"
    assert mins.export_decisions(db, tmp_path / "all.csv") == 2
    with pytest.raises(Exception, match="no board called"):
        mins.export_decisions(db, tmp_path / "x.csv", "Nope")
    assert mins.export_interests(db, tmp_path / "interests.csv") == 1
    with (tmp_path / "interests.csv").open(encoding="utf-8-sig") as handle:
        read = list(csv.reader(handle))
    assert read[1][:3] == ["Tom Whitcombe", "Trustee", "Northfield Care"]
