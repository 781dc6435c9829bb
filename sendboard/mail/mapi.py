"""Windows without classic Outlook: Simple MAPI `MAPISendMailW`, which opens the default client.

The structures are built with ctypes on any system so they can be tested; only the call needs
Windows. MAPI_DIALOG shows the compose window; MAPI_LOGON_UI lets the client ask to log on.
"""

from __future__ import annotations

import ctypes
import sys
from ctypes import POINTER, Structure, c_ulong, c_void_p, c_wchar_p
from dataclasses import dataclass
from pathlib import Path

from sendboard.errors import MailHandOffError
from sendboard.mail.draft import Draft, write_attachments
from sendboard.outputs.email_draft import BCC, CC, TO

NAME = "mapi"
LABEL = "Default mail program (Simple MAPI)"

MAPI_LOGON_UI = 0x00000001
MAPI_DIALOG = 0x00000008
MAPI_TO, MAPI_CC, MAPI_BCC = 1, 2, 3
CLASSES = {TO: MAPI_TO, CC: MAPI_CC, BCC: MAPI_BCC}
SUCCESS_SUCCESS = 0
MAPI_USER_ABORT = 1
NO_POSITION = 0xFFFFFFFF


class MapiRecipDescW(Structure):
    _fields_ = [
        ("ulReserved", c_ulong),
        ("ulRecipClass", c_ulong),
        ("lpszName", c_wchar_p),
        ("lpszAddress", c_wchar_p),
        ("ulEIDSize", c_ulong),
        ("lpEntryID", c_void_p),
    ]


class MapiFileDescW(Structure):
    _fields_ = [
        ("ulReserved", c_ulong),
        ("flFlags", c_ulong),
        ("nPosition", c_ulong),
        ("lpszPathName", c_wchar_p),
        ("lpszFileName", c_wchar_p),
        ("lpFileType", c_void_p),
    ]


class MapiMessageW(Structure):
    _fields_ = [
        ("ulReserved", c_ulong),
        ("lpszSubject", c_wchar_p),
        ("lpszNoteText", c_wchar_p),
        ("lpszMessageType", c_wchar_p),
        ("lpszDateReceived", c_wchar_p),
        ("lpszConversationID", c_wchar_p),
        ("flFlags", c_ulong),
        ("lpOriginator", POINTER(MapiRecipDescW)),
        ("nRecipCount", c_ulong),
        ("lpRecips", POINTER(MapiRecipDescW)),
        ("nFileCount", c_ulong),
        ("lpFiles", POINTER(MapiFileDescW)),
    ]


@dataclass
class MapiCall:
    """The message and the arrays it points into (kept alive together until the call ends)."""

    message: MapiMessageW
    recipients: ctypes.Array[MapiRecipDescW]
    files: ctypes.Array[MapiFileDescW]
    flags: int = MAPI_DIALOG | MAPI_LOGON_UI


def build(draft: Draft, paths: list[Path]) -> MapiCall:
    people = [(kind, person) for kind in (TO, CC, BCC) for person in draft.people(kind)]
    recipients = (MapiRecipDescW * len(people))()
    for slot, (kind, (name, email)) in zip(recipients, people, strict=True):
        slot.ulRecipClass = CLASSES[kind]
        slot.lpszName = name
        slot.lpszAddress = f"SMTP:{email}"
    files = (MapiFileDescW * len(paths))()
    for slot, path in zip(files, paths, strict=True):
        slot.nPosition = NO_POSITION
        slot.lpszPathName = str(path.resolve())
        slot.lpszFileName = path.name
    message = MapiMessageW()
    message.lpszSubject = draft.subject
    # Simple MAPI clients expect CRLF line ends in the note text.
    message.lpszNoteText = draft.body.replace("\r\n", "\n").replace("\n", "\r\n")
    message.nRecipCount = len(recipients)
    message.lpRecips = ctypes.cast(recipients, POINTER(MapiRecipDescW))
    message.nFileCount = len(files)
    message.lpFiles = ctypes.cast(files, POINTER(MapiFileDescW))
    return MapiCall(message=message, recipients=recipients, files=files)


def available() -> bool:
    return sys.platform == "win32"


def send(draft: Draft, folder: Path) -> str:
    if sys.platform != "win32":
        raise MailHandOffError("Simple MAPI is only available on Windows.")
    call = build(draft, write_attachments(draft, folder))
    try:
        library = ctypes.WinDLL("mapi32.dll")  # type: ignore[attr-defined]
        send_mail = library.MAPISendMailW
    except (OSError, AttributeError) as exc:
        raise MailHandOffError("No mail program is registered for Simple MAPI.") from exc
    send_mail.restype = c_ulong
    code = send_mail(c_void_p(0), c_void_p(0), ctypes.byref(call.message), call.flags, 0)
    if code == MAPI_USER_ABORT:
        return "Opened in the default mail program (closed without sending)"
    if code != SUCCESS_SUCCESS:
        raise MailHandOffError(f"The default mail program refused the draft (MAPI error {code}).")
    return "Opened in the default mail program"
