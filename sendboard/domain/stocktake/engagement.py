"""The words of the co-production and engagement log: what kind of event, and who took part."""

from __future__ import annotations

from enum import StrEnum


class EventFormat(StrEnum):
    SURVEY = "survey"
    FORUM = "forum"
    WORKSHOP = "workshop"
    VISIT = "visit"
    CONSULTATION = "consultation"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @classmethod
    def parse(cls, text: str) -> EventFormat:
        key = text.strip().lower()
        for member in cls:
            if key in (member.value, member.value + "s"):
                return member
        words = {"focus group": cls.WORKSHOP, "meeting": cls.FORUM, "drop-in": cls.VISIT}
        if key in words:
            return words[key]
        choices = ", ".join(m.value for m in cls)
        raise ValueError(f"'{text}' is not a format of event; use one of {choices}")


#: Who takes part, as the log offers them; other groups may be typed in.
PARTICIPANT_GROUPS = (
    "Parents and carers",
    "Children and young people",
    "Parent Carer Forum",
    "Schools and settings",
    "Health",
    "Social care",
    "Voluntary sector",
    "Frontline staff",
)


def split_groups(text: str) -> tuple[str, ...]:
    """'Parents and carers; Schools' (or comma-separated) -> the groups, each once, tidied."""
    parts = [p.strip() for p in text.replace("\n", ";").replace(",", ";").split(";")]
    seen: dict[str, str] = {}
    for part in parts:
        if part and part.lower() not in seen:
            known = next((g for g in PARTICIPANT_GROUPS if g.lower() == part.lower()), part)
            seen[part.lower()] = known
    return tuple(seen.values())


def join_groups(groups: tuple[str, ...] | list[str]) -> str:
    return "; ".join(groups)
