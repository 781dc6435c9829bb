from datetime import date, time

import pytest

from sendboard.domain.schedules import (
    Cadence,
    CadenceError,
    Frequency,
    HolidayRule,
    nth_weekday,
    parse_cadence,
    plan,
)


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("monthly, second Wednesday, 14:00–16:00", "Monthly, second Wednesday, 14:00–16:00"),
        ("Monthly, last Friday, 10:00-12:00", "Monthly, last Friday, 10:00–12:00"),
        ("weekly on Tuesdays 9.30 to 10.30", "Weekly, Tuesday, 09:30–10:30"),
        ("every other Thursday 1pm-2.30pm", "Fortnightly, Thursday, 13:00–14:30"),
        ("Quarterly, 1st Mon, 10:00 – 12:00", "Quarterly, first Monday, 10:00–12:00"),
    ],
)
def test_cadences_are_read_from_words(text: str, described: str) -> None:
    assert parse_cadence(text).describe() == described


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("monthly, second Wednesday", "no meeting times"),
        ("second Wednesday 14:00-16:00", "how often"),
        ("monthly 14:00-16:00", "day of the week"),
        ("monthly Wednesday 14:00-16:00", "week of the month"),
        ("weekly Monday 16:00-14:00", "end after it starts"),
    ],
)
def test_incomplete_cadences_say_what_is_missing(text: str, complaint: str) -> None:
    with pytest.raises(CadenceError, match=complaint):
        parse_cadence(text)


def test_nth_and_last_weekday_of_a_month() -> None:
    assert nth_weekday(2026, 12, 2, 2) == date(2026, 12, 9)  # second Wednesday
    assert nth_weekday(2026, 4, 0, 1) == date(2026, 4, 6)  # first Monday
    assert nth_weekday(2026, 8, 0, -1) == date(2026, 8, 31)  # last Monday
    assert nth_weekday(2026, 3, 1, -1) == date(2026, 3, 31)  # last Tuesday, month's last day


def test_monthly_series_gives_one_date_a_month_in_range() -> None:
    cadence = parse_cadence("monthly, second Wednesday, 14:00–16:00")
    days = cadence.dates(date(2026, 1, 15), date(2026, 12, 31))
    assert days[0] == date(2026, 2, 11)  # January's was before the range
    assert len(days) == 11
    assert all(d.weekday() == 2 and 8 <= d.day <= 14 for d in days)


def test_weekly_fortnightly_and_quarterly_steps() -> None:
    weekly = Cadence(Frequency.WEEKLY, 1, time(9), time(10))
    assert weekly.dates(date(2026, 11, 23), date(2026, 12, 8)) == [
        date(2026, 11, 24),
        date(2026, 12, 1),
        date(2026, 12, 8),
    ]
    fortnightly = Cadence(Frequency.FORTNIGHTLY, 1, time(9), time(10))
    assert fortnightly.dates(date(2026, 11, 23), date(2026, 12, 8)) == [
        date(2026, 11, 24),
        date(2026, 12, 8),
    ]
    quarterly = Cadence(Frequency.QUARTERLY, 0, time(10), time(12), week=1)
    assert quarterly.dates(date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 1, 5),
        date(2026, 4, 6),  # Easter Monday: the rule decides what happens
        date(2026, 7, 6),
        date(2026, 10, 5),
    ]


def test_august_bank_holiday_moves_with_the_reason_kept() -> None:
    cadence = parse_cadence("monthly, last Monday, 10:00–12:00")
    moved = plan(cadence, date(2026, 8, 1), date(2026, 8, 31), HolidayRule.MOVE)
    assert [o.day for o in moved] == [date(2026, 9, 1)]
    assert moved[0].scheduled == date(2026, 8, 31)
    assert moved[0].note == "Moved from Mon 31 Aug 2026: Late Summer Bank Holiday"
    assert moved[0].starts_at.isoformat() == "2026-09-01T10:00:00"


def test_flag_rule_keeps_the_date_and_says_why() -> None:
    cadence = parse_cadence("quarterly, first Monday, 10:00–12:00")
    flagged = plan(cadence, date(2026, 4, 1), date(2026, 4, 30), HolidayRule.FLAG)
    assert [o.day for o in flagged] == [date(2026, 4, 6)]
    assert flagged[0].flagged and not flagged[0].moved
    assert "Easter Monday" in flagged[0].note and "kept as scheduled" in flagged[0].note


def test_christmas_moves_past_boxing_day_and_the_weekend() -> None:
    cadence = parse_cadence("monthly, fourth Friday, 10:00–11:00")
    (occurrence,) = plan(cadence, date(2026, 12, 1), date(2026, 12, 31), HolidayRule.MOVE)
    assert occurrence.scheduled == date(2026, 12, 25)
    assert occurrence.day == date(2026, 12, 29)  # Sat, Sun, Boxing Day (observed) Mon skipped
    assert occurrence.note == "Moved from Fri 25 Dec 2026: Christmas Day"


def test_good_friday_and_ordinary_days_are_untouched() -> None:
    cadence = parse_cadence("monthly, first Friday, 09:00–10:00")
    occurrences = plan(cadence, date(2026, 3, 1), date(2026, 5, 31), HolidayRule.MOVE)
    assert [o.day for o in occurrences] == [date(2026, 3, 6), date(2026, 4, 7), date(2026, 5, 1)]
    assert occurrences[1].note == "Moved from Fri 3 Apr 2026: Good Friday"  # Easter Monday too
    assert occurrences[0].note == "" and occurrences[2].note == ""
