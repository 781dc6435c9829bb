"""What a mutating call changed, so each page refreshes only when its area did."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Area(StrEnum):
    PEOPLE = "people"
    BOARDS = "boards"
    MEETINGS = "meetings"
    ACTIONS = "actions"
    RISKS = "risks"
    MINUTES = "minutes"
    MEASURES = "measures"
    STOCKTAKE = "stocktake"
    PACKS = "packs"
    SETTINGS = "settings"


@dataclass(frozen=True)
class Changes:
    areas: frozenset[Area]

    def touches(self, *areas: Area) -> bool:
        return bool(self.areas.intersection(areas))


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of a mutating call and what it changed."""

    value: T
    changes: Changes


def outcome(value: T, *areas: Area) -> Outcome[T]:
    return Outcome(value, Changes(frozenset(areas)))
