"""Emailing an issued pack to the meeting's invitees through the secretary's own mail program.

The pack travels with the meeting's calendar request (the hand-off always carries it), so the
evidence log records who was sent which pack, by SHA-256, alongside the invitation history.
"""

from __future__ import annotations

from pathlib import Path

from sendboard.domain.wording import counted
from sendboard.mail.draft import Draft
from sendboard.services import packs
from sendboard.services.common.changes import Outcome
from sendboard.services.common.workspace import Database
from sendboard.services.mail import HandOffResult, hand_off
from sendboard.services.mail.hand_offs import prepare_invitation
from sendboard.services.settings import get_settings


def too_large(view: packs.PackBuildView) -> bool:
    """Many council mail systems refuse messages over about 10 MB."""
    return view.size > packs.EMAIL_WARNING_BYTES


def pack_draft(db: Database, build_id: int) -> Draft:
    view = packs.get_pack(db, build_id)
    path = packs.pack_file(db, build_id)
    package = prepare_invitation(db, view.meeting_id).value
    secretary = get_settings(db).secretary_name
    when = f"{package.starts_at:%A} {package.starts_at.day} {package.starts_at:%B %Y}"
    subject = f"{view.kind_label}: {package.board_name}, {when}"
    body = (
        "Dear colleagues,\n\n"
        f"Please find attached the {view.kind_label.lower()} for the {package.board_name} "
        f"meeting on {when} at {package.starts_at:%H:%M}"
        + (f", {package.venue}" if package.venue else "")
        + f".\n\n{_pages_note(view)}\n\n"
        + ("Kind regards,\n" + secretary if secretary else "Kind regards")
    )
    data = Path(path).read_bytes()
    return Draft(package, subject, body, extra=((Path(view.path).name, data, "application/pdf"),))


def _pages_note(view: packs.PackBuildView) -> str:
    if view.supplement:
        return (
            f"This supplement holds the papers received since the pack was issued. It runs to "
            f"{counted(view.pages, 'page')}, numbered {view.page_range} on from the pack: "
            "file it straight "
            "after, and the page numbers run on."
        )
    return (
        f"The pack runs to {counted(view.pages, 'page')}; page numbers on screen and on paper "
        "match the "
        "contents page."
    )


def email_pack(
    db: Database, build_id: int, *, choice: str | None = None, folder: Path | None = None
) -> Outcome[HandOffResult]:
    """Open a message with the pack attached in the user's mail program, and log it."""
    return hand_off(db, pack_draft(db, build_id), choice=choice, folder=folder)
