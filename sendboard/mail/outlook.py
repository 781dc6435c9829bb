"""Windows: classic Outlook through COM (pywin32). The draft opens for the secretary to send.

The new Outlook has no COM interface; Dispatch then fails and the next backend is tried.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

from sendboard.errors import MailHandOffError
from sendboard.mail.draft import Draft, write_attachments
from sendboard.outputs.email_draft import BCC, CC, TO

NAME = "outlook"
LABEL = "Outlook (classic)"
OL_MAIL_ITEM = 0
OL_TO, OL_CC, OL_BCC = 1, 2, 3  # OlMailRecipientType


def available() -> bool:
    return sys.platform == "win32" and importlib.util.find_spec("win32com") is not None


@dataclass(frozen=True)
class OutlookPlan:
    """What is set on the MailItem, worked out without Outlook."""

    to: tuple[str, ...]  # '"Name" <address>' each
    cc: tuple[str, ...]
    bcc: tuple[str, ...]
    subject: str
    body: str
    attachments: tuple[str, ...]


def plan(draft: Draft, files: list[Path]) -> OutlookPlan:
    return OutlookPlan(
        to=draft.quoted(TO),
        cc=draft.quoted(CC),
        bcc=draft.quoted(BCC),
        subject=draft.subject,
        body=draft.body,
        attachments=tuple(str(path.resolve()) for path in files),
    )


def apply(plan_: OutlookPlan, application: object) -> object:
    """Create and fill the MailItem on an Outlook.Application (or a stand-in in tests)."""
    item = application.CreateItem(OL_MAIL_ITEM)  # type: ignore[attr-defined]
    for kind, people in ((OL_TO, plan_.to), (OL_CC, plan_.cc), (OL_BCC, plan_.bcc)):
        for text in people:
            recipient = item.Recipients.Add(text)
            recipient.Type = kind
    item.Recipients.ResolveAll()
    item.Subject = plan_.subject
    item.Body = plan_.body
    for path in plan_.attachments:
        item.Attachments.Add(path)
    item.Display(False)
    return item


def send(draft: Draft, folder: Path) -> str:
    files = write_attachments(draft, folder)
    try:
        client = importlib.import_module("win32com.client")
        application = client.Dispatch("Outlook.Application")
        apply(plan(draft, files), application)
    except Exception as exc:  # COM errors are pywintypes.com_error; Outlook may be absent
        raise MailHandOffError(f"Outlook could not open the draft ({exc}).") from exc
    return "Opened in Outlook"
