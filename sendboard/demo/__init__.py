"""Deterministic, fictional demo data: the borough of Kingsmere and its SEND improvement board.

Each area adds a step to STEPS; every step takes the same seeded random source, so a size always
builds the same data.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.demo.timeline import Timeline
from sendboard.errors import SendboardError
from sendboard.progress import Progress, no_progress
from sendboard.store.database import Database
from sendboard.store.models import Board

SIZES = ("small", "large")


@dataclass
class DemoContext:
    """What earlier steps made, for later steps to build on."""

    session: Session
    size: str
    rng: random.Random
    made: dict[str, object] = field(default_factory=dict)
    when: Timeline = field(default_factory=lambda: Timeline(clock.today()))

    @property
    def today(self) -> date:
        """The day the demo is built for: meetings before it were held, later ones are ahead."""
        return self.when.today

    @property
    def large(self) -> bool:
        return self.size == "large"


Step = Callable[[DemoContext], None]


def _steps() -> list[tuple[str, Step]]:
    from sendboard.demo import actions, foundation, invitations, measures, meetings, stocktake
    from sendboard.demo import escalations as reporting_up
    from sendboard.demo import minutes as minutes_demo
    from sendboard.demo import risks as risk_register

    return [
        ("people and boards", foundation.build),
        ("meetings and agendas", meetings.build),
        ("invitations and attendance", invitations.build),
        ("action and impact log", actions.build),
        ("performance measures", measures.build),
        ("minutes", minutes_demo.build),
        ("risk register", risk_register.build),
        ("highlight reports and escalations", reporting_up.build),
        ("notice and co-production", stocktake.build),
    ]


def build_demo(
    db: Database,
    size: str = "small",
    progress: Progress = no_progress,
    today: date | None = None,
) -> None:
    """Fill an empty database with the demo borough as it stands on `today`, in one transaction.

    The same size and day always give the same data.
    """
    if size not in SIZES:
        raise SendboardError(f"Unknown demo size '{size}'; use small or large.")
    with db.write() as session:
        if session.scalar(select(func.count()).select_from(Board)):
            raise SendboardError(
                f"{db.label} already holds data; demo data goes into a new, empty database."
            )
        when = Timeline(today or clock.today())
        rng = random.Random(f"kingsmere-{size}")
        context = DemoContext(session=session, size=size, rng=rng, when=when)
        steps = _steps()
        for done, (label, step) in enumerate(steps):
            progress(done, len(steps), f"Building {label}…")
            step(context)
            session.flush()
        progress(len(steps), len(steps), "Demo data ready.")
