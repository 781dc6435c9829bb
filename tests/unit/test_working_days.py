from datetime import date, datetime

from sendboard.domain.working_days import add_working_days, is_working_day, key_dates


def test_bank_holidays_and_weekends_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 12, 25))  # Christmas Day
    assert not is_working_day(date(2026, 8, 31))  # summer bank holiday (England)
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert is_working_day(date(2026, 11, 23))


def test_counting_skips_christmas() -> None:
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert add_working_days(date(2026, 12, 29), -1) == date(2026, 12, 24)


def test_key_dates_for_a_wednesday_meeting() -> None:
    dates = key_dates(datetime(2026, 12, 9, 14, 0), papers_deadline_days=7)
    assert dates.papers_deadline == date(2026, 11, 30)
    assert dates.pack_issue == date(2026, 12, 1)  # 5 clear working days: 2nd–8th
    assert dates.minutes_due == date(2026, 12, 18)
