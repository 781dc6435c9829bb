"""Dates as spreadsheets hold them: real dates, Excel serials, UK text, and periods."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from sendboard.domain.periods import period_end
from sendboard.outputs.sheets.reading import blank


def parse_date(value: Any) -> date | None:
    """A date from a cell: a real date, an Excel serial number, or text in UK or ISO order."""
    if blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 1 < value < 100000:
        return date(1899, 12, 30) + timedelta(days=int(value))
    text = str(value).strip()
    if re.fullmatch(r"\d{4,5}(\.0+)?", text):
        return parse_date(float(text))
    for pattern in (
        "%d/%m/%Y",
        "%d/%m/%y",
        "%Y-%m-%d",
        "%d-%m-%Y",
        "%d.%m.%Y",
        "%d %B %Y",
        "%d %b %Y",
        "%d %B %y",
        "%d %b %y",
        "%B %Y",
        "%b %Y",
    ):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date (use DD/MM/YYYY)")


def parse_due_date(value: Any) -> tuple[date | None, str | None]:
    """A due date, where a period ("May 2025", "Q3 2026/27", "Spring term 2027") means its last
    day (sendboard.domain.periods); with a note saying how a period was read, else None."""
    if isinstance(value, str):
        found = period_end(value)
        if found is not None:
            return found.day, found.note
    try:
        return parse_date(value), None
    except ValueError:
        text = str(value).strip()
        raise ValueError(
            f"'{text}' is not a date (use DD/MM/YYYY, or a month such as May 2025)"
        ) from None
