"""Whether a board's required roles have someone to invite."""

from __future__ import annotations

from collections.abc import Iterable

from sendboard.domain.governance import StatutoryRole


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
