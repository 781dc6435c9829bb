"""Handing an invitation to the secretary's own mail program.

Windows tries classic Outlook, then Simple MAPI; macOS Apple Mail; Linux Thunderbird; every
system ends with a .eml draft opened by its handler, which is also the fallback when the chosen
program fails. The choice is per computer (`mail.config`). Logging the hand-off as evidence is
the services' part (`sendboard.services.mail.hand_off`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import ModuleType

from sendboard import clock, paths
from sendboard.errors import MailHandOffError, SendboardError
from sendboard.mail import applemail, config, eml, mapi, outlook, thunderbird
from sendboard.mail.draft import Draft

BACKENDS: dict[str, ModuleType] = {
    module.NAME: module for module in (outlook, mapi, applemail, thunderbird, eml)
}

__all__ = ["BACKENDS", "Draft", "backend_order", "choices", "open_draft", "outbox_folder"]


def automatic_order(platform: str = sys.platform) -> list[str]:
    if platform == "win32":
        return ["outlook", "mapi", "eml"]
    if platform == "darwin":
        return ["applemail", "eml"]
    return ["thunderbird", "eml"]


def backend_order(choice: str | None = None, platform: str = sys.platform) -> list[str]:
    """Backends to try in turn: the chosen one then .eml, or the automatic order for the OS."""
    choice = choice or config.load_choice()
    if choice == config.AUTOMATIC or choice not in BACKENDS:
        names = [n for n in automatic_order(platform) if BACKENDS[n].available()]
    else:
        names = [choice]
    if "eml" not in names:
        names.append("eml")
    return names


def choices() -> list[tuple[str, str]]:
    """(name, label) for the Settings list, Automatic first."""
    return [(config.AUTOMATIC, "Automatic"), *((n, m.LABEL) for n, m in BACKENDS.items())]


def outbox_folder(draft: Draft) -> Path:
    """A new folder in the outbox for this draft's files."""
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S-%f")
    slug = re.sub(r"[^a-z0-9]+", "-", draft.calendar_name.removesuffix(".ics").lower())
    return paths.outbox_dir() / f"{stamp}-{slug}"


def open_draft(
    draft: Draft,
    target: Path,
    *,
    choice: str | None = None,
    platform: str = sys.platform,
) -> tuple[str, str]:
    """Open the draft in the first backend that works: (its name, what the user is told).

    A backend that fails hands over to the next one; the .eml draft is always last. The note
    says which program has the draft, or where it was saved, and what fell back on the way.
    """
    failures: list[str] = []
    for name in backend_order(choice, platform):
        backend = BACKENDS[name]
        try:
            status = backend.send(draft, target)
        except (MailHandOffError, OSError) as exc:
            failures.append(f"{backend.LABEL}: {exc}")
            continue
        return name, "; ".join([status, *(f"fell back after {f}" for f in failures)])
    raise SendboardError("No mail program took the draft: " + "; ".join(failures))
