"""The one place that knows where bundled files live, from source or in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding `resources/` and `sendboard/`: the frozen bundle or the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource(relative: str) -> Path:
    """A file under `resources/`, e.g. `resource("fonts/DejaVuSans.ttf")`."""
    path = bundle_root() / "resources" / relative
    if not path.exists():
        raise FileNotFoundError(f"sendboard is missing a bundled file: resources/{relative}")
    return path


def user_guide() -> Path:
    """The user guide (Markdown, with its pictures beside it in `images/`), shipped in `docs/`."""
    path = bundle_root() / "docs" / "user-guide.md"
    if not path.exists():
        raise FileNotFoundError("sendboard is missing a bundled file: docs/user-guide.md")
    return path


def migrations_dir() -> Path:
    """Alembic's script folder; shipped as plain files inside the frozen app."""
    return bundle_root() / "sendboard" / "store" / "migrations"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))
