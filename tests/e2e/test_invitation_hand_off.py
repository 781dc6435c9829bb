"""Hand-off end to end: a recording `thunderbird` on PATH, the .eml fallback, the evidence log."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from pathlib import Path
from unittest import mock
from urllib.parse import unquote, urlsplit

import pytest

from sendboard.errors import ComplianceError
from sendboard.mail.draft import Draft
from sendboard.services import mail as mail_service
from sendboard.services.common.workspace import Database
from sendboard.services.mail import hand_offs
from sendboard.services.meetings import invitations
from tests.invitation_fixtures import add_meeting

pytestmark = pytest.mark.dated

RECORDER = """#!{python}
import json, sys
with open({out!r}, "w", encoding="utf-8") as handle:
    json.dump(sys.argv[1:], handle)
"""


@pytest.fixture
def recording_thunderbird(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "argv.json"
    program = bin_dir / "thunderbird"
    program.write_text(RECORDER.format(python=sys.executable, out=str(record)))
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return record


def _draft(db: Database, meeting_id: int) -> Draft:
    package = hand_offs.prepare_invitation(db, meeting_id).value
    text = mail_service.draft_text(db, package)
    paper = ("Action log.pdf", b"%PDF-1.4 action log", "application/pdf")
    return Draft(package, text.subject, text.body, (paper,))


@pytest.mark.skipif(sys.platform == "win32", reason="the recording script is a POSIX executable")
def test_thunderbird_receives_the_draft_and_the_hand_off_is_logged(
    demo_db: Database, recording_thunderbird: Path
) -> None:
    meeting_id = add_meeting(demo_db)
    draft = _draft(demo_db, meeting_id)
    with mock.patch("sendboard.mail.eml.open_path") as opener:
        result = mail_service.hand_off(demo_db, draft, choice="auto", platform="linux").value
    opener.assert_not_called()
    argv = json.loads(recording_thunderbird.read_text(encoding="utf-8"))
    assert argv[0] == "-compose"
    spec = argv[1]
    assert "daniel.osei@education.example.gov.uk" in spec
    assert f"subject='{draft.subject}'" in spec
    urls = spec.split("attachment='")[1].rstrip("'").split(",")
    files = [Path(unquote(urlsplit(url).path)) for url in urls]
    assert files[0].read_bytes() == draft.calendar
    assert result.log.channel == "thunderbird"

    (logged,) = hand_offs.list_hand_offs(demo_db, meeting_id)
    assert logged.subject == draft.subject
    assert set(logged.recipients) == set(draft.recipients)
    assert logged.method == "REQUEST" and logged.sequence == 0
    for record, path in zip(logged.attachments, files, strict=True):
        content = path.read_bytes()
        assert record.name == path.name
        assert record.sha256 == hashlib.sha256(content).hexdigest()
        assert record.size == len(content)
    invited = invitations.list_invitations(demo_db, meeting_id)
    case_lead = next(i for i in invited if i.name == "Daniel Osei")
    assert case_lead.invited_at is not None and case_lead.channel == "thunderbird"


def test_failed_backend_falls_back_to_eml_and_says_so(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    draft = _draft(demo_db, meeting_id)
    with (
        mock.patch("sendboard.mail.thunderbird.executable", return_value=None),
        mock.patch("sendboard.mail.eml.open_path") as opener,
    ):
        result = mail_service.hand_off(demo_db, draft, choice="thunderbird", platform="linux").value
    (opened,) = opener.call_args.args
    assert opened.suffix == ".eml" and opened.exists()
    assert result.log.channel == "eml"
    assert "fell back after Thunderbird" in result.log.note
    assert result.log.attachments[0].sha256 == hashlib.sha256(draft.calendar).hexdigest()


def test_hand_off_is_refused_when_a_required_role_is_taken_off(demo_db: Database) -> None:
    meeting_id = add_meeting(demo_db)
    draft = _draft(demo_db, meeting_id)
    case_lead = next(
        i for i in invitations.list_invitations(demo_db, meeting_id) if i.name == "Daniel Osei"
    )
    invitations.remove_invitation(demo_db, case_lead.id)
    with (
        mock.patch("sendboard.mail.eml.open_path") as opener,
        pytest.raises(ComplianceError, match="DfE case lead"),
    ):
        mail_service.hand_off(demo_db, draft, choice="eml")
    opener.assert_not_called()
    assert hand_offs.list_hand_offs(demo_db, meeting_id) == []


def test_invitation_sent_with_everyone_in_bcc_hides_the_list(demo_db: Database) -> None:
    import email
    from email import policy

    from sendboard.mail import config

    config.save_choice("eml")
    meeting_id = add_meeting(demo_db)
    package = hand_offs.prepare_invitation(demo_db, meeting_id).value
    everyone_bcc = mail_service.Addressing(required="bcc", optional="bcc")
    with mock.patch("sendboard.mail.eml.open_path") as opener:
        result = mail_service.send_invitation(
            demo_db, package, "Invitation", "Body", addressing=everyone_bcc
        ).value
    (path,) = opener.call_args.args
    parsed = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert [a.addr_spec for a in parsed["To"].addresses] == [package.organizer_email]
    assert parsed["Cc"] is None
    assert {a.addr_spec for a in parsed["Bcc"].addresses} == {a.email for a in package.attendees}
    assert set(result.log.recipients) == {a.email for a in package.attendees}
