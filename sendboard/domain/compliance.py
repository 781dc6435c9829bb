"""Whether a board's required roles have someone to invite, and whether an invitation was late."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sendboard.domain.governance import StatutoryRole

LONDON = ZoneInfo("Europe/London")


def missing_roles(
    required: Iterable[StatutoryRole], holders: Iterable[tuple[StatutoryRole | None, str | None]]
) -> tuple[StatutoryRole, ...]:
    """Required roles with no holder who has an email address, in the notice's order.

    `holders` are (statutory role, email) of the people who would be invited.
    """
    covered = {role for role, email in holders if role is not None and email}
    return tuple(role for role in StatutoryRole if role in set(required) and role not in covered)


def describe_missing(missing: Iterable[StatutoryRole]) -> str:
    labels = [role.label for role in missing]
    if not labels:
        return ""
    if len(labels) == 1:
        return f"No {labels[0]} with an email address is invited."
    return "No " + ", ".join(labels[:-1]) + f" or {labels[-1]} with an email address is invited."


#: Written at the start of a hand-off's note when it was recorded, on purpose, as late.
LATE_NOTE = "Late invitation, recorded after the meeting started"


def starts_utc(starts_at: datetime) -> datetime:
    """A meeting's start (stored as London wall-clock time) as an aware UTC moment."""
    if starts_at.tzinfo is None:
        starts_at = starts_at.replace(tzinfo=LONDON)
    return starts_at.astimezone(UTC)


def is_late(at: datetime, starts_at: datetime) -> bool:
    """An invitation handed off at or after the meeting's start is late.

    `at` is an aware moment (hand-offs are stored in UTC); `starts_at` the meeting's start.
    """
    moment = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return moment >= starts_utc(starts_at)


@dataclass(frozen=True)
class Sent:
    """One invitation hand-off that reached a holder of a role."""

    hand_off_id: int
    at: datetime  # aware, UTC
    channel: str
    late: bool


def split_evidence(sent: Iterable[Sent]) -> tuple[Sent | None, tuple[Sent, ...]]:
    """The evidence (the first hand-off before the meeting started) and every other hand-off.

    Hand-offs are taken in the order they happened; a later one never takes the evidence's
    place, whether it is a re-send before the meeting or a late one after it started.
    """
    ordered = sorted(sent, key=lambda s: (s.at, s.hand_off_id))
    evidence = next((s for s in ordered if not s.late), None)
    return evidence, tuple(s for s in ordered if s is not evidence)
