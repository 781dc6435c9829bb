"""How counts and dates read in words: "1 update", "2 updates", "3 people", "Wed 9 Dec 2026"."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line's parsers load this before the window is shown
    from datetime import date, datetime

#: Plurals that are not the word with an "s".
_IRREGULAR = {"person": "people", "was": "were", "is": "are", "has": "have", "this": "these"}


def plural_word(count: int, word: str) -> str:
    """`word` as it reads after `count`: "person" or "people", "update" or "updates"."""
    if count == 1:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def counted(count: int, word: str) -> str:
    """The count and the word that goes with it: "1 member", "4 members", "2 people"."""
    return f"{count} {plural_word(count, word)}"


# Dates: one style per kind of place, in English whatever the computer's language.
# Tables and lists: "Wed 9 Dec 2026"; prose: "9 December 2026"; entry fields: "09/12/2026";
# compact places where the year goes without saying (Home's lists, a table cell beside its
# meeting's date): "Wed 9 Dec".

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def table_date(day: date | None) -> str:
    """A date in a table or list: "Wed 9 Dec 2026" ("" for none)."""
    if day is None:
        return ""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1][:3]} {day.year}"


def short_date(day: date | None) -> str:
    """A date in a compact place where the year goes without saying: "Wed 9 Dec"."""
    if day is None:
        return ""
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1][:3]}"


def table_time(moment: datetime | None) -> str:
    """A moment in a table, in the computer's own time: "Wed 9 Dec 2026 15:00"."""
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{table_date(local.date())} {local:%H:%M}"


def prose_date(day: date | None, *, weekday: bool = False) -> str:
    """A date in a sentence: "9 December 2026", or "Wednesday 9 December 2026" ("" for none)."""
    if day is None:
        return ""
    named = f"{_WEEKDAYS[day.weekday()]} " if weekday else ""
    return f"{named}{day.day} {_MONTHS[day.month - 1]} {day.year}"


#: The same style as `entry_date` in Qt's notation, for every date field the window shows.
ENTRY_DATE_FORMAT = "dd/MM/yyyy"


def entry_date(day: date | None) -> str:
    """A date in a field the secretary types into: "09/12/2026" ("" for none)."""
    return f"{day:%d/%m/%Y}" if day is not None else ""
