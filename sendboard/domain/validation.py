"""Field rules shared by forms and imports."""

from __future__ import annotations

import re

from sendboard.errors import ValidationError

_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def required(value: str | None, label: str, field: str | None = None) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise ValidationError(f"{label} is required.", field)
    return text


def clean(value: str | None) -> str:
    return " ".join((value or "").split())


def email(value: str | None, field: str = "email") -> str | None:
    """A blank email is None; anything else must look like name@domain.tld (stored lower case)."""
    text = (value or "").strip()
    if not text:
        return None
    if "\r" in text or "\n" in text or not _EMAIL.match(text):
        raise ValidationError(f"'{text}' is not a valid email address.", field)
    return text.lower()
