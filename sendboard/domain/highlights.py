"""Which actions are slow to progress and which partners' contributions need strengthening.

Pure rules over plain data, each with a reason a board member can read aloud. The thresholds are
the board's to set (kept in settings); the defaults follow the Improvement Notice's wording.

A cycle is the span between two held meetings of the board an action reports to: it ends on the
day of the meeting it is reported at, and the current cycle runs from the day after the board
last met. A board with no meetings recorded has cycles of a fixed length counted back from today.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sendboard.domain.actions import ActionStatus
from sendboard.domain.brag import Brag
from sendboard.domain.wording import counted


@dataclass(frozen=True)
class HighlightThresholds:
    #: Red at this many meetings (cycles) in a row marks an action slow.
    red_run: int = 2
    #: Amber or Red at this many meetings (cycles) in a row marks an action slow.
    amber_red_run: int = 3
    #: Length of a cycle in days when a board has no meetings recorded.
    cycle_days: int = 31
    #: A partner is highlighted when more than this share of its open actions is slow.
    partner_share: float = 0.5
    #: … and it has at least this many open actions (one slow action of one is noise).
    partner_min_actions: int = 3

    def __post_init__(self) -> None:
        if self.red_run < 1 or self.amber_red_run < 1 or self.cycle_days < 1:
            raise ValueError("Runs and cycle length must be at least 1.")
        if not 0 <= self.partner_share < 1 or self.partner_min_actions < 1:
            raise ValueError("The partner share must be at least 0% and below 100%.")

    @property
    def longest_run(self) -> int:
        return max(self.red_run, self.amber_red_run)


@dataclass(frozen=True)
class ActionFacts:
    """What the rules need to know about one action."""

    status: ActionStatus
    due: date | None  # the current due date: revised if set, else original
    raised_on: date | None
    last_update_on: date | None
    #: The progress rating of the latest update (None: no update, or not rated).
    progress: Brag | None = None
    #: The rating at each recent cycle, newest first, from `progress_by_cycle` (None where the
    #: cycle had no update, or its latest update was not rated).
    cycle_progress: Sequence[Brag | None] = ()


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def short_date(day: date, today: date) -> str:
    """'4 March' this year, '4 March 2025' otherwise."""
    return f"{day.day} {day:%B}" if day.year == today.year else long_date(day)


def cycle_start(
    previous_meeting: date | None, today: date, thresholds: HighlightThresholds
) -> date:
    """The first day of the current cycle: the day after the board last met, or a cycle ago."""
    if previous_meeting is not None and previous_meeting < today:
        return previous_meeting + timedelta(days=1)
    return today - timedelta(days=thresholds.cycle_days)


def cycle_ends(
    meetings: Iterable[date], today: date, thresholds: HighlightThresholds
) -> tuple[date, ...]:
    """The last day of each finished cycle, newest first: the days the board met before today,
    or with no such meeting, one every `cycle_days` counted back from the current cycle's start."""
    held = sorted({day for day in meetings if day < today}, reverse=True)
    if held:
        return tuple(held)
    start = cycle_start(None, today, thresholds)
    step = timedelta(days=thresholds.cycle_days)
    return tuple(start - timedelta(days=1) - step * n for n in range(thresholds.longest_run + 1))


def progress_by_cycle(
    updates: Iterable[tuple[date, Brag | None]], ends: Sequence[date], depth: int
) -> tuple[Brag | None, ...]:
    """The rating at each of the last `depth` cycles, newest first: the rating of the latest
    update dated in the cycle, or None when the cycle had none (or it was not rated).

    `updates` are (date, rating) pairs, newest first (of two on one day, the later recorded
    first); `ends` the last day of each finished cycle, newest first (see `cycle_ends`). The
    current cycle counts only once it has an update: until then the run is read from the cycles
    already reported.
    """
    latest: dict[int, Brag | None] = {}
    for on, rating in updates:
        cycle = sum(1 for end in ends if end >= on)  # 0: the current cycle
        latest.setdefault(cycle, rating)
    first = 0 if 0 in latest else 1
    return tuple(latest.get(cycle) for cycle in range(first, first + depth))


def _run(ratings: Sequence[Brag | None], allowed: set[Brag]) -> int:
    count = 0
    for rating in ratings:
        if rating not in allowed:
            break
        count += 1
    return count


def slow_reasons(
    facts: ActionFacts, today: date, start: date, thresholds: HighlightThresholds
) -> tuple[str, ...]:
    """Why an open action is slow to progress (empty when it is not, or when it is finished)."""
    if facts.status is not ActionStatus.OPEN:
        return ()
    if facts.progress is Brag.BLUE:
        return ()  # delivered, waiting for the board to close it
    reasons = []
    if facts.due is not None and facts.due < today:
        reasons.append(f"Overdue since {long_date(facts.due)}")
    reds = _run(facts.cycle_progress, {Brag.RED})
    if reds >= thresholds.red_run:
        reasons.append(
            f"Red at the last {counted(reds, 'meeting')}" if reds > 1 else "Red at the last meeting"
        )
    else:
        ambers = _run(facts.cycle_progress, {Brag.RED, Brag.AMBER})
        if ambers >= thresholds.amber_red_run:
            reasons.append(f"Amber or Red at the last {counted(ambers, 'meeting')}")
    if facts.last_update_on is None:
        if facts.raised_on is None or facts.raised_on < start:
            raised = f" (raised {short_date(facts.raised_on, today)})" if facts.raised_on else ""
            reasons.append(f"No update yet{raised}")
    elif facts.last_update_on < start:
        reasons.append(f"No update since {short_date(facts.last_update_on, today)}")
    return tuple(reasons)


def needs_update(facts: ActionFacts, start: date) -> bool:
    """Open actions with no update dated in the current cycle belong in the update round."""
    if facts.status is not ActionStatus.OPEN:
        return False
    return facts.last_update_on is None or facts.last_update_on < start


@dataclass(frozen=True)
class PartnerHighlight:
    organisation: str
    actions: int  # open actions the organisation leads or contributes to
    slow: int  # of which slow, overdue or not updated
    reason: str

    @property
    def share(self) -> float:
        return self.slow / self.actions if self.actions else 0.0


def partner_highlights(
    links: Iterable[tuple[str, bool]], thresholds: HighlightThresholds
) -> list[PartnerHighlight]:
    """Partners whose contributions need strengthening, worst share first.

    `links` holds one (organisation, action is slow) pair per open action the organisation leads
    or contributes to; an organisation appearing twice for one action should be passed once.
    """
    totals: dict[str, list[int]] = {}
    for organisation, slow in links:
        counts = totals.setdefault(organisation, [0, 0])
        counts[0] += 1
        counts[1] += int(slow)
    found = []
    for organisation, (total, slow) in totals.items():
        if total < thresholds.partner_min_actions or slow / total <= thresholds.partner_share:
            continue
        percent = int(100 * slow / total + 0.5)  # half up: 5 of 8 is 63%
        reason = f"{slow} of {counted(total, 'action')} slow or overdue ({percent}%)"
        found.append(PartnerHighlight(organisation, total, slow, reason))
    return sorted(found, key=lambda p: (-p.share, -p.slow, p.organisation))
