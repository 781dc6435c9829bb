"""Working days in England and Wales: weekdays that are not bank holidays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sendboard.domain.bank_holidays import bank_holidays


def bank_holiday_name(day: date) -> str | None:
    return bank_holidays(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and bank_holiday_name(day) is None


def add_working_days(day: date, count: int) -> date:
    """The date `count` working days after (or, when negative, before) `day`."""
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    current = day
    while remaining:
        current += timedelta(days=step)
        if is_working_day(current):
            remaining -= 1
    return current


def clear_working_days_before(day: date, count: int) -> date:
    """The last date that leaves `count` clear working days before `day` (neither end counted)."""
    return add_working_days(day, -(count + 1))


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


@dataclass(frozen=True)
class KeyDates:
    papers_deadline: date
    pack_issue: date
    minutes_due: date


def key_dates(
    starts_at: datetime | date,
    papers_deadline_days: int,
    pack_clear_days: int = 5,
    minutes_working_days: int = 7,
) -> KeyDates:
    """The dates a meeting's secretariat works to, all counted in working days."""
    day = starts_at.date() if isinstance(starts_at, datetime) else starts_at
    return KeyDates(
        papers_deadline=add_working_days(day, -papers_deadline_days),
        pack_issue=clear_working_days_before(day, pack_clear_days),
        minutes_due=add_working_days(day, minutes_working_days),
    )
