"""Two members of the team change the shared settings (the secretary's details, the highlight
thresholds, the invitation template): the second save, made from what was shown before the
first, is refused naming the first; nothing is lost; and the audit trail says which setting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sendboard.errors import EditConflict
from sendboard.services import actions, mail, settings
from sendboard.services.audit import list_audit
from sendboard.services.common.workspace import Database, open_database
from tests.pg_server import target


@pytest.fixture
def team(db: Database):  # type: ignore[no-untyped-def]
    where = target(db)
    priya = open_database(where, user="Priya Raman")
    sam = open_database(where, user="Sam Okafor")
    yield priya, sam
    priya.close()
    sam.close()


def test_the_secretarys_details_saved_over_a_colleagues_are_refused(team) -> None:
    priya, sam = team
    settings.save_settings(priya, settings.BoardSettings(secretary_name="Jo Bell"))
    shown_to_priya = settings.get_settings(priya)
    shown_to_sam = settings.get_settings(sam)

    settings.save_settings(sam, replace(shown_to_sam, secretary_name="Sam Okafor"), shown_to_sam)
    with pytest.raises(EditConflict) as refused:
        settings.save_settings(
            priya, replace(shown_to_priya, secretary_phone="0151 000 0000"), shown_to_priya
        )
    assert "Sam Okafor changed these settings at " in str(refused.value)
    assert refused.value.theirs == {"secretary_name": "Sam Okafor"}
    assert settings.get_settings(priya).secretary_name == "Sam Okafor"  # nothing lost
    assert settings.get_settings(priya).secretary_phone == ""

    # Keep mine: saved without what was shown, over theirs.
    settings.save_settings(priya, replace(shown_to_priya, secretary_phone="0151 000 0000"))
    assert settings.get_settings(sam).secretary_name == "Jo Bell"


def test_a_save_from_what_is_stored_now_goes_through(team) -> None:
    priya, sam = team
    shown = settings.get_settings(priya)
    settings.save_settings(sam, replace(shown, classification="OFFICIAL-SENSITIVE"), shown)
    # Priya had read before Sam saved, but typed the very same value: no clash to report.
    settings.save_settings(priya, replace(shown, classification="OFFICIAL-SENSITIVE"), shown)
    fresh = settings.get_settings(priya)
    settings.save_settings(priya, replace(fresh, secretary_email="jo@kingsmere.example"), fresh)
    assert settings.get_settings(sam).secretary_email == "jo@kingsmere.example"


def test_thresholds_and_template_are_guarded_too(team) -> None:
    priya, sam = team
    thresholds = actions.get_thresholds(priya)
    actions.save_thresholds(sam, replace(thresholds, red_run=3), thresholds)
    with pytest.raises(EditConflict, match="Sam Okafor"):
        actions.save_thresholds(priya, replace(thresholds, cycle_days=45), thresholds)
    assert actions.get_thresholds(priya).red_run == 3

    template = mail.get_template(priya)
    mail.save_template(sam, replace(template, subject="Board: {meeting}"), read=template)
    with pytest.raises(EditConflict, match="Sam Okafor"):
        mail.save_template(priya, replace(template, body=template.body + "\nThanks"), read=template)
    assert mail.get_template(priya).subject == "Board: {meeting}"


def test_the_audit_trail_names_the_setting_changed(team) -> None:
    priya, _ = team
    settings.save_settings(priya, settings.BoardSettings(secretary_name="Jo Bell"))
    settings.save_settings(priya, settings.BoardSettings(secretary_name="Jo Bell-Hart"))
    [entry] = [e for e in list_audit(priya, "Setting", limit=50) if e.action == "update"]
    assert entry.label == "secretary_name"
    assert entry.fields == ("value",)
    assert entry.changes["value"] == ("Jo Bell", "Jo Bell-Hart")
    assert entry.os_user == "Priya Raman"
