"""A form saved after someone else changed its record: refused with their name, the typing kept
on screen, and Reload or Apply theirs on top, after which the save goes through."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from sendboard.services import people, risks
from sendboard.services.common.workspace import Database, open_database
from sendboard.services.risks import scales as risk_scales
from sendboard.services.risks.choices import load_choices
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.people.contact_dialog import PersonDialog
from ui.risks.dialog import RiskDialog


def _others_change_person(db: Database, person_id: int, **changes: str) -> None:
    sam = open_database(str(db.file), user="Sam Okafor")
    try:
        now = next(p for p in people.list_people(sam) if p.id == person_id)
        data = people.PersonInput(
            name=now.name,
            title=now.title,
            organisation=now.organisation,
            email=now.email,
            phone=now.phone,
            statutory_role=now.statutory_role,
        )
        fields = {**data.__dict__, **changes}
        people.update_person(sam, person_id, people.PersonInput(**fields))
    finally:
        sam.close()


def _person_dialog(db: Database, qtbot):  # type: ignore[no-untyped-def]
    ctx = AppContext(db, TaskRunner(), ChangeBus())
    person = people.list_people(db)[0]
    dialog = PersonDialog(ctx, people.list_organisations(db), person)
    qtbot.addWidget(dialog)
    dialog.show()
    return ctx, person, dialog


def test_apply_theirs_on_top_keeps_my_typing_and_takes_their_fields(
    demo_db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    ctx, person, dialog = _person_dialog(demo_db, qtbot)
    dialog.title.setText("Deputy Director")  # my change
    _others_change_person(demo_db, person.id, phone="01632 960123")  # theirs, saved first

    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict_bar.isVisible())
    assert "Sam Okafor changed this person at" in dialog.error.text()
    assert dialog.title.text() == "Deputy Director"  # my edit is still on screen
    assert dialog.result() != QDialog.DialogCode.Accepted

    dialog.theirs_button.click()
    assert dialog.phone.text() == "01632 960123" and dialog.title.text() == "Deputy Director"
    assert not dialog.conflict_bar.isVisible()
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    stored = next(p for p in people.list_people(demo_db) if p.id == person.id)
    assert (stored.title, stored.phone) == ("Deputy Director", "01632 960123")
    ctx.tasks.wait()


def test_reload_shows_the_record_as_stored_now(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx, person, dialog = _person_dialog(demo_db, qtbot)
    dialog.title.setText("Deputy Director")
    _others_change_person(demo_db, person.id, phone="01632 960123")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict_bar.isVisible())
    dialog.reload_button.click()
    assert dialog.title.text() == person.title and dialog.phone.text() == "01632 960123"
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    ctx.tasks.wait()


def test_a_risk_saved_by_someone_else_is_refused_in_the_risk_form(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    risk = risks.get_risk(demo_db, risks.list_risks(demo_db)[0].id)
    dialog = RiskDialog(ctx, load_choices(demo_db), risk_scales.get_matrix(demo_db), risk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.cause.setPlainText("Vacancies in the EP service")
    sam = open_database(str(demo_db.file), user="Sam Okafor")
    other = RiskDialog(
        AppContext(sam, TaskRunner(), ChangeBus()),
        load_choices(sam),
        risk_scales.get_matrix(sam),
        risk,
    )
    qtbot.addWidget(other)
    other.controls.setPlainText("Weekly triage panel")
    other.save()
    qtbot.waitUntil(lambda: other.result() == QDialog.DialogCode.Accepted)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict_bar.isVisible())
    assert "Sam Okafor changed this risk" in dialog.error.text()
    dialog.theirs_button.click()
    assert dialog.controls.toPlainText() == "Weekly triage panel"
    assert dialog.cause.toPlainText() == "Vacancies in the EP service"
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    stored = risks.get_risk(demo_db, risk.id)
    assert (stored.cause, stored.controls) == ("Vacancies in the EP service", "Weekly triage panel")
    ctx.tasks.wait()
    sam.close()
