"""Due dates written as a period mean the last day of that period."""

from __future__ import annotations

from datetime import date

import pytest

from sendboard.domain.periods import period_end


@pytest.mark.parametrize(
    ("text", "day", "period"),
    [
        ("May 2025", date(2025, 5, 31), "May 2025"),
        ("may 2025", date(2025, 5, 31), "May 2025"),
        ("Sept 2025", date(2025, 9, 30), "September 2025"),
        ("February 2028", date(2028, 2, 29), "February 2028"),
        ("Feb-27", date(2027, 2, 28), "February 2027"),
        ("Dec '26", date(2026, 12, 31), "December 2026"),
        ("end of May 2025", date(2025, 5, 31), "May 2025"),
        ("By the end of October 2025", date(2025, 10, 31), "October 2025"),
        ("06/2026", date(2026, 6, 30), "June 2026"),
        ("Q1 2026/27", date(2026, 6, 30), "Q1 2026/27"),
        ("Q2 2026/27", date(2026, 9, 30), "Q2 2026/27"),
        ("Q3 2026/27", date(2026, 12, 31), "Q3 2026/27"),
        ("Q4 2026/27", date(2027, 3, 31), "Q4 2026/27"),
        ("q3 26/27", date(2026, 12, 31), "Q3 2026/27"),
        ("Q4 2027-2028", date(2028, 3, 31), "Q4 2027/28"),
        ("2026/27 Q3", date(2026, 12, 31), "Q3 2026/27"),
        ("Quarter 2 FY 2025/26", date(2025, 9, 30), "Q2 2025/26"),
        ("Autumn term 2026", date(2026, 12, 31), "Autumn term 2026"),
        ("Spring term 2027", date(2027, 3, 31), "Spring term 2027"),
        ("SUMMER TERM 2027", date(2027, 7, 31), "Summer term 2027"),
        ("Autumn term 2026/27", date(2026, 12, 31), "Autumn term 2026/27"),
        ("Spring term 2026/27", date(2027, 3, 31), "Spring term 2026/27"),
        ("Summer term 2026/27", date(2027, 7, 31), "Summer term 2026/27"),
    ],
)
def test_a_period_means_its_last_day(text: str, day: date, period: str) -> None:
    found = period_end(text)
    assert found is not None
    assert (found.day, found.period) == (day, period)


def test_the_note_says_how_the_period_was_read() -> None:
    found = period_end("May 2025")
    assert found is not None and found.note == "May 2025 read as 31 May 2025"
    found = period_end("Q3 2026/27")
    assert found is not None and found.note == "Q3 2026/27 read as 31 December 2026"


@pytest.mark.parametrize(
    "text", ["31/05/2025", "1 May 2025", "2025-05-31", "next Tuesday", "", "May", "13/2026"]
)
def test_a_day_or_anything_else_is_not_a_period(text: str) -> None:
    assert period_end(text) is None


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("Q3 2026", "Q3 2026/27"),
        ("Q3 2026/28", "one year after the other"),
        ("Spring term 2026/28", "one year after the other"),
    ],
)
def test_a_period_that_reads_two_ways_is_refused_with_advice(text: str, advice: str) -> None:
    with pytest.raises(ValueError, match=advice):
        period_end(text)
