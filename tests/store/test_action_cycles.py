"""An action's cycles are its own board's meetings: "this cycle", runs of Red, partner shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

from sendboard.domain.brag import Brag
from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingStatus
from sendboard.services import actions
from sendboard.services.actions import ActionInput, UpdateInput
from sendboard.services.common.workspace import Database
from sendboard.services.people import PersonInput, create_person
from sendboard.store.models import Board, Meeting

TODAY = date(2026, 11, 23)
R, A, G = Brag.RED, Brag.AMBER, Brag.GREEN


@dataclass(frozen=True)
class Boards:
    owner_id: int
    board: int
    sub_group: int


@pytest.fixture
def boards(db: Database) -> Boards:
    owner = create_person(db, PersonInput("Helen Marsh", organisation="Dunmoor College")).value
    with db.write() as session:
        board = Board(name="SEND Improvement Board", kind=BoardKind.IMPROVEMENT_BOARD)
        sub = Board(name="Sub-group 2", kind=BoardKind.SUB_GROUP, parent=board)
        session.add_all([board, sub])
        session.flush()
        return Boards(owner.id, board.id, sub.id)


def meet(db: Database, board_id: int, day: date, status=MeetingStatus.HELD) -> None:
    with db.write() as session:
        session.add(
            Meeting(
                board_id=board_id,
                status=status,
                starts_at=datetime(day.year, day.month, day.day, 14),
                ends_at=datetime(day.year, day.month, day.day, 16),
            )
        )


def action(db: Database, b: Boards, board_id: int | None, *updates: tuple[date, Brag]) -> str:
    made = actions.create_action(
        db,
        ActionInput(
            "Refresh the Local Offer",
            b.owner_id,
            board_id=board_id,
            original_due=date(2027, 3, 31),
            raised_on=date(2026, 1, 5),
        ),
    ).value
    for on, rating in updates:
        actions.add_update(db, UpdateInput(made.row.id, f"Update of {on}", rating, on=on))
    return made.row.reference


def highlights(db: Database, today: date = TODAY) -> dict[str, tuple[str, ...]]:
    return {v.reference: v.highlights for v in actions.list_actions(db, today=today)}


def test_a_sub_group_meeting_after_the_board_does_not_end_the_boards_cycle(db, boards) -> None:
    meet(db, boards.board, date(2026, 11, 11))
    meet(db, boards.sub_group, date(2026, 11, 19))
    on_board = action(db, boards, boards.board, (date(2026, 11, 16), G))
    on_sub = action(db, boards, boards.sub_group, (date(2026, 11, 16), G))
    found = highlights(db)
    assert found[on_board] == ()
    assert found[on_sub] == ("No update since 16 November",)
    assert [v.reference for v in actions.update_round(db, today=TODAY)] == [on_sub]


def test_an_action_with_no_board_follows_the_improvement_boards_meetings(db, boards) -> None:
    meet(db, boards.board, date(2026, 11, 11))
    meet(db, boards.sub_group, date(2026, 10, 20))
    loose = action(db, boards, None, (date(2026, 11, 2), G))
    assert highlights(db)[loose] == ("No update since 2 November",)


def test_a_cancelled_or_later_meeting_does_not_start_a_cycle(db, boards) -> None:
    meet(db, boards.board, date(2026, 10, 14))
    meet(db, boards.board, date(2026, 11, 11), MeetingStatus.CANCELLED)
    meet(db, boards.board, date(2026, 11, 25), MeetingStatus.CONFIRMED)
    ref = action(db, boards, boards.board, (date(2026, 10, 20), G))
    assert highlights(db)[ref] == ()


def test_two_red_updates_in_one_cycle_are_red_at_one_meeting(db, boards) -> None:
    for day in (date(2026, 9, 9), date(2026, 10, 14), date(2026, 11, 11)):
        meet(db, boards.board, day)
    ref = action(
        db,
        boards,
        boards.board,
        (date(2026, 11, 2), G),
        (date(2026, 11, 16), R),
        (date(2026, 11, 17), R),
    )
    assert highlights(db)[ref] == ()


def test_red_in_two_consecutive_cycles_is_red_at_the_last_two_meetings(db, boards) -> None:
    for day in (date(2026, 9, 9), date(2026, 10, 14), date(2026, 11, 11)):
        meet(db, boards.board, day)
    ref = action(
        db,
        boards,
        boards.board,
        (date(2026, 11, 2), R),
        (date(2026, 11, 5), G),  # the latest in its cycle: what the board heard on 11 November
        (date(2026, 11, 16), R),
    )
    assert highlights(db)[ref] == ()
    again = action(db, boards, boards.board, (date(2026, 11, 2), R), (date(2026, 11, 16), R))
    assert highlights(db)[again] == ("Red at the last 2 meetings",)


def test_runs_count_the_boards_own_meetings_not_a_sub_groups(db, boards) -> None:
    for day in (date(2026, 10, 14), date(2026, 11, 11)):
        meet(db, boards.board, day)
    meet(db, boards.sub_group, date(2026, 11, 14))  # between the two updates, not the board's
    ref = action(db, boards, boards.board, (date(2026, 11, 13), R), (date(2026, 11, 16), R))
    assert highlights(db)[ref] == ()


def test_amber_or_red_counts_cycles(db, boards) -> None:
    for day in (date(2026, 9, 9), date(2026, 10, 14), date(2026, 11, 11)):
        meet(db, boards.board, day)
    three_updates = action(
        db,
        boards,
        boards.board,
        (date(2026, 10, 1), G),
        (date(2026, 10, 20), A),
        (date(2026, 11, 1), R),
        (date(2026, 11, 15), A),
    )
    three_cycles = action(
        db,
        boards,
        boards.board,
        (date(2026, 10, 1), A),
        (date(2026, 11, 1), R),
        (date(2026, 11, 15), A),
    )
    found = highlights(db)
    assert found[three_updates] == ()
    assert found[three_cycles] == ("Amber or Red at the last 3 meetings",)


def test_a_board_with_no_meetings_has_cycles_of_the_set_length(db, boards) -> None:
    one_cycle = action(db, boards, boards.sub_group, (date(2026, 11, 1), R), (date(2026, 11, 2), R))
    two_cycles = action(
        db, boards, boards.sub_group, (date(2026, 10, 1), R), (date(2026, 11, 2), R)
    )
    found = highlights(db)
    assert found[one_cycle] == ()
    assert found[two_cycles] == ("Red at the last 2 meetings",)


def test_partner_shares_use_the_same_cycles(db, boards) -> None:
    for day in (date(2026, 10, 14), date(2026, 11, 11)):
        meet(db, boards.board, day)
    meet(db, boards.sub_group, date(2026, 11, 19))
    for _ in range(3):  # two Reds in one cycle, updated since the board met: not slow
        action(db, boards, boards.board, (date(2026, 11, 14), R), (date(2026, 11, 15), R))
    assert actions.list_partner_highlights(db, today=TODAY) == []
    for _ in range(4):  # Red at the board's last two meetings
        action(db, boards, boards.board, (date(2026, 11, 2), R), (date(2026, 11, 15), R))
    (partner,) = actions.list_partner_highlights(db, today=TODAY)
    assert partner.organisation == "Dunmoor College"
    assert partner.reason == "4 of 7 actions slow or overdue (57%)"


def test_an_update_to_an_action_with_no_board_is_for_the_improvement_boards_next_meeting(
    db, boards
) -> None:
    meet(db, boards.sub_group, date(2026, 12, 1), MeetingStatus.CONFIRMED)
    meet(db, boards.board, date(2026, 12, 9), MeetingStatus.CONFIRMED)
    ref = action(db, boards, None, (date(2026, 11, 20), G))
    (view,) = [v for v in actions.list_actions(db, today=TODAY) if v.reference == ref]
    (update,) = actions.get_action(db, view.id).updates
    assert update.meeting_label == "SEND Improvement Board, 9 December 2026"
