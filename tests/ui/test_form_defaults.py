"""Forms start from sensible values: a Chair member chairs the board, an adviser does not vote,
a new meeting is for the Improvement Board on a weekday, a series is monthly and warns about a
papers deadline already past."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime

import pytest
import time_machine
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate

from sendboard.domain.governance import BoardKind, MemberRole
from sendboard.domain.schedules import Frequency
from sendboard.services import boards, people
from sendboard.services.boards import MembershipInput
from sendboard.services.common.workspace import Database
from ui.app import make_context
from ui.context import AppContext
from ui.meetings.dialog import MeetingDialog
from ui.meetings.schedule_series import ScheduleSeriesDialog
from ui.people.membership_dialog import MembershipDialog

LONDON_NOON = "T12:00:00+00:00"


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


def _board(db: Database, kind: BoardKind) -> boards.BoardView:
    return next(b for b in boards.list_boards(db) if b.kind == kind)


def test_adding_a_chair_member_sets_the_boards_chair(demo_db: Database) -> None:
    board = _board(demo_db, BoardKind.SUB_GROUP)
    members = {m.person_id for m in boards.list_members(demo_db, board.id)}
    person = next(p for p in people.list_people(demo_db) if p.id not in members)
    assert board.chair_id != person.id
    boards.add_member(
        demo_db, MembershipInput(person_id=person.id, board_id=board.id, role=MemberRole.CHAIR)
    )
    after = next(b for b in boards.list_boards(demo_db) if b.id == board.id)
    assert after.chair_id == person.id and after.chair_name == person.name


def test_adviser_role_unticks_voting(ctx: AppContext, qtbot: QtBot, demo_db: Database) -> None:
    board = _board(demo_db, BoardKind.SUB_GROUP)
    dialog = MembershipDialog(ctx, board, people.list_people(demo_db))
    qtbot.addWidget(dialog)
    assert dialog.voting.isChecked()
    dialog.role.setCurrentIndex(dialog.role.findData(MemberRole.ADVISER))
    assert not dialog.voting.isChecked()
    dialog.role.setCurrentIndex(dialog.role.findData(MemberRole.VICE_CHAIR))
    assert dialog.voting.isChecked()


def test_new_meeting_defaults_to_the_improvement_board_on_a_weekday(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    all_boards = sorted(boards.list_boards(demo_db), key=lambda b: b.kind != BoardKind.SUB_GROUP)
    assert all_boards[0].kind != BoardKind.IMPROVEMENT_BOARD
    # 14 days after Sunday 8 November 2026 is a Sunday
    with time_machine.travel(datetime.fromisoformat("2026-11-08" + LONDON_NOON), tick=False):
        dialog = MeetingDialog(ctx, all_boards)
    qtbot.addWidget(dialog)
    chosen = next(b for b in all_boards if b.id == dialog.board.currentData())
    assert chosen.kind == BoardKind.IMPROVEMENT_BOARD
    assert dialog.day.date().toPython().weekday() < 5
    assert dialog.day.date().toPython() == date(2026, 11, 23)


def test_series_defaults_to_monthly_and_warns_of_a_past_papers_deadline(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    all_boards = sorted(
        (replace(b, cadence="") for b in boards.list_boards(demo_db)),  # nothing to start from
        key=lambda b: b.kind == BoardKind.IMPROVEMENT_BOARD,
    )
    with time_machine.travel(datetime.fromisoformat("2026-11-23" + LONDON_NOON), tick=False):
        dialog = ScheduleSeriesDialog(ctx, all_boards)
        qtbot.addWidget(dialog)
        chosen = next(b for b in all_boards if b.id == dialog.board.currentData())
        assert chosen.kind == BoardKind.IMPROVEMENT_BOARD
        assert Frequency(dialog.frequency.currentData()) is Frequency.MONTHLY
        # the last Monday of November 2026 is the 30th: papers were due on the 19th
        dialog.weekday.setCurrentIndex(dialog.weekday.findData(0))
        dialog.week.setCurrentIndex(dialog.week.findData(-1))
        qtbot.waitUntil(lambda: "Mon 30 Nov" in dialog.summary.text(), timeout=10000)
        assert "papers deadline has already passed for 1 meeting " in dialog.summary.text()
        dialog.first.setDate(QDate(2026, 12, 1))
        qtbot.waitUntil(lambda: "Mon 30 Nov" not in dialog.summary.text(), timeout=10000)
        qtbot.waitUntil(lambda: "will be created" in dialog.summary.text(), timeout=10000)
        assert "papers deadline" not in dialog.summary.text()
