"""Linux (and anywhere Thunderbird is installed): `thunderbird -compose "to='…',…"`.

Thunderbird reads each value up to the closing quote that is followed by a comma, so a single
quote inside a value would end it early: apostrophes become typographic ones (’), which read the
same. Attachment paths are file URLs, so commas and quotes in them are percent-encoded.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from sendboard.errors import MailHandOffError
from sendboard.mail.draft import Draft, write_attachments
from sendboard.outputs.email_draft import BCC, CC, TO

NAME = "thunderbird"
LABEL = "Thunderbird"
#: A first start of Thunderbird keeps running; a running one hands over and exits at once.
SETTLE_SECONDS = 3


def executable() -> str | None:
    return shutil.which("thunderbird")


def available() -> bool:
    return executable() is not None


def quote_value(text: str) -> str:
    return "'" + text.replace("'", "\u2019").replace("\r\n", "\n").replace("\r", "\n") + "'"


def compose_spec(draft: Draft, files: list[Path]) -> str:
    parts = [
        f"{kind}={quote_value(','.join(draft.quoted(kind)))}"
        for kind in (TO, CC, BCC)
        if draft.people(kind)
    ]
    parts += [
        f"subject={quote_value(draft.subject)}",
        f"body={quote_value(draft.body)}",
    ]
    if files:
        urls = ",".join(path.resolve().as_uri() for path in files)
        parts.append(f"attachment={quote_value(urls)}")
    return ",".join(parts)


def command(draft: Draft, files: list[Path], program: str = "thunderbird") -> list[str]:
    return [program, "-compose", compose_spec(draft, files)]


def send(draft: Draft, folder: Path) -> str:
    program = executable()
    if program is None:
        raise MailHandOffError("Thunderbird is not installed (no 'thunderbird' on the PATH).")
    awkward = [email for email in draft.recipients if "'" in email]
    if awkward:
        raise MailHandOffError(
            "Thunderbird's command line cannot carry an apostrophe in an address "
            f"({', '.join(awkward)})."
        )
    files = write_attachments(draft, folder)
    try:
        process = subprocess.Popen(
            command(draft, files, program),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        raise MailHandOffError(f"Thunderbird could not be started ({exc.strerror}).") from exc
    try:
        code = process.wait(timeout=SETTLE_SECONDS)
    except subprocess.TimeoutExpired:
        return "Opened in Thunderbird"  # started fresh and still running: the window is open
    if code != 0:
        raise MailHandOffError(f"Thunderbird refused the draft (exit status {code}).")
    return "Opened in Thunderbird"
