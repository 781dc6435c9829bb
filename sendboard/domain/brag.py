"""BRAG ratings: Blue complete, Red off track, Amber some slippage, Green on track."""

from __future__ import annotations

from enum import StrEnum


class Brag(StrEnum):
    BLUE = "B"
    RED = "R"
    AMBER = "A"
    GREEN = "G"

    @property
    def letter(self) -> str:
        return self.value

    @property
    def label(self) -> str:
        return self.name.capitalize()

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]

    @property
    def colour(self) -> str:
        """Fill colour (hex) that prints legibly in greyscale with the letter beside it."""
        return _COLOURS[self]

    @property
    def text_colour(self) -> str:
        return "#ffffff" if self in (Brag.BLUE, Brag.RED) else "#000000"

    @classmethod
    def parse(cls, text: str) -> Brag | None:
        """Read a rating from a cell: letter, colour name or common wording; blank is None."""
        key = text.strip().lower()
        if not key:
            return None
        for brag in cls:
            if key in (brag.value.lower(), brag.name.lower(), *_WORDS[brag]):
                return brag
        raise ValueError(f"'{text}' is not a BRAG rating; use B, R, A or G")


_MEANINGS = {
    Brag.BLUE: "Complete",
    Brag.RED: "Off track",
    Brag.AMBER: "Some slippage, end date not at risk",
    Brag.GREEN: "On track",
}
_COLOURS = {
    Brag.BLUE: "#1f5fa8",
    Brag.RED: "#c0392b",
    Brag.AMBER: "#f0a020",
    Brag.GREEN: "#2e8b57",
}
_WORDS = {
    Brag.BLUE: ("complete", "completed", "done"),
    Brag.RED: ("off track",),
    Brag.AMBER: ("slipping", "some slippage"),
    Brag.GREEN: ("on track",),
}
