"""Due dates written as a period rather than a day: "May 2025", "Q3 2026/27", "Spring term 2027".

A council that writes a period in a due-date column means "by the end of it", so each reads as
the period's last day:
- a month: its last day ("May 2025", "Sept 25", "05/2025", "end of May 2025");
- a quarter of the UK financial year, which runs 1 April to 31 March: Q1 April–June, Q2
  July–September, Q3 October–December, Q4 January–March ("Q3 2026/27" ends 31 December 2026);
- an English school term: autumn ends 31 December, spring 31 March, summer 31 July. With one year
  ("Spring term 2027") the term ends in that year; with an academic year ("Spring term 2026/27")
  autumn ends in its first year and spring and summer in its second.

A quarter without its financial year ("Q3 2026") could be a calendar quarter too, so it is refused
with advice rather than guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

#: Written out here rather than taken from the locale, which a desktop toolkit may change.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTH_WORDS = {
    **MONTHS,
    **{name[:3]: number for name, number in MONTHS.items()},
    "sept": 9,
}
#: The month and year offset (within the financial year) at which each quarter ends.
_QUARTER_ENDS = {1: (6, 0), 2: (9, 0), 3: (12, 0), 4: (3, 1)}
#: The month each school term ends, and whether it falls in the academic year's second year.
_TERM_ENDS = {"autumn": (12, 0), "spring": (3, 1), "summer": (7, 1)}

_LEAD = r"(?:by\s+)?(?:the\s+)?(?:end\s+(?:of\s+)?)?"
_YEARS = r"(?P<first>\d{4}|\d{2})\s*[/\-–]\s*(?P<second>\d{4}|\d{2})"
_MONTH = re.compile(
    _LEAD + r"(?P<month>[a-z]+)\.?(?:\s*[,\-/]?\s*(?P<year>\d{4})|\s*[\-/'’]\s*(?P<short>\d{2}))"
)
_NUMERIC_MONTH = re.compile(r"(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})")
_QUARTER = re.compile(_LEAD + r"(?:q|quarter\s*)(?P<quarter>[1-4])\s*(?:fy\s*)?" + _YEARS)
_QUARTER_AFTER = re.compile(r"(?:fy\s*)?" + _YEARS + r"\s*(?:q|quarter\s*)(?P<quarter>[1-4])")
_BARE_QUARTER = re.compile(_LEAD + r"(?:q|quarter\s*)([1-4])\s*(?:fy\s*)?(\d{4}|\d{2})")
_TERM = re.compile(
    _LEAD + r"(?P<term>autumn|spring|summer)\s+term\s*(?:(?P<year>\d{4})|" + _YEARS + ")"
)


@dataclass(frozen=True)
class PeriodEnd:
    period: str  # the period, written out in full ("May 2025", "Q3 2026/27")
    day: date  # its last day

    @property
    def note(self) -> str:
        """What the preview tells the secretary: "May 2025 read as 31 May 2025"."""
        return f"{self.period} read as {long_date(self.day)}"


def long_date(day: date) -> str:
    """31 May 2025, in English whatever the locale."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def period_end(text: str) -> PeriodEnd | None:
    """The last day of the period `text` names; None when it names no period (a day, or words).

    Raises ValueError, with advice, for a period that could be read two ways.
    """
    key = " ".join(str(text).lower().split()).strip(" .")
    for reader in (_month, _quarter, _term):
        found = reader(key)
        if found is not None:
            return found
    return None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _full_year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def _year_pair(match: re.Match[str], text: str) -> int:
    """The first year of "2026/27", checking the second is the year after."""
    first = _full_year(match["first"])
    second = int(match["second"])
    if second != (first + 1 if len(match["second"]) == 4 else (first + 1) % 100):
        raise ValueError(
            f"'{text}': the years of a financial or school year are one year after the "
            "other, e.g. 2026/27"
        )
    return first


def _month(key: str) -> PeriodEnd | None:
    match = _MONTH.fullmatch(key)
    if match is not None:
        month = _MONTH_WORDS.get(match["month"])
        if month is None:
            return None
        year = int(match["year"]) if match["year"] else 2000 + int(match["short"])
    else:
        match = _NUMERIC_MONTH.fullmatch(key)
        if match is None or not 1 <= int(match["month"]) <= 12:
            return None
        month, year = int(match["month"]), int(match["year"])
    return PeriodEnd(f"{MONTH_NAMES[month - 1]} {year}", _last_day(year, month))


def _quarter(key: str) -> PeriodEnd | None:
    match = _QUARTER.fullmatch(key) or _QUARTER_AFTER.fullmatch(key)
    if match is None:
        bare = _BARE_QUARTER.fullmatch(key)
        if bare is not None:
            year = _full_year(bare[2])
            raise ValueError(
                f"'{key.upper()}' could be a calendar or a financial-year quarter; write the "
                f"financial year, e.g. Q{bare[1]} {year}/{(year + 1) % 100:02d}"
            )
        return None
    first = _year_pair(match, key)
    quarter = int(match["quarter"])
    month, offset = _QUARTER_ENDS[quarter]
    return PeriodEnd(
        f"Q{quarter} {first}/{(first + 1) % 100:02d}", _last_day(first + offset, month)
    )


def _term(key: str) -> PeriodEnd | None:
    match = _TERM.fullmatch(key)
    if match is None:
        return None
    term = match["term"]
    month, offset = _TERM_ENDS[term]
    if match["year"]:
        year = int(match["year"])
        return PeriodEnd(f"{term.capitalize()} term {year}", _last_day(year, month))
    first = _year_pair(match, key)
    return PeriodEnd(
        f"{term.capitalize()} term {first}/{(first + 1) % 100:02d}",
        _last_day(first + offset, month),
    )
