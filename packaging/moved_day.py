"""Print the day CI moves the clock to: the first leap day or clock change a year or more ahead."""

from __future__ import annotations

from datetime import date, timedelta


def last_sunday(year: int, month: int) -> date:
    end = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return end - timedelta(days=(end.weekday() + 1) % 7)


def moved_day(today: date) -> date:
    """The first 29 February or last Sunday of March or October at least 366 days after today."""
    start = today + timedelta(days=366)
    candidates = []
    for year in range(start.year, start.year + 5):
        candidates += [last_sunday(year, 3), last_sunday(year, 10)]
        if year % 4 == 0 and (year % 100 or year % 400 == 0):
            candidates.append(date(year, 2, 29))
    return min(day for day in candidates if day >= start)


if __name__ == "__main__":
    print(moved_day(date.today()).isoformat())
