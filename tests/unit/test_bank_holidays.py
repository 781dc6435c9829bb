"""England and Wales bank holidays, including announced one-off days and substitute days."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from sendboard.domain.bank_holidays import bank_holidays


def test_standing_and_one_off_days() -> None:
    days = bank_holidays(2022)
    assert days[date(2022, 9, 19)] == "State Funeral of Queen Elizabeth II"
    assert days[date(2022, 6, 2)] == "Spring Bank Holiday"  # moved for the Platinum Jubilee
    assert date(2022, 5, 30) not in days
    assert bank_holidays(2026)[date(2026, 8, 31)] == "Late Summer Bank Holiday"


def test_weekend_holidays_have_substitute_days() -> None:
    days = bank_holidays(2027)  # Christmas on Saturday, Boxing Day on Sunday
    assert "(observed)" in days[date(2027, 12, 27)] and "(observed)" in days[date(2027, 12, 28)]
    assert list(days) == sorted(days)


def test_importing_working_days_does_not_load_the_holidays_package() -> None:
    script = "import sys, sendboard.domain.working_days; assert 'holidays' not in sys.modules"
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script], check=True, cwd=root)


def test_only_the_uk_calendar_is_loaded_and_it_agrees_with_the_usual_import() -> None:
    """`holidays.countries` imports every country's module; the UK's is loaded on its own."""
    script = """
import sys
from sendboard.domain.bank_holidays import bank_holidays
days = {year: bank_holidays(year) for year in range(1995, 2031)}
assert "holidays.countries" not in sys.modules
countries = sorted(m for m in sys.modules if m.startswith("holidays.countries."))
assert countries == ["holidays.countries.united_kingdom"], countries
from holidays.countries import UnitedKingdom, France  # the usual way in still works after
for year, found in days.items():
    assert found == dict(sorted(UnitedKingdom(subdiv="ENG", years=year).items())), year
assert France(years=2026)
"""
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script], check=True, cwd=root)
