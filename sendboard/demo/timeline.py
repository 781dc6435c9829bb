"""When things happen in the demo: every date is reckoned from the day the demo is built.

About ten months lie behind the build day (held meetings, update rounds, risk reviews, a DfE
stocktake) and thirteen ahead (the board's programme), so the demo looks lived-in on any date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

MONTHS_BEHIND = 10
MONTHS_AHEAD = 13


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after (or before) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_end(day: date) -> date:
    return add_months(day, 1) - timedelta(days=1)


def nth_weekday(first_of_month: date, weekday: int, n: int) -> date:
    """The n-th (1-based) `weekday` (Monday 0) of the month that starts on `first_of_month`."""
    return first_of_month + timedelta(days=(weekday - first_of_month.weekday()) % 7 + 7 * (n - 1))


@dataclass(frozen=True)
class Timeline:
    today: date

    @property
    def history_start(self) -> date:
        """The first meetings of the demo's record."""
        return add_months(self.today, -MONTHS_BEHIND)

    @property
    def established(self) -> date:
        """When the boards were set up and their members joined."""
        return add_months(self.today, -MONTHS_BEHIND - 2)

    @property
    def horizon(self) -> date:
        """The last day of the programme scheduled ahead."""
        return month_end(add_months(self.today, MONTHS_AHEAD))

    def stocktakes(self) -> tuple[date, date]:
        """The DfE stocktake held five months ago, and the next one six months after it."""
        held = nth_weekday(add_months(self.today, -5), 2, 3)
        return held, nth_weekday(add_months(self.today, 1), 2, 3)
