"""Bank holidays in England and Wales, from the standing rules and the announced exceptions.

Computed here rather than with the `holidays` package: to answer for one country it imports
every country's calendar (about 300 modules), which took longer than the rest of sendboard's
start. The names match that package's, and a test checks both agree year by year. The rules
hold from 1978, when the early May bank holiday began.

A new one-off holiday (a coronation, a state funeral) is announced months ahead: add it to
ONE_OFF, or to MOVED when a standing holiday moves to make room for it.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

FIRST_YEAR = 1978

ONE_OFF = {
    date(1981, 7, 29): "Wedding of Charles and Diana",
    date(1999, 12, 31): "Millennium Celebrations",
    date(2002, 6, 3): "Golden Jubilee of Elizabeth II",
    date(2011, 4, 29): "Wedding of William and Catherine",
    date(2012, 6, 5): "Diamond Jubilee of Elizabeth II",
    date(2022, 6, 3): "Platinum Jubilee of Elizabeth II",
    date(2022, 9, 19): "State Funeral of Queen Elizabeth II",
    date(2023, 5, 8): "Coronation of Charles III",
}

MOVED = {
    (1995, "May Day"): date(1995, 5, 8),  # VE Day anniversary
    (2020, "May Day"): date(2020, 5, 8),
    (2002, "Spring Bank Holiday"): date(2002, 6, 4),
    (2012, "Spring Bank Holiday"): date(2012, 6, 4),
    (2022, "Spring Bank Holiday"): date(2022, 6, 2),
}


def easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    day = (h + weekday_shift - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=last.weekday())


def _next_free_weekday(day: date, taken: dict[date, str]) -> date:
    while day.weekday() >= 5 or day in taken:
        day += timedelta(days=1)
    return day


@cache
def bank_holidays(year: int) -> dict[date, str]:
    """Every bank holiday of `year`, with its name; a holiday falling at a weekend is listed on
    its own date and again, marked "(observed)", on the weekday that replaces it. Years before
    the rules began have none listed."""
    if year < FIRST_YEAR:
        return {}
    easter = easter_sunday(year)
    days = {
        date(year, 1, 1): "New Year's Day",
        easter - timedelta(days=2): "Good Friday",
        easter + timedelta(days=1): "Easter Monday",
        MOVED.get((year, "May Day"), _first_monday(year, 5)): "May Day",
        MOVED.get((year, "Spring Bank Holiday"), _last_monday(year, 5)): "Spring Bank Holiday",
        _last_monday(year, 8): "Late Summer Bank Holiday",
        date(year, 12, 25): "Christmas Day",
        date(year, 12, 26): "Boxing Day",
    }
    days.update({day: name for day, name in ONE_OFF.items() if day.year == year})
    for day in (date(year, 1, 1), date(year, 12, 25), date(year, 12, 26)):
        if day.weekday() >= 5:
            days[_next_free_weekday(day, days)] = f"{days[day]} (observed)"
    return dict(sorted(days.items()))
