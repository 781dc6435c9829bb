"""Each backend's message or arguments, built and checked without opening any program."""

from __future__ import annotations

import ctypes
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from sendboard import mail, paths
from sendboard.mail import applemail, config, eml, mapi, outlook, thunderbird
from sendboard.mail.draft import Draft, write_attachments
from sendboard.services.hand_offs import Attendee, InvitationPackage


def _package(**changes: object) -> InvitationPackage:
    values: dict[str, object] = dict(
        meeting_id=1,
        uid="abc@sendboard",
        sequence=2,
        cancelled=False,
        title="Children's Scrutiny Board",
        board_name="Children's Scrutiny Board",
        kind_label="Ordinary",
        starts_at=datetime(2027, 3, 10, 14),
        ends_at=datetime(2027, 3, 10, 16),
        venue="Room 1, Civic Centre",
        online_link="",
        notes="",
        papers_deadline=date(2027, 3, 1),
        pack_issue=date(2027, 3, 2),
        organizer_name="Jack Lindqvist",
        organizer_email="jack@kingsmere.example.gov.uk",
        attendees=(
            Attendee("Grace O'Connell", "grace@example.org", "REQ-PARTICIPANT"),
            Attendee('Dr "Meg" Ellery', "meg@example.org", "CHAIR"),
        ),
    )
    values.update(changes)
    return InvitationPackage(**values)  # type: ignore[arg-type]


BODY = 'Dear colleagues,\n\nIt\'s on, at 14:00, in "Room 1".\\n is literal.\n'


@pytest.fixture
def draft() -> Draft:
    paper = ("Paper, v2 'final'.pdf", b"%PDF-1.4", "application/pdf")
    return Draft(_package(), "Invitation: Children's Scrutiny Board, 10 March", BODY, (paper,))


def test_outlook_plan_and_item(draft: Draft, tmp_path: Path) -> None:
    files = write_attachments(draft, tmp_path)
    plan = outlook.plan(draft, files)
    assert plan.to == "grace@example.org; meg@example.org"
    assert plan.subject == draft.subject and plan.body == BODY
    assert [Path(p).name for p in plan.attachments] == [
        draft.calendar_name,
        "Paper, v2 'final'.pdf",
    ]
    added: list[str] = []
    shown: list[bool] = []
    item = SimpleNamespace(Attachments=SimpleNamespace(Add=added.append), Display=shown.append)
    application = SimpleNamespace(CreateItem=lambda kind: item if kind == 0 else None)
    outlook.apply(plan, application)
    assert item.To == plan.to and item.Subject == plan.subject and item.Body == BODY
    assert added == list(plan.attachments)
    assert shown == [False]
    assert Path(plan.attachments[0]).read_bytes() == draft.calendar


def test_mapi_structures(draft: Draft, tmp_path: Path) -> None:
    files = write_attachments(draft, tmp_path)
    call = mapi.build(draft, files)
    message = call.message
    assert message.lpszSubject == draft.subject
    assert message.lpszNoteText == BODY.replace("\n", "\r\n")
    assert message.nRecipCount == 2
    assert [message.lpRecips[i].lpszAddress for i in range(2)] == [
        "SMTP:grace@example.org",
        "SMTP:meg@example.org",
    ]
    assert message.lpRecips[1].lpszName == 'Dr "Meg" Ellery'
    assert all(message.lpRecips[i].ulRecipClass == mapi.MAPI_TO for i in range(2))
    assert message.nFileCount == 2
    assert message.lpFiles[0].lpszFileName == draft.calendar_name
    assert Path(message.lpFiles[1].lpszPathName).read_bytes() == b"%PDF-1.4"
    assert message.lpFiles[0].nPosition == 0xFFFFFFFF
    assert call.flags == mapi.MAPI_DIALOG | mapi.MAPI_LOGON_UI
    assert ctypes.sizeof(mapi.MapiMessageW) > 0


def test_applescript_is_escaped(draft: Draft, tmp_path: Path) -> None:
    script = applemail.script(draft, write_attachments(draft, tmp_path))
    assert applemail.applescript_string('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'
    assert 'subject:"Invitation: Children\'s Scrutiny Board, 10 March"' in script
    assert 'in \\"Room 1\\".\\\\n is literal.\\n' in script
    assert 'name:"Dr \\"Meg\\" Ellery", address:"meg@example.org"' in script
    assert "POSIX file" in script and draft.calendar_name in script
    # Every string literal closes on its own line: no raw line break inside a literal.
    for line in script.splitlines():
        assert line.count('"') % 2 == 0 or '\\"' in line


def test_thunderbird_compose_argument(draft: Draft, tmp_path: Path) -> None:
    files = write_attachments(draft, tmp_path)
    argv = thunderbird.command(draft, files, "thunderbird")
    assert argv[:2] == ["thunderbird", "-compose"]
    spec = argv[2]
    assert spec.startswith("to='grace@example.org,meg@example.org',subject='Invitation: ")
    assert "Children\u2019s Scrutiny Board" in spec
    assert "'," not in spec.replace("',subject=", "").replace("',body=", "").replace(
        "',attachment=", ""
    )
    assert "body='Dear colleagues,\n\nIt\u2019s on" in spec
    attachment = spec.split("attachment='")[1].rstrip("'")
    urls = attachment.split(",")
    assert len(urls) == 2 and all(u.startswith("file:///") for u in urls)
    assert "%2C" in urls[1] and "%27" in urls[1]


def test_eml_opener_per_system(tmp_path: Path) -> None:
    path = tmp_path / "x.eml"
    assert eml.opener_command(path, "linux") == ["xdg-open", str(path)]
    assert eml.opener_command(path, "darwin") == ["open", str(path)]
    assert eml.opener_command(path, "win32") is None


def test_backend_order_and_per_machine_choice() -> None:
    assert mail.automatic_order("win32") == ["outlook", "mapi", "eml"]
    assert mail.automatic_order("darwin") == ["applemail", "eml"]
    assert mail.automatic_order("linux") == ["thunderbird", "eml"]
    assert config.load_choice() == config.AUTOMATIC
    config.save_choice("thunderbird")
    assert paths.config_file().exists()
    assert config.load_choice() == "thunderbird"
    assert mail.backend_order() == ["thunderbird", "eml"]
    assert mail.backend_order("eml") == ["eml"]
    assert mail.choices()[0] == ("auto", "Automatic")


def test_thunderbird_refuses_an_apostrophe_in_an_address(tmp_path: Path) -> None:
    from unittest import mock

    from sendboard.errors import MailHandOffError

    package = _package(attendees=(Attendee("Grace", "grace.o'connell@example.org", "CHAIR"),))
    with (
        mock.patch("sendboard.mail.thunderbird.executable", return_value="/bin/true"),
        pytest.raises(MailHandOffError, match="apostrophe"),
    ):
        thunderbird.send(Draft(package, "Invitation", "Body"), tmp_path)
