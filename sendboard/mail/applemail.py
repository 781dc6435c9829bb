"""macOS: Apple Mail through an AppleScript run by `osascript`, the script fed on stdin."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sendboard.errors import MailHandOffError
from sendboard.mail.draft import Draft, write_attachments
from sendboard.outputs.email_draft import BCC, CC, TO

NAME = "applemail"
LABEL = "Apple Mail"


def available() -> bool:
    return sys.platform == "darwin"


def applescript_string(text: str) -> str:
    """A quoted AppleScript string literal: backslash, quote and line breaks escaped."""
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def script(draft: Draft, files: list[Path]) -> str:
    lines = [
        'tell application "Mail"',
        "  set draftMessage to make new outgoing message with properties "
        f"{{subject:{applescript_string(draft.subject)}, "
        f"content:{applescript_string(draft.body)}, visible:true}}",
        "  tell draftMessage",
    ]
    for kind in (TO, CC, BCC):
        for name, email in draft.people(kind):
            lines.append(
                f"    make new {kind} recipient at end of {kind} recipients with properties "
                f"{{name:{applescript_string(name)}, address:{applescript_string(email)}}}"
            )
    for path in files:
        lines.append(
            "    make new attachment with properties "
            f"{{file name:(POSIX file {applescript_string(str(path.resolve()))})}} "
            "at after the last paragraph"
        )
    lines += ["  end tell", "  activate", "end tell"]
    return "\n".join(lines) + "\n"


def send(draft: Draft, folder: Path) -> str:
    files = write_attachments(draft, folder)
    try:
        result = subprocess.run(
            ["osascript", "-"],
            input=script(draft, files),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MailHandOffError(f"Apple Mail could not be asked to open the draft ({exc}).") from exc
    if result.returncode != 0:
        raise MailHandOffError(f"Apple Mail refused the draft: {result.stderr.strip()}")
    return "Opened in Apple Mail"
