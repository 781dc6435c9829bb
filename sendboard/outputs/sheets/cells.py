"""What a cell may hold on the way out: formula-like text and stored control characters."""

from __future__ import annotations

import re
from typing import Any

from sendboard.domain.validation import control_character

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_CONTROL_OUT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def runnable(value: Any) -> bool:
    """Text a spreadsheet would take for a formula if it were typed in."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def printable(value: Any) -> Any:
    """Control characters stored before they were refused become spaces: no sheet takes them."""
    if isinstance(value, str) and control_character(value):
        return _CONTROL_OUT.sub(" ", value)
    return value


def safe_text(value: Any) -> Any:
    """Neutralise formula injection in CSV: text that a spreadsheet would run gets a quote (an
    .xlsx text cell needs none, see `write_xlsx`). Control characters (which no spreadsheet
    accepts) stored before they were refused become spaces."""
    value = printable(value)
    if runnable(value):
        return "'" + value
    return value
