"""Meeting cadences ("monthly, second Wednesday, 14:00–16:00") and the dates they give.

A board agrees a timetable in words; this module reads those words, lists the dates they give in a
range, and applies the series' rule for dates that fall on a bank holiday or other non-working day:
move the meeting to the next working day, or keep it and flag it. The reason is always kept, so the
secretary (and a reviewer) can see why a meeting is not where the pattern says.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sendboard.domain.working_days import bank_holiday_name, is_working_day, next_working_day


class Frequency(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def needs_week(self) -> bool:
        """Monthly and quarterly meetings fall on the nth (or last) weekday of the month."""
        return self in (Frequency.MONTHLY, Frequency.QUARTERLY)


class HolidayRule(StrEnum):
    MOVE = "move"  # to the next working day
    FLAG = "flag"  # keep the date and show a warning

    @property
    def label(self) -> str:
        return {
            "move": "Move to the next working day",
            "flag": "Keep the date and flag it",
        }[self.value]


WEEKDAYS = tuple(calendar.day_name)  # Monday … Sunday
#: Week of the month: 1–4, or -1 for the last.
WEEKS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
_WEEK_WORDS = {
    **{word: n for n, word in WEEKS.items()},
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": -1,
}
_FREQUENCY_WORDS = {
    "weekly": Frequency.WEEKLY,
    "fortnightly": Frequency.FORTNIGHTLY,
    "biweekly": Frequency.FORTNIGHTLY,
    "monthly": Frequency.MONTHLY,
    "quarterly": Frequency.QUARTERLY,
}
_TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?"
_RANGE = re.compile(_TIME + r"\s*(?:-|–|—|to|until)\s*" + _TIME)


class CadenceError(ValueError):
    """Words that do not describe a cadence; the message says what is missing."""


@dataclass(frozen=True)
class Cadence:
    frequency: Frequency
    weekday: int  # 0 = Monday
    starts: time
    ends: time
    week: int | None = None  # 1–4 or -1 (last); only for monthly and quarterly

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise CadenceError("Choose a day of the week.")
        if self.frequency.needs_week and self.week not in WEEKS:
            raise CadenceError(
                f"A {self.frequency.value} meeting needs a week of the month "
                "(first, second, third, fourth or last)."
            )
        if self.ends <= self.starts:
            raise CadenceError("The meeting must end after it starts.")

    def describe(self) -> str:
        """The words the board would use, e.g. 'Monthly, second Wednesday, 14:00–16:00'."""
        day = WEEKDAYS[self.weekday]
        when = f"{WEEKS[self.week]} {day}" if self.frequency.needs_week and self.week else day
        return f"{self.frequency.label}, {when}, {self.starts:%H:%M}–{self.ends:%H:%M}"

    def dates(self, first: date, last: date) -> list[date]:
        """The dates the pattern gives from `first` to `last` inclusive, before any holiday rule."""
        if last < first:
            return []
        if self.frequency.needs_week:
            step = 3 if self.frequency is Frequency.QUARTERLY else 1
            found = []
            year, month = first.year, first.month
            while (year, month) <= (last.year, last.month):
                day = nth_weekday(year, month, self.weekday, self.week or 1)
                if first <= day <= last:
                    found.append(day)
                month += step
                year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
            return found
        step = 7 if self.frequency is Frequency.WEEKLY else 14
        day = first + timedelta(days=(self.weekday - first.weekday()) % 7)
        found = []
        while day <= last:
            found.append(day)
            day += timedelta(days=step)
        return found


def nth_weekday(year: int, month: int, weekday: int, week: int) -> date:
    """The nth `weekday` of a month (week 1–4), or the last one (week -1)."""
    if week == -1:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))


def parse_cadence(text: str) -> Cadence:
    """Read a cadence from words such as 'Monthly, last Friday, 10:00-12:00'."""
    words = re.sub(r"[,;]", " ", text.lower()).replace("every other", "fortnightly")
    times = _RANGE.search(words)
    if times is None:
        raise CadenceError(f"'{text}' has no meeting times; add them like 14:00–16:00.")
    starts = _time(*times.group(1, 2, 3), text)
    ends = _time(*times.group(4, 5, 6), text)
    if times.group(3) is None and times.group(6) in ("am", "pm"):
        starts = _time(times.group(1), times.group(2), times.group(6), text)
    tokens = (words[: times.start()] + " " + words[times.end() :]).split()
    frequency = next((_FREQUENCY_WORDS[t] for t in tokens if t in _FREQUENCY_WORDS), None)
    if frequency is None:
        raise CadenceError(
            f"'{text}' does not say how often; start with weekly, fortnightly, monthly or "
            "quarterly."
        )
    weekday = next((_weekday(t) for t in tokens if _weekday(t) is not None), None)
    if weekday is None:
        raise CadenceError(f"'{text}' does not name a day of the week.")
    week = next((_WEEK_WORDS[t] for t in tokens if t in _WEEK_WORDS), None)
    if not frequency.needs_week:
        week = None
    return Cadence(frequency=frequency, weekday=weekday, starts=starts, ends=ends, week=week)


def _weekday(token: str) -> int | None:
    token = token.rstrip("s")  # "wednesdays"
    for number, name in enumerate(WEEKDAYS):
        if len(token) >= 3 and name.lower().startswith(token):
            return number
    return None


def _time(hours: str, minutes: str | None, half: str | None, text: str) -> time:
    hour, minute = int(hours), int(minutes or 0)
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise CadenceError(f"'{text}' has a time that does not exist.")
    return time(hour, minute)


def day_label(day: date) -> str:
    """'Mon 31 Aug 2026': how dates appear in notes and lists."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def non_working_reason(day: date) -> str | None:
    """Why a day is not a working day: the bank holiday's name, or 'weekend'."""
    name = bank_holiday_name(day)
    if name:
        return name
    return "weekend" if day.weekday() >= 5 else None


@dataclass(frozen=True)
class Occurrence:
    """One meeting the series gives: where the pattern put it, and where it is held."""

    scheduled: date
    day: date
    starts: time
    ends: time
    holiday: str | None = None  # why the scheduled date is not a working day
    moved: bool = False

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.day, self.starts)

    @property
    def ends_at(self) -> datetime:
        return datetime.combine(self.day, self.ends)

    @property
    def flagged(self) -> bool:
        return self.holiday is not None and not self.moved

    @property
    def note(self) -> str:
        """The visible reason, e.g. 'Moved from Mon 31 Aug 2026: Late Summer Bank Holiday'."""
        if self.holiday is None:
            return ""
        if self.moved:
            return f"Moved from {day_label(self.scheduled)}: {self.holiday}"
        return f"Falls on {self.holiday} ({day_label(self.scheduled)}): kept as scheduled"


def plan(cadence: Cadence, first: date, last: date, rule: HolidayRule) -> list[Occurrence]:
    """The series' meetings from `first` to `last`, with the holiday rule applied."""
    found = []
    for day in cadence.dates(first, last):
        if is_working_day(day):
            found.append(Occurrence(day, day, cadence.starts, cadence.ends))
            continue
        reason = non_working_reason(day)
        if rule is HolidayRule.MOVE:
            moved_to = next_working_day(day)
            found.append(Occurrence(day, moved_to, cadence.starts, cadence.ends, reason, True))
        else:
            found.append(Occurrence(day, day, cadence.starts, cadence.ends, reason))
    return found
