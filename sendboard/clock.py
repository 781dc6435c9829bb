"""The one clock: every part of sendboard asks here for today and now.

Board business runs on London time, so "today" is the London date whatever the laptop's zone.
Nothing else reads the system clock, so tests (time-machine) and `demo --today` can move it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def now() -> datetime:
    """This moment, in UTC (timezone-aware): for timestamps that are stored."""
    return datetime.now(UTC)


def local_now() -> datetime:
    """This moment as London wall-clock time, without a zone: meetings are stored that way."""
    return now().astimezone(LONDON).replace(tzinfo=None)


def today() -> date:
    """Today's date in London."""
    return local_now().date()


def timestamp() -> float:
    """Seconds since the epoch, to compare with file times."""
    return now().timestamp()
