from datetime import date, datetime

import pytest

from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingKind, MeetingStatus
from sendboard.domain.schedules import HolidayRule, parse_cadence
from sendboard.errors import ValidationError
from sendboard.services import boards, meetings
from sendboard.services.common.changes import Area
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import MeetingInput, series
from sendboard.services.meetings.series import SeriesInput


@pytest.fixture
def board_id(db: Database) -> int:
    data = boards.BoardInput(
        name="SEND Improvement Board", kind=BoardKind.IMPROVEMENT_BOARD, papers_deadline_days=7
    )
    return boards.create_board(db, data).value.id


def _series(board_id: int, text: str, rule: HolidayRule = HolidayRule.MOVE) -> SeriesInput:
    return SeriesInput(
        board_id=board_id,
        cadence=parse_cadence(text),
        first=date(2026, 1, 1),
        last=date(2026, 12, 31),
        holiday_rule=rule,
        venue="Kingsmere Civic Centre, Room 2",
    )


def test_preview_writes_nothing_and_create_makes_a_year(db: Database, board_id: int) -> None:
    data = _series(board_id, "monthly, second Wednesday, 14:00–16:00")
    preview = series.preview_series(db, data)
    assert len(preview.to_create) == 12
    assert meetings.list_meetings(db, include_past=True) == []
    made = series.create_series(db, data)
    assert made.changes.touches(Area.MEETINGS)
    views = meetings.list_meetings(db, include_past=True)
    assert [v.starts_at.month for v in views] == list(range(1, 13))
    december = views[-1]
    assert december.starts_at == datetime(2026, 12, 9, 14, 0)
    assert december.papers_deadline == date(2026, 11, 30)
    assert december.pack_issue == date(2026, 12, 1)
    assert december.minutes_due == date(2026, 12, 18)
    assert december.board_name == "SEND Improvement Board"
    assert december.series_id is not None and december.venue.startswith("Kingsmere")


def test_series_moves_bank_holidays_and_says_so(db: Database, board_id: int) -> None:
    views = series.create_series(db, _series(board_id, "monthly, last Monday, 10:00–12:00"))
    by_month = {v.starts_at.date(): v for v in views.value}
    september = by_month[date(2026, 9, 1)]
    assert september.holiday_note == "Moved from Mon 31 Aug 2026: Late Summer Bank Holiday"
    assert date(2026, 8, 31) not in by_month and date(2026, 5, 26) in by_month
    assert date(2026, 12, 29) in by_month  # Boxing Day (observed) on Mon 28 Dec


def test_flagged_series_keeps_the_holiday(db: Database, board_id: int) -> None:
    data = _series(board_id, "monthly, last Monday, 10:00–12:00", HolidayRule.FLAG)
    views = {v.starts_at.date(): v for v in series.create_series(db, data).value}
    assert "Late Summer Bank Holiday" in views[date(2026, 8, 31)].holiday_note
    assert views[date(2026, 7, 27)].holiday_note == ""


def test_second_series_skips_days_already_booked(db: Database, board_id: int) -> None:
    data = _series(board_id, "monthly, second Wednesday, 14:00–16:00")
    series.create_series(db, data)
    preview = series.preview_series(db, data)
    assert preview.to_create == ()
    assert "already meets on Wed 14 Jan 2026 at 14:00" in preview.planned[0].clash
    with pytest.raises(ValidationError, match="no new meetings"):
        series.create_series(db, data)


def test_series_over_three_years_is_refused(db: Database, board_id: int) -> None:
    data = SeriesInput(
        board_id, parse_cadence("weekly Monday 9-10"), date(2026, 1, 1), date(2030, 1, 1)
    )
    with pytest.raises(ValidationError, match="at most three years") as caught:
        series.preview_series(db, data)
    assert caught.value.field == "last"


def _one_off(board_id: int, kind: MeetingKind = MeetingKind.EXTRAORDINARY) -> MeetingInput:
    return MeetingInput(
        board_id=board_id,
        starts_at=datetime(2026, 12, 2, 10, 0),
        ends_at=datetime(2026, 12, 2, 11, 30),
        kind=kind,
        title="Extraordinary meeting: EHCP backlog",
        online_link="https://teams.example.com/meet/123",
    )


