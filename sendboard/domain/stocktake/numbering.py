"""An Improvement Notice pasted from its PDF, split into its numbered paragraphs.

Notices number their paragraphs `3.`, their sub-paragraphs `a.` or `(a)` and a third level
`I.` or `(ii)`; a reference joins them as the notice is cited: `3`, `4e`, `9d.II`. A bullet with
no number of its own under paragraph 3 is numbered by position (`3.1`, `3.2`…) and marked as
guessed, so the preview can say so. Lines with no number continue the paragraph before them
(a PDF breaks paragraphs across pages); short lines that read as headings ("Improvement plan",
"**Timescales:**") become the heading of the paragraphs after them. Nothing before paragraph 1
is a requirement, but the council's name and the notice's date are read from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

ROMAN = re.compile(r"^(?=[ivxlIVXL])(?:x{0,3})(?:ix|iv|v?i{0,3})$|^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
_BULLET = r"(?:[-*•·–]\s+)?"
_MARKER = re.compile(
    r"^\s*" + _BULLET + r"(?:\(([0-9]{1,2}|[a-zA-Z]{1,5})\)|([0-9]{1,2}|[a-zA-Z]{1,5})[.)])\s+(.*)$"
)
_SIGNED = re.compile(r"^(Signed|Signature)\b", re.IGNORECASE)
_PLAIN_BULLET = re.compile(r"^\s*[-*•·–]\s+(.*)$")
_ISSUED = re.compile(
    r"issued to (?P<council>.+?) on (?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>\d{4})"
)
MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


@dataclass(frozen=True)
class Paragraph:
    """One numbered paragraph found in the text."""

    reference: str  # "4e", "9d.II", "3.2"
    text: str
    level: int  # 1 paragraph, 2 sub-paragraph, 3 sub-sub-paragraph
    heading: str = ""  # the heading it sits under ("Improvement plan")
    guessed: bool = False  # numbered by position: the notice gave it no number
    parent: str = ""  # the reference of the paragraph it belongs to

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(p for p in re.split(r"(?<=\d)(?=[a-zA-Z])|\.", self.reference) if p)


@dataclass(frozen=True)
class ParsedNotice:
    council: str
    issued_on: date | None
    paragraphs: tuple[Paragraph, ...]

    def has_children(self, reference: str) -> bool:
        return any(p.parent == reference for p in self.paragraphs)


@dataclass
class _Open:
    paragraphs: list[Paragraph] = field(default_factory=list)
    number: str = ""
    letter: str = ""
    roman: str = ""
    bullets: int = 0
    heading: str = ""


def _clean(line: str) -> str:
    text = line.replace("\u00a0", " ").strip()
    text = re.sub(r"^#+\s*", "", text)
    return text.replace("**", "").replace("__", "").strip()


def _next_letter(letter: str) -> str:
    return chr(ord(letter) + 1) if letter and letter.isalpha() and len(letter) == 1 else ""


def _roman_value(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total, last = 0, 0
    for ch in reversed(text.lower()):
        value = values[ch]
        total += -value if value < last else value
        last = max(last, value)
    return total


def _level(marker: str, state: _Open) -> int:
    """1 for a number, 2 for a letter, 3 for a roman numeral; `i`, `v` and `x` are letters
    when they follow h, u and w, and roman numerals otherwise."""
    if marker.isdigit():
        return 1
    if not ROMAN.match(marker):
        return 2 if len(marker) == 1 else 0
    if state.roman and _roman_value(marker) == _roman_value(state.roman) + 1:
        return 3
    if len(marker) == 1 and state.letter and _next_letter(state.letter.lower()) == marker.lower():
        return 2
    if marker.lower() == "i" and state.number:
        return 3 if state.letter else 2
    return 2 if len(marker) == 1 and state.number else 0


def _heading_line(text: str, raw: str) -> bool:
    if raw.lstrip().startswith("#"):
        return True
    bold = raw.strip().startswith("**") and raw.strip().rstrip(":").endswith("**")
    words = text.split()
    return bold or (
        0 < len(words) <= 12 and not text.endswith((".", ",", ";")) and text[:1].isupper()
    )


def parse_notice(text: str) -> ParsedNotice:
    """The numbered paragraphs of a notice's text, in order, each with its reference."""
    state = _Open()
    started = False
    council, issued = "", None
    preamble: list[str] = []
    for raw in text.splitlines():
        line = _clean(raw)
        if not re.search(r"\w", line):
            continue
        if started and _SIGNED.match(line):
            break
        match = _MARKER.match(line)
        level = _level(match.group(1) or match.group(2), state) if match else 0
        if match and level == 1 and not started:
            started = int(match.group(1) or match.group(2)) == 1
        if not started:
            preamble.append(line)
            continue
        if match and level:
            _add(state, match.group(1) or match.group(2), level, match.group(3).strip())
            continue
        bullet = _PLAIN_BULLET.match(raw.strip())
        if bullet and state.number:
            state.bullets += 1
            reference = f"{state.number}.{state.bullets}"
            state.paragraphs.append(
                Paragraph(reference, _clean(bullet.group(1)), 2, state.heading, True, state.number)
            )
            continue
        ended = not state.paragraphs or state.paragraphs[-1].text.endswith((".", ";", ":"))
        if _heading_line(line, raw) or (ended and line[:1].isupper() and line.endswith(":")):
            state.heading = line.rstrip(":").strip()
            continue
        if state.paragraphs:
            last = state.paragraphs[-1]
            state.paragraphs[-1] = replace(last, text=_join(last.text, line))
    whole = " ".join(preamble)
    found = _ISSUED.search(whole)
    if found:
        council = found.group("council").strip()
        if found.group("month") in MONTHS:
            issued = date(
                int(found.group("year")),
                MONTHS.index(found.group("month")) + 1,
                int(found.group("day")),
            )
    return ParsedNotice(council, issued, tuple(state.paragraphs))


def _join(first: str, more: str) -> str:
    if first.endswith("-"):
        return first + more
    return f"{first} {more}"


def _add(state: _Open, marker: str, level: int, text: str) -> None:
    if level == 1:
        state.number, state.letter, state.roman, state.bullets = marker, "", "", 0
        reference, parent = marker, ""
    elif level == 2:
        state.letter, state.roman = marker, ""
        reference, parent = f"{state.number}{marker}", state.number
    else:
        state.roman = marker
        parent = f"{state.number}{state.letter}"
        reference = f"{parent}.{marker}"
    state.paragraphs.append(Paragraph(reference, text, level, state.heading, False, parent))
