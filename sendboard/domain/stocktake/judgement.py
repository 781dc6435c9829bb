"""A requirement's coverage and the RAG judgement the data suggests for it.

What is linked to a requirement says how it stands: actions by their progress BRAG (Blue
complete), measures by their status against milestones, evidence and engagement by their
existence. The suggestion is only a starting point: the secretary or lead sets the judgement
and gives the reason for any difference.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sendboard.domain.brag import Brag
from sendboard.domain.measures import Status
from sendboard.domain.wording import counted, plural_word

SLIPPING_BRAG = (Brag.RED, Brag.AMBER)
SLIPPING_STATUS = (Status.AT_RISK, Status.OFF_TRACK)


class Flag(StrEnum):
    NOTHING_LINKED = "nothing_linked"
    NO_ACTION = "no_action"
    ALL_SLIPPING = "all_slipping"

    @property
    def label(self) -> str:
        return {
            "nothing_linked": "Nothing linked",
            "no_action": "No action linked",
            "all_slipping": "Everything linked is slipping",
        }[self.value]


@dataclass(frozen=True)
class Linked:
    """What a requirement has: each action's progress (None: not yet rated), each measure's
    status, and how many pieces of evidence and engagement events."""

    actions: tuple[Brag | None, ...] = ()
    measures: tuple[Status, ...] = ()
    evidence: int = 0
    engagement: int = 0
    risks: int = 0

    @property
    def empty(self) -> bool:
        return not (self.actions or self.measures or self.evidence or self.engagement or self.risks)

    @property
    def rated(self) -> tuple[Brag | Status, ...]:
        """The actions and measures that say how things stand (unrated and no-data left out)."""
        measured = tuple(s for s in self.measures if s in (*SLIPPING_STATUS, Status.ON_TRACK))
        return tuple(a for a in self.actions if a is not None) + measured

    @property
    def slipping(self) -> int:
        return sum(1 for r in self.rated if r in SLIPPING_BRAG or r in SLIPPING_STATUS)


def flags(linked: Linked) -> tuple[Flag, ...]:
    """Why the coverage view draws attention to a requirement; () when it need not."""
    if linked.empty:
        return (Flag.NOTHING_LINKED,)
    found = []
    if not linked.actions:
        found.append(Flag.NO_ACTION)
    rated = linked.rated
    if rated and linked.slipping == len(rated):
        found.append(Flag.ALL_SLIPPING)
    return tuple(found)


@dataclass(frozen=True)
class Suggestion:
    rag: Brag
    reason: str


def suggest(linked: Linked) -> Suggestion:
    """Red when nothing answers the requirement or everything linked is slipping; Amber when
    something is off track or a third or more is slipping, or no action answers it; Blue when
    every action is complete and no measure is slipping; Green otherwise."""
    rated = linked.rated
    if linked.empty:
        return Suggestion(Brag.RED, "No action, measure, risk or evidence is linked to it.")
    if rated and linked.slipping == len(rated):
        return Suggestion(Brag.RED, _all_slipping(linked))
    off = sum(1 for r in rated if r in (Brag.RED, Status.OFF_TRACK))
    if off:
        return Suggestion(Brag.AMBER, f"{_count(off, 'linked item')} off track.")
    if rated and linked.slipping * 3 >= len(rated):
        return Suggestion(
            Brag.AMBER, f"{linked.slipping} of {len(rated)} linked actions and measures slipping."
        )
    if not linked.actions:
        return Suggestion(Brag.AMBER, "No action is linked to it; only measures or evidence.")
    if all(a is Brag.BLUE for a in linked.actions) and not linked.slipping:
        return Suggestion(Brag.BLUE, "Every linked action is complete.")
    if not rated:
        return Suggestion(Brag.AMBER, "Nothing linked has been rated yet.")
    return Suggestion(Brag.GREEN, f"{len(rated) - linked.slipping} of {len(rated)} on track.")


def _all_slipping(linked: Linked) -> str:
    """'The one linked action is slipping.', '2 actions and 1 measure linked, all slipping.'"""
    actions = sum(1 for a in linked.actions if a is not None)
    measures = len(linked.rated) - actions
    if actions + measures == 1:
        return f"The one linked {'action' if actions else 'measure'} is slipping."
    parts = [counted(n, noun) for n, noun in ((actions, "action"), (measures, "measure")) if n]
    return f"{' and '.join(parts)} linked, {'both' if actions + measures == 2 else 'all'} slipping."


def _count(n: int, noun: str) -> str:
    return f"{counted(n, noun)} {plural_word(n, 'is')}"


class Movement(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    NEW = "new"

    @property
    def label(self) -> str:
        return {"better": "↑ better", "worse": "↓ worse", "same": "→ same", "new": "new"}[
            self.value
        ]


_ORDER = (Brag.RED, Brag.AMBER, Brag.GREEN, Brag.BLUE)


def movement(before: Brag | None, now: Brag | None) -> Movement:
    """How a judgement moved since the previous stocktake's."""
    if before is None or now is None:
        return Movement.NEW
    if _ORDER.index(now) > _ORDER.index(before):
        return Movement.BETTER
    if _ORDER.index(now) < _ORDER.index(before):
        return Movement.WORSE
    return Movement.SAME


def share(part: int, whole: int) -> str:
    """'9 of 10 (90%)'; '0 of 0' when there is nothing to count."""
    if not whole:
        return "0 of 0"
    return f"{part} of {whole} ({round(100 * part / whole)}%)"


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def brag_counts(ratings: Iterable[Brag | None]) -> dict[Brag | None, int]:
    counts: dict[Brag | None, int] = {}
    for rating in ratings:
        counts[rating] = counts.get(rating, 0) + 1
    return counts
