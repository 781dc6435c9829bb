"""Bank holidays in England and Wales, from the `holidays` package.

The package tracks the one-off days the government announces (a state funeral, a coronation), which
no fixed rule can foresee. It is imported on first use, not at start-up.
"""

from __future__ import annotations

from datetime import date
from functools import cache


@cache
def bank_holidays(year: int) -> dict[date, str]:
    """Every bank holiday of `year` in England and Wales, with its name, in date order; a holiday
    at a weekend is listed again, marked "(observed)", on the weekday that replaces it."""
    from holidays.countries.united_kingdom import UnitedKingdom

    return dict(sorted(UnitedKingdom(subdiv="ENG", years=year).items()))
