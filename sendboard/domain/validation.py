"""Field rules shared by forms and imports."""

from __future__ import annotations

import re

from sendboard.errors import ValidationError

_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
#: Control characters no one types: NUL, the C0 codes but tab and line breaks, DEL and C1.
#: They break spreadsheets (Excel refuses them) and could smuggle lines into mail headers,
#: calendar properties and file names.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
#: Line breaks and tabs as well: what a one-line value such as a name or title may not hold.
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def control_character(value: str | None) -> str | None:
    """The first control character in `value` (as U+XXXX), or None."""
    found = _CONTROL.search(value or "")
    return f"U+{ord(found.group()):04X}" if found else None


def refuse_control(value: str | None, label: str = "Text", field: str | None = None) -> None:
    code = control_character(value)
    if code:
        raise ValidationError(
            f"{label} contains a control character ({code}) that cannot be stored; "
            "remove it and try again.",
            field,
        )


def neutralise(value: str) -> str:
    """Text safe for one line of a mail header, calendar property, file name or spreadsheet
    cell: control characters and line breaks become spaces."""
    return " ".join(_BREAKS.sub(" ", value).split())


def required(value: str | None, label: str, field: str | None = None) -> str:
    refuse_control(value, label, field)
    text = " ".join((value or "").split())
    if not text:
        raise ValidationError(f"{label} is required.", field)
    return text


def clean(value: str | None, label: str = "Text", field: str | None = None) -> str:
    """One line of text: runs of spaces, tabs and line breaks become one space; control
    characters are refused."""
    refuse_control(value, label, field)
    return " ".join((value or "").split())


def email(value: str | None, field: str = "email") -> str | None:
    """A blank email is None; anything else must look like name@domain.tld (stored lower case)."""
    text = (value or "").strip()
    if not text:
        return None
    if "\r" in text or "\n" in text or not _EMAIL.match(text):
        raise ValidationError(f"'{text}' is not a valid email address.", field)
    return text.lower()
