"""Everywhere: a .eml draft marked X-Unsent, opened by whatever handles .eml files.

Outlook, Thunderbird and Apple Mail open an X-Unsent message as a new draft ready to send.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sendboard.errors import MailHandOffError
from sendboard.mail.draft import Draft

NAME = "eml"
LABEL = "Email draft file (.eml)"


def available() -> bool:
    return True


def eml_filename(draft: Draft) -> str:
    return draft.calendar_name.removesuffix(".ics") + ".eml"


def write_eml(draft: Draft, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / eml_filename(draft)
    path.write_bytes(draft.message().as_bytes())
    return path


def opener_command(path: Path, platform: str = sys.platform) -> list[str] | None:
    """The command that opens a file with its handler; None on Windows (os.startfile)."""
    if platform == "win32":
        return None
    if platform == "darwin":
        return ["open", str(path)]
    return ["xdg-open", str(path)]


#: How long to wait for the opener (xdg-open, open) to say it found no program for the file.
#: It ends at once when it has none; when it has one it ends once the program starts, or stays
#: with it, and either way the draft is in a mail program's hands.
OPENER_WAIT = 5.0


def open_path(path: Path) -> None:
    """Open a file with the system's handler for its type; say so if none took it."""
    command = opener_command(path)
    try:
        if command is None:
            os.startfile(str(path))  # type: ignore[attr-defined]  # Windows only
            return
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        raise MailHandOffError(
            f"The draft was saved as {path}, but no program opened it ({exc.strerror}). "
            "Open it from that folder with your mail program."
        ) from exc
    try:
        code = process.wait(timeout=OPENER_WAIT)
    except subprocess.TimeoutExpired:
        return
    if code != 0:
        raise MailHandOffError(
            f"The draft was saved as {path}, but no program opened it (this computer has none "
            "set up for email files). Open it from that folder with your mail program."
        )


def send(draft: Draft, folder: Path) -> str:
    path = write_eml(draft, folder)
    open_path(path)
    return f"Draft saved as {path}"
