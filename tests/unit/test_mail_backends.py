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
from sendboard.services.mail.hand_offs import Attendee, InvitationPackage


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
    assert plan.to == (
        '"Grace O\'Connell" <grace@example.org>',
        '"Dr \\"Meg\\" Ellery" <meg@example.org>',
    )
    assert plan.subject == draft.subject and plan.body == BODY
    assert [Path(p).name for p in plan.attachments] == [
        draft.calendar_name,
        "Paper, v2 'final'.pdf",
    ]
    added: list[str] = []
    shown: list[bool] = []
    recipients: list[str] = []
    item = SimpleNamespace(
        Attachments=SimpleNamespace(Add=added.append),
        Recipients=SimpleNamespace(
            Add=lambda text: recipients.append(text) or SimpleNamespace(), ResolveAll=lambda: True
        ),
        Display=shown.append,
    )
    application = SimpleNamespace(CreateItem=lambda kind: item if kind == 0 else None)
    outlook.apply(plan, application)
    assert tuple(recipients) == plan.to and item.Subject == plan.subject and item.Body == BODY
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
    assert spec.startswith(
        'to=\'"Grace O\u2019Connell" <grace@example.org>,"Dr \\"Meg\\" Ellery" '
        "<meg@example.org>',subject='Invitation: "
    )
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


def _addressed_draft(**addressing: str) -> Draft:
    from sendboard.mail.draft import Addressing

    attendees = (
        Attendee("Shah, Ioan", "ioan@example.org", "CHAIR"),
        Attendee("Grace O'Connell", "grace@example.org", "REQ-PARTICIPANT"),
        Attendee("Priya Natt", "priya@example.org", "OPT-PARTICIPANT"),
    )
    return Draft(_package(attendees=attendees), "Invitation", "Body", (), Addressing(**addressing))


def test_default_addressing_puts_required_invitees_in_to_and_others_in_cc(tmp_path: Path) -> None:
    draft = _addressed_draft()
    parsed = _parsed_eml(draft, tmp_path)
    assert [(a.display_name, a.addr_spec) for a in parsed["To"].addresses] == [
        ("Shah, Ioan", "ioan@example.org"),
        ("Grace O'Connell", "grace@example.org"),
    ]
    assert [(a.display_name, a.addr_spec) for a in parsed["Cc"].addresses] == [
        ("Priya Natt", "priya@example.org")
    ]
    assert parsed["Bcc"] is None
    assert draft.recipients == ("ioan@example.org", "grace@example.org", "priya@example.org")


def _parsed_eml(draft: Draft, folder: Path):  # type: ignore[no-untyped-def]
    import email
    from email import policy

    return email.message_from_bytes(
        eml.write_eml(draft, folder).read_bytes(), policy=policy.default
    )


def test_everyone_in_bcc_leaves_the_secretary_in_to_in_every_backend(tmp_path: Path) -> None:
    draft = _addressed_draft(required="bcc", optional="bcc")
    parsed = _parsed_eml(draft, tmp_path)
    assert [(a.display_name, a.addr_spec) for a in parsed["To"].addresses] == [
        ("Jack Lindqvist", "jack@kingsmere.example.gov.uk")
    ]
    assert {a.addr_spec for a in parsed["Bcc"].addresses} == {
        "ioan@example.org",
        "grace@example.org",
        "priya@example.org",
    }
    files = write_attachments(draft, tmp_path)
    plan = outlook.plan(draft, files)
    assert plan.to == ('"Jack Lindqvist" <jack@kingsmere.example.gov.uk>',)
    assert plan.cc == ()
    assert len(plan.bcc) == 3
    call = mapi.build(draft, files)
    classes = [call.message.lpRecips[i].ulRecipClass for i in range(call.message.nRecipCount)]
    assert classes == [mapi.MAPI_TO, mapi.MAPI_BCC, mapi.MAPI_BCC, mapi.MAPI_BCC]
    spec = thunderbird.compose_spec(draft, files)
    assert "to='\"Jack Lindqvist\" <jack@kingsmere.example.gov.uk>'" in spec
    assert 'bcc=\'"Shah, Ioan" <ioan@example.org>,' in spec
    script = applemail.script(draft, files)
    assert script.count("make new bcc recipient at end of bcc recipients") == 3
    assert script.count("make new to recipient at end of to recipients") == 1


def test_every_backend_carries_display_names_and_the_chosen_fields(tmp_path: Path) -> None:
    draft = _addressed_draft(required="to", optional="cc")
    files = write_attachments(draft, tmp_path)
    plan = outlook.plan(draft, files)
    assert plan.to == (
        '"Shah, Ioan" <ioan@example.org>',
        '"Grace O\'Connell" <grace@example.org>',
    )
    assert plan.cc == ('"Priya Natt" <priya@example.org>',) and plan.bcc == ()
    added: list[tuple[str, SimpleNamespace]] = []

    def add(text: str) -> SimpleNamespace:
        recipient = SimpleNamespace(Type=None)
        added.append((text, recipient))
        return recipient

    resolved: list[bool] = []
    item = SimpleNamespace(
        Attachments=SimpleNamespace(Add=lambda path: None),
        Recipients=SimpleNamespace(Add=add, ResolveAll=lambda: resolved.append(True)),
        Display=lambda modal: None,
    )
    outlook.apply(plan, SimpleNamespace(CreateItem=lambda kind: item))
    assert [(text, r.Type) for text, r in added] == [
        ('"Shah, Ioan" <ioan@example.org>', outlook.OL_TO),
        ('"Grace O\'Connell" <grace@example.org>', outlook.OL_TO),
        ('"Priya Natt" <priya@example.org>', outlook.OL_CC),
    ]
    assert resolved == [True]
    call = mapi.build(draft, files)
    recips = [call.message.lpRecips[i] for i in range(call.message.nRecipCount)]
    assert [(r.lpszName, r.ulRecipClass) for r in recips] == [
        ("Shah, Ioan", mapi.MAPI_TO),
        ("Grace O'Connell", mapi.MAPI_TO),
        ("Priya Natt", mapi.MAPI_CC),
    ]
    spec = thunderbird.compose_spec(draft, files)
    assert spec.startswith(
        'to=\'"Shah, Ioan" <ioan@example.org>,"Grace O\u2019Connell" <grace@example.org>\','
        "cc='\"Priya Natt\" <priya@example.org>',subject="
    )
    assert "bcc=" not in spec
    script = applemail.script(draft, files)
    assert (
        'make new cc recipient at end of cc recipients with properties {name:"Priya Natt", '
        'address:"priya@example.org"}' in script
    )
