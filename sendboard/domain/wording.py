"""How counts read in words: "1 update", "2 updates", "1 person", "3 people"."""

from __future__ import annotations

#: Plurals that are not the word with an "s".
_IRREGULAR = {"person": "people", "was": "were", "is": "are", "has": "have", "this": "these"}


def plural_word(count: int, word: str) -> str:
    """`word` as it reads after `count`: "person" or "people", "update" or "updates"."""
    if count == 1:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def counted(count: int, word: str) -> str:
    """The count and the word that goes with it: "1 member", "4 members", "2 people"."""
    return f"{count} {plural_word(count, word)}"
