"""Everything printed minutes show, as plain frozen data: the writers never touch the database.

A public copy is built without the exempt items' content at all (`MinuteItem.withheld`), so no
writer can print what it was never given.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    name: str
    organisation: str = ""
    role: str = ""
    substitute_for: str = ""


@dataclass(frozen=True)
class ActionLine:
    reference: str
    title: str
    owner: str
    due: str
    priority_area: str


@dataclass(frozen=True)
class MinuteItem:
    number: int
    title: str
    exempt: bool = False
    #: An exempt item in a public copy: only its number is known; the notice stands in.
    withheld: bool = False
    text: str = ""
    #: What the meeting did with the previous minutes, for that standing item.
    previous: str = ""
    matters_arising: str = ""
    declarations: tuple[str, ...] = ()
    decisions: tuple[tuple[str, str], ...] = ()  # (reference, resolution)
    actions: tuple[ActionLine, ...] = ()
    errata: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


@dataclass(frozen=True)
class MinutesDocument:
    board: str
    title: str  # "Minutes of the SEND Improvement Board"
    when: str  # "Wednesday 9 December 2026, 14:00–16:00"
    venue: str
    status: str  # "Draft: not yet approved" / "Approved at … on …"
    author: str
    classification: str
    public: bool
    present: tuple[Person, ...]
    apologies: tuple[Person, ...]
    substitutes: tuple[Person, ...]
    in_attendance: tuple[Person, ...]
    quorum: str
    items: tuple[MinuteItem, ...]
    declarations: tuple[str, ...] = ()  # declared on the meeting's business generally
    errata: tuple[str, ...] = ()

    @property
    def open_items(self) -> tuple[MinuteItem, ...]:
        return tuple(i for i in self.items if not i.exempt)

    @property
    def exempt_items(self) -> tuple[MinuteItem, ...]:
        return tuple(i for i in self.items if i.exempt)

    @property
    def copy_label(self) -> str:
        return "Public copy" if self.public else "Confidential: includes exempt items"


def paragraphs(text: str) -> list[str]:
    """Typed text as paragraphs: a line break starts a new one, blank lines are dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]
