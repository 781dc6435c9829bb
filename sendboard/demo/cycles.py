"""A demo board's cycles: its held meetings, and the rounds of updates written for them."""

from __future__ import annotations

from datetime import date, timedelta

from sendboard.demo import DemoContext
from sendboard.domain.meetings import MeetingStatus
from sendboard.store.models import Board, Meeting

#: Updates for a meeting are written this long after the one before it.
ROUND_AFTER = timedelta(days=7)


def _meetings(ctx: DemoContext, board: Board) -> list[Meeting]:
    made = ctx.made.get("meetings") or []
    return sorted(
        (m for m in made if isinstance(m, Meeting) and m.board is board),  # type: ignore[union-attr]
        key=lambda m: m.starts_at,
    )


def held(ctx: DemoContext, board: Board) -> list[tuple[date, int | None]]:
    """The board's held meetings, oldest first, with their ids."""
    return [
        (m.starts_at.date(), m.id) for m in _meetings(ctx, board) if m.status is MeetingStatus.HELD
    ]


def update_rounds(ctx: DemoContext, board: Board) -> list[tuple[date, int | None]]:
    """When the board's log was updated, and for which meeting: a week after each meeting, for
    the next one. The newest round, for the meeting ahead, is never later than today."""
    meetings = [m for m in _meetings(ctx, board) if m.status is not MeetingStatus.CANCELLED]
    past = [m for m in meetings if m.status is MeetingStatus.HELD]
    ahead = next((m for m in meetings if m.status is not MeetingStatus.HELD), None)
    rounds = []
    before = past[0].starts_at.date() - timedelta(days=30) if past else ctx.when.history_start
    for meeting in past:
        day = meeting.starts_at.date()
        rounds.append((min(before + ROUND_AFTER, day - timedelta(days=1)), meeting.id))
        before = day
    rounds.append((min(before + ROUND_AFTER, ctx.today), ahead.id if ahead else None))
    return rounds
