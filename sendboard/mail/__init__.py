"""Handing an invitation to the secretary's own mail program, and logging that it happened.

Windows tries classic Outlook, then Simple MAPI; macOS Apple Mail; Linux Thunderbird; every
system ends with a .eml draft opened by its handler, which is also the fallback when the chosen
program fails. The choice is per computer (`mail.config`).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from sendboard import clock, paths
from sendboard.errors import MailHandOffError, SendboardError, ValidationError
from sendboard.mail import applemail, config, eml, mapi, outlook, thunderbird
from sendboard.mail.draft import Draft
from sendboard.services.changes import Outcome
from sendboard.services.hand_offs import HandOffInput, HandOffView, record_hand_off
from sendboard.services.invitations import ensure_gate, ensure_on_time
from sendboard.store.database import Database

BACKENDS: dict[str, ModuleType] = {
    module.NAME: module for module in (outlook, mapi, applemail, thunderbird, eml)
}

__all__ = ["BACKENDS", "Draft", "HandOffResult", "backend_order", "choices", "hand_off"]


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


@dataclass(frozen=True)
class HandOffResult:
    log: HandOffView
    status: str  # what the user is told: which program has the draft, or where it was saved


def _folder(draft: Draft) -> Path:
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S-%f")
    slug = re.sub(r"[^a-z0-9]+", "-", draft.calendar_name.removesuffix(".ics").lower())
    return paths.outbox_dir() / f"{stamp}-{slug}"


def hand_off(
    db: Database,
    draft: Draft,
    *,
    choice: str | None = None,
    platform: str = sys.platform,
    folder: Path | None = None,
    late: bool = False,
) -> Outcome[HandOffResult]:
    """Open the draft in the first backend that works, then log the evidence.

    A backend that fails hands over to the next one; the .eml draft is always last. Nothing is
    logged unless some backend took the draft. Once the meeting has started, an invitation is
    refused before any program opens, unless `late` says it is a record of a late invitation.
    """
    ensure_gate(db, draft.package.meeting_id)
    ensure_on_time(db, draft.package.meeting_id, late=late)  # a cancellation always passes
    if not draft.recipients:
        raise ValidationError("Nobody with an email address is on the invitation list.")
    target = folder or _folder(draft)
    failures: list[str] = []
    for name in backend_order(choice, platform):
        backend = BACKENDS[name]
        try:
            status = backend.send(draft, target)
        except (MailHandOffError, OSError) as exc:
            failures.append(f"{backend.LABEL}: {exc}")
            continue
        note = "; ".join([status, *(f"fell back after {f}" for f in failures)])
        logged = record_hand_off(
            db,
            draft.package.meeting_id,
            HandOffInput(
                channel=name,
                recipients=draft.recipients,
                subject=draft.subject,
                attachments=draft.attachments(),
                sequence=draft.package.sequence,
                method=draft.package.method,
                note=note,
                late=late,
            ),
        )
        return Outcome(HandOffResult(log=logged.value, status=note), logged.changes)
    raise SendboardError("No mail program took the draft: " + "; ".join(failures))
