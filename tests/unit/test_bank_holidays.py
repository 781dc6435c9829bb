"""England and Wales bank holidays: the rules agree with the `holidays` package year by year."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import holidays
import pytest

from sendboard.domain.bank_holidays import FIRST_YEAR, bank_holidays, easter_sunday

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("year", range(FIRST_YEAR, 2051))
def test_same_days_and_names_as_the_holidays_package(year: int) -> None:
    expected = dict(holidays.country_holidays("GB", subdiv="ENG", years=year))
    assert bank_holidays(year) == dict(sorted(expected.items()))


def test_weekend_christmas_is_replaced_on_the_next_free_weekdays() -> None:
    days = bank_holidays(2027)  # Christmas on Saturday, Boxing Day on Sunday
    assert days[date(2027, 12, 27)] == "Christmas Day (observed)"
    assert days[date(2027, 12, 28)] == "Boxing Day (observed)"
    days = bank_holidays(2022)  # Christmas on Sunday: Boxing Day keeps Monday
    assert days[date(2022, 12, 26)] == "Boxing Day"
    assert days[date(2022, 12, 27)] == "Christmas Day (observed)"


def test_easter() -> None:
    assert easter_sunday(2026) == date(2026, 4, 5)
    assert easter_sunday(2038) == date(2038, 4, 25)


def test_years_before_the_rules_list_none() -> None:
    assert bank_holidays(1970) == {}


def test_working_days_do_not_load_the_holidays_package() -> None:
    script = """
import sys
from datetime import datetime
from sendboard.domain.working_days import key_dates
key_dates(datetime(2026, 12, 9, 14, 0), papers_deadline_days=7)
assert "holidays" not in sys.modules
"""
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)
