"""What the window needs for invitations by email: the template, the mail program, the hand-off.

The area owns the invitation template, the per-computer choice of mail program, the hand-off
(`hand_off`: open the draft, then log it) and the evidence log of hand-offs (`hand_offs`). The
window and the command line may call this module and `hand_offs`.

The template is shared by everyone using the database; the mail program is per computer.
"""

from __future__ import annotations

import mimetypes
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from sendboard import mail
from sendboard.errors import SendboardError, ValidationError
from sendboard.mail import config
from sendboard.mail.draft import Draft
from sendboard.outputs.email_draft import (
    CANCEL_BODY,
    CANCEL_SUBJECT,
    DEFAULT_ADDRESSING,
    DEFAULT_BODY,
    DEFAULT_SUBJECT,
    HEADER_LABELS,
    HEADERS,
    Addressing,
    Template,
    addressed,
    check_template,
    recipient_label,
    render,
)
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.settings_rows import write_settings
from sendboard.services.mail.hand_offs import (
    HandOffInput,
    HandOffView,
    InvitationPackage,
    record_hand_off,
)
from sendboard.services.meetings.invitations import ensure_gate, ensure_on_time
from sendboard.store.database import Database
from sendboard.store.models import Setting

__all__ = [
    "HEADERS",
    "HEADER_LABELS",
    "Addressing",
    "HandOffResult",
    "addressed",
    "hand_off",
    "send_invitation",
]

KEYS = {
    False: ("invitation_subject", "invitation_body", DEFAULT_SUBJECT, DEFAULT_BODY),
    True: ("cancellation_subject", "cancellation_body", CANCEL_SUBJECT, CANCEL_BODY),
}


def get_template(db: Database, cancellation: bool = False) -> Template:
    subject_key, body_key, subject, body = KEYS[cancellation]
    with db.read() as session:
        stored = {
            s.key: s.value
            for s in session.scalars(select(Setting).where(Setting.key.in_(KEYS[cancellation])))
        }
    return Template(subject=stored.get(subject_key) or subject, body=stored.get(body_key) or body)


def save_template(
    db: Database, template: Template, cancellation: bool = False, read: Template | None = None
) -> Outcome[Template]:
    """Save the template after checking every placeholder can be filled; blank restores default.
    `read` is what the form showed: a colleague's save since is refused."""
    check_template(template)
    subject_key, body_key, _, _ = KEYS[cancellation]

    def texts(shown: Template) -> dict[str, str]:
        return {subject_key: shown.subject.strip(), body_key: shown.body}

    with db.write() as session:
        write_settings(session, texts(template), texts(read) if read else None)
    return outcome(get_template(db, cancellation), Area.SETTINGS)


def draft_text(db: Database, package: InvitationPackage) -> Template:
    """The subject and body the preview starts from, placeholders filled in."""
    return render(get_template(db, package.cancelled), package, recipient_label(package))


def backend_choices() -> list[tuple[str, str]]:
    return mail.choices()


def backend_choice() -> str:
    return config.load_choice()


def set_backend_choice(name: str) -> None:
    config.save_choice(name)


def effective_backends() -> list[str]:
    """Labels of the programs that will be tried, in order, for the status line."""
    return [mail.BACKENDS[n].LABEL for n in mail.backend_order()]


def read_attachments(files: tuple[Path, ...]) -> tuple[tuple[str, bytes, str], ...]:
    """(name, content, MIME type) of files the secretary chose; an unreadable one is refused."""
    read = []
    for path in files:
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise SendboardError(f"{path.name} could not be read ({exc.strerror}).") from exc
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        read.append((path.name, content, media_type))
    return tuple(read)


def send_invitation(
    db: Database,
    package: InvitationPackage,
    subject: str,
    body: str,
    files: tuple[Path, ...] = (),
    addressing: Addressing = DEFAULT_ADDRESSING,
    *,
    late: bool = False,
) -> Outcome[HandOffResult]:
    """Open the draft in the mail program chosen for this computer, and log the hand-off.

    `addressing` says which of To, Cc and Bcc the required and the optional invitees go in;
    `late`: the meeting has started and the secretary is recording a late invitation."""
    draft = Draft(package, subject, body, read_attachments(files), addressing)
    return hand_off(db, draft, late=late)


@dataclass(frozen=True)
class HandOffResult:
    log: HandOffView
    status: str  # what the user is told: which program has the draft, or where it was saved


def hand_off(
    db: Database,
    draft: Draft,
    *,
    choice: str | None = None,
    platform: str = sys.platform,
    folder: Path | None = None,
    late: bool = False,
) -> Outcome[HandOffResult]:
    """Open the draft in the first mail program that works, then log the evidence.

    Nothing is logged unless some program took the draft. Once the meeting has started, an
    invitation is refused before any program opens, unless `late` says it is a record of a late
    invitation.
    """
    ensure_gate(db, draft.package.meeting_id)
    ensure_on_time(db, draft.package.meeting_id, late=late)  # a cancellation always passes
    if not draft.recipients:
        raise ValidationError("Nobody with an email address is on the invitation list.")
    target = folder or mail.outbox_folder(draft)
    name, note = mail.open_draft(draft, target, choice=choice, platform=platform)
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