def test_reschedule_bumps_sequence_and_keeps_uid(db: Database, board_id: int) -> None:
    made = meetings.create_meeting(db, _one_off(board_id)).value
    assert made.sequence == 0 and made.kind is MeetingKind.EXTRAORDINARY
    same_place = _one_off(board_id)
    renamed = meetings.update_meeting(
        db, made.id, MeetingInput(**{**same_place.__dict__, "title": "EHCP backlog"})
    ).value
    assert renamed.sequence == 0  # a new title is not a material change
    moved_input = MeetingInput(
        **{
            **same_place.__dict__,
            "starts_at": datetime(2026, 12, 3, 10),
            "ends_at": datetime(2026, 12, 3, 11),
        }
    )
    moved = meetings.update_meeting(db, made.id, moved_input).value
    assert moved.sequence == 1 and moved.uid == made.uid
    assert moved.holiday_note == "Rescheduled from Wed 2 Dec 2026 10:00"
    venue = meetings.update_meeting(
        db, made.id, MeetingInput(**{**moved_input.__dict__, "venue": "Town Hall"})
    ).value
    assert venue.sequence == 2 and venue.place == "Town Hall and online"


def test_cancel_keeps_the_record_and_bumps_sequence(db: Database, board_id: int) -> None:
    made = meetings.create_meeting(db, _one_off(board_id)).value
    cancelled = meetings.cancel_meeting(db, made.id, "Chair unavailable").value
    assert cancelled.status is MeetingStatus.CANCELLED
    assert cancelled.sequence == 1 and cancelled.uid == made.uid
    assert "Cancelled: Chair unavailable" in cancelled.notes
    with pytest.raises(ValidationError, match="already cancelled"):
        meetings.cancel_meeting(db, made.id)
    with pytest.raises(ValidationError, match="cancelled"):
        meetings.update_meeting(db, made.id, _one_off(board_id))


def test_confirm_hold_and_next_meeting(db: Database, board_id: int) -> None:
    series.create_series(db, _series(board_id, "monthly, second Wednesday, 14:00–16:00"))
    now = datetime(2026, 11, 23, 9, 0)
    upcoming = meetings.next_meeting(db, now=now)
    assert upcoming is not None and upcoming.starts_at == datetime(2026, 12, 9, 14)
    assert upcoming.days_to_papers_deadline(now.date()) == 7
    assert [v.starts_at.month for v in meetings.list_meetings(db, now=now)] == [12]
    with pytest.raises(ValidationError, match="before it has started"):
        meetings.mark_held(db, upcoming.id, now=now)
    assert meetings.confirm_meeting(db, upcoming.id).value.status is MeetingStatus.CONFIRMED
    november = meetings.list_meetings(db, include_past=True)[10]
    assert meetings.mark_held(db, november.id, now=now).value.status is MeetingStatus.HELD
    with pytest.raises(ValidationError, match="held"):
        meetings.cancel_meeting(db, november.id)
    meetings.cancel_meeting(db, upcoming.id)
    assert meetings.next_meeting(db, board_id=board_id, now=now) is None


def test_stocktake_and_bad_input(db: Database, board_id: int) -> None:
    stocktake = meetings.create_meeting(db, _one_off(board_id, MeetingKind.STOCKTAKE)).value
    assert stocktake.kind.label == "DfE stocktake"
    wrong_link = MeetingInput(**{**_one_off(board_id).__dict__, "online_link": "teams meeting"})
    with pytest.raises(ValidationError, match="https://") as caught:
        meetings.create_meeting(db, wrong_link)
    assert caught.value.field == "online_link"
    backwards = MeetingInput(
        board_id, datetime(2026, 12, 2, 11), datetime(2026, 12, 2, 10), MeetingKind.ORDINARY
    )
    with pytest.raises(ValidationError, match="end after it starts"):
        meetings.create_meeting(db, backwards)
    clash = MeetingInput(board_id, datetime(2026, 12, 2, 15), datetime(2026, 12, 2, 16))
    with pytest.raises(ValidationError, match="already meets on Wed 2 Dec 2026"):
        meetings.create_meeting(db, clash)
