"""A form saved after someone else changed its record: refused with their name, the typing kept
on screen, and Reload or Apply theirs on top, after which the save goes through."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog

from sendboard.domain.governance import StatutoryRole
from sendboard.services import actions, boards, measures, meetings, people, risks
from sendboard.services.common.workspace import Database, open_database
from sendboard.services.meetings import agenda
from sendboard.services.risks import scales as risk_scales
from sendboard.services.risks.choices import load_choices
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.meetings.agenda_item import AgendaItemDialog
from ui.people.board_dialog import BoardDialog
from ui.people.contact_dialog import PersonDialog
from ui.performance.measure_dialog import MeasureDialog
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


def _board_input(view: boards.BoardView, **changes: object) -> boards.BoardInput:
    data = boards.BoardInput(
        name=view.name,
        kind=view.kind,
        parent_id=view.parent_id,
        chair_id=view.chair_id,
        quorum=view.quorum,
        papers_deadline_days=view.papers_deadline_days,
        cadence=view.cadence,
        description=view.description,
        required_roles=view.required_roles,
    )
    return replace(data, **changes)


def test_a_board_saved_by_someone_else_takes_their_roles_and_keeps_my_quorum(
    demo_db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    board = boards.list_boards(demo_db)[-1]
    dialog = BoardDialog(ctx, boards.list_boards(demo_db), people.list_people(demo_db), board)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.quorum.clear()
    qtbot.keyClicks(dialog.quorum, "6")  # my change
    roles = (StatutoryRole.DFE_CASE_LEAD,) if not board.required_roles else ()
    sam = open_database(str(demo_db.file), user="Sam Okafor")
    theirs = _board_input(board, description="Sam's terms of reference", required_roles=roles)
    boards.update_board(sam, board.id, theirs)
    sam.close()

    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict_bar.isVisible())
    assert "Sam Okafor changed this board at" in dialog.error.text()
    assert dialog.quorum.value() == 6 and dialog.result() != QDialog.DialogCode.Accepted
    dialog.theirs_button.click()
    assert dialog.description.toPlainText() == "Sam's terms of reference"
    assert {r for r, box in dialog.roles.items() if box.isChecked()} == set(roles)
    assert dialog.quorum.value() == 6
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    stored = boards.get_board(demo_db, board.id)
    assert (stored.quorum, stored.description) == (6, "Sam's terms of reference")
    assert stored.required_roles == roles
    ctx.tasks.wait()


def test_an_agenda_item_saved_by_someone_else_is_refused_and_reload_shows_theirs(
    demo_db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    planned = [m for m in meetings.list_meetings(demo_db) if m.status.value == "planned"][-1]
    items = agenda.get_agenda(demo_db, planned.id).items
    item = items[1]
    dialog = AgendaItemDialog(ctx, planned.id, item, items=items)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.clear()
    qtbot.keyClicks(dialog.title, "Sufficiency plan: revised")
    sam = open_database(str(demo_db.file), user="Sam Okafor")
    data = agenda.AgendaItemInput(
        item.title, "Director of Education", item.purpose, item.minutes, item.exempt, item.standing
    )
    agenda.update_item(sam, item.id, data)
    sam.close()

    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict_bar.isVisible())
    assert "Sam Okafor changed this agenda item" in dialog.error.text()
    assert dialog.title.text() == "Sufficiency plan: revised"
    dialog.reload_button.click()
    assert (dialog.title.text(), dialog.lead.text()) == (item.title, "Director of Education")
    qtbot.keyClicks(dialog.title, " (revised)")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    stored = agenda.get_agenda(demo_db, planned.id).items[1]
    assert (stored.title, stored.lead) == (item.title + " (revised)", "Director of Education")
    ctx.tasks.wait()


def test_targets_changed_by_someone_else_come_into_the_measure_form(
    demo_db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    view = measures.list_measures(demo_db)[0]
    dialog = MeasureDialog(ctx, actions.action_options(demo_db), view)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.definition.clear()
    qtbot.keyClicks(dialog.definition, "Plans issued within 20 weeks")
    sam = open_database(str(demo_db.file), user="Sam Okafor")
    data = measures.input_from(view)
    measures.update_measure(sam, view.id, replace(data, targets={**data.targets, 24: 99.0}))
    sam.close()

    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict_bar.isVisible())
    assert "Sam Okafor changed this measure" in dialog.error.text()
    dialog.theirs_button.click()
    assert dialog.targets[24].text() == "99"
    assert dialog.definition.toPlainText() == "Plans issued within 20 weeks"
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    stored = measures.get_measure(demo_db, view.id)
    assert (stored.definition, stored.target(24)) == ("Plans issued within 20 weeks", 99.0)
    ctx.tasks.wait()
