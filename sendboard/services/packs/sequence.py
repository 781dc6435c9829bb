"""Which issued packs belong together: a main pack and the supplements that number on from it.

Each classification (confidential, public) has its own run of page numbers. The newest main pack
of that classification starts a run; every supplement issued after it continues the numbering.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard.errors import SendboardError
from sendboard.outputs.pack.content import IssuedPack
from sendboard.store.models import PackBuild


class NoMainPack(SendboardError):
    """A supplement was asked for before there is a pack for it to follow."""


@dataclass(frozen=True)
class SupplementPlan:
    """Where the next supplement goes: its number, first page and the packs it follows."""

    number: int
    first_page: int
    follows_id: int
    #: Papers attached after this moment (naive UTC) were not in any pack of the run.
    since: datetime
    earlier: tuple[IssuedPack, ...]


def naive_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def local_day(value: datetime) -> date:
    """The secretary's calendar day of a stored time (stored in UTC)."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone().date()


def kind_word(public: bool) -> str:
    return "public" if public else "confidential"


def current_run(session: Session, meeting_id: int, public: bool) -> list[PackBuild]:
    """The newest main pack of this classification and its supplements, in issue order;
    empty when no main pack has been issued."""
    main = session.scalars(
        select(PackBuild)
        .where(
            PackBuild.meeting_id == meeting_id,
            PackBuild.public.is_(public),
            PackBuild.supplement.is_(False),
        )
        .order_by(PackBuild.built_at.desc(), PackBuild.id.desc())
        .limit(1)
    ).first()
    if main is None:
        return []
    supplements = session.scalars(
        select(PackBuild)
        .where(
            PackBuild.meeting_id == meeting_id,
            PackBuild.public.is_(public),
            PackBuild.supplement.is_(True),
            PackBuild.id > main.id,
        )
        .order_by(PackBuild.built_at, PackBuild.id)
    ).all()
    return [main, *supplements]


def issued(build: PackBuild) -> IssuedPack:
    return IssuedPack(
        supplement=build.supplement,
        version=build.version,
        issued_on=local_day(build.built_at),
        first_page=build.first_page,
        last_page=build.last_page,
    )


def plan_supplement(session: Session, meeting_id: int, public: bool) -> SupplementPlan:
    run = current_run(session, meeting_id, public)
    if not run:
        kind = kind_word(public)
        raise NoMainPack(
            f"No {kind} pack has been issued for this meeting yet, so a supplement has "
            f"nothing to follow. Build the {kind} pack first; papers attached after it is "
            "issued then go in a supplement."
        )
    last = run[-1]
    return SupplementPlan(
        number=len(run),
        first_page=max(b.last_page for b in run) + 1,
        follows_id=last.id,
        since=naive_utc(max(b.built_at for b in run)),
        earlier=tuple(issued(b) for b in run),
    )


def in_issue_order(builds: Sequence[PackBuild]) -> list[PackBuild]:
    """Each main pack followed by its supplements; runs in the order their main packs were
    issued. A supplement recorded before page numbering ran on (no `follows`) goes after the
    newest main pack of its classification issued before it."""
    ordered = sorted(builds, key=lambda b: (naive_utc(b.built_at), b.id))
    mains = [b for b in ordered if not b.supplement]
    runs: dict[int, list[PackBuild]] = {b.id: [b] for b in mains}
    orphans: list[PackBuild] = []
    for build in ordered:
        if not build.supplement:
            continue
        head = _main_of(build, mains)
        (runs[head.id] if head else orphans).append(build)
    return [b for main in mains for b in runs[main.id]] + orphans


def _main_of(build: PackBuild, mains: list[PackBuild]) -> PackBuild | None:
    seen = build
    while seen.follows is not None:
        seen = seen.follows
        if not seen.supplement:
            return seen
    before = [m for m in mains if m.public == build.public and m.id < build.id]
    return before[-1] if before else None
