"""The register of interests, an engagement event, a requirement's links and a decision, each
saved after a colleague changed it: refused with their name, the typing kept on screen, and
Reload or Apply theirs on top, after which the save goes through with both changes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QDialog

from sendboard.services import actions, minutes, stocktake
from sendboard.services.common.workspace import Database, open_database
from sendboard.services.minutes import InterestInput, MinutesStatus
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.minutes.decision_edit import DecisionEditDialog
from ui.minutes.interests import InterestForm
from ui.stocktake.event_dialog import EventDialog, load_choices
from ui.stocktake.links_dialog import RequirementDialog, load_links


def _sam(db: Database) -> Database:
    return open_database(str(db.file), user="Sam Okafor")


def _show(dialog: QDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()


def _refused(dialog, qtbot, what: str) -> None:  # type: ignore[no-untyped-def]
    dialog.save()
    qtbot.waitUntil(lambda: dialog.conflict_bar.isVisible())
    assert f"Sam Okafor changed this {what} at" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def _saved(dialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    dialog.ctx.tasks.wait()


def test_an_interest_takes_their_organisation_and_keeps_my_wording(
    demo_db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    entry = minutes.list_interests(demo_db)[0]
    dialog = InterestForm(ctx, actions.action_options(demo_db).people, entry)
    _show(dialog, qtbot)
    dialog.interest.clear()
    qtbot.keyClicks(dialog.interest, "Director")
    sam = _sam(demo_db)
    data = InterestInput(entry.person_id, entry.interest, entry.organisation, entry.from_date)
    minutes.update_interest(sam, entry.id, replace(data, organisation="Parent Carer Forum"))
    sam.close()

    _refused(dialog, qtbot, "interest")
    assert dialog.interest.text() == "Director"
    dialog.theirs_button.click()
    assert (dialog.interest.text(), dialog.organisation.text()) == (
        "Director",
        "Parent Carer Forum",
    )
    _saved(dialog, qtbot)
    now = next(e for e in minutes.list_interests(demo_db) if e.id == entry.id)
    assert (now.interest, now.organisation) == ("Director", "Parent Carer Forum")


def test_an_event_takes_their_requirements_and_keeps_what_i_typed(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    event = stocktake.list_events(demo_db)[0]
    dialog = EventDialog(ctx, load_choices(demo_db), event)
    _show(dialog, qtbot)
    dialog.said.clear()
    qtbot.keyClicks(dialog.said, "More short breaks in the holidays")
    sam = _sam(demo_db)
    extra = next(
        c.reference
        for c in stocktake.requirement_choices(sam)
        if c.reference not in event.requirements
    )
    links = (*event.requirements, extra)
    stocktake.update_event(sam, event.id, replace(event.as_input(), requirements=links))
    sam.close()

    _refused(dialog, qtbot, "engagement event")
    assert dialog.said.toPlainText() == "More short breaks in the holidays"
    dialog.theirs_button.click()
    assert set(dialog.requirements.ticked()) == set(links)
    assert dialog.said.toPlainText() == "More short breaks in the holidays"
    _saved(dialog, qtbot)
    now = next(e for e in stocktake.list_events(demo_db) if e.id == event.id)
    assert set(now.requirements) == set(links)
    assert now.said == "More short breaks in the holidays"


def test_reload_shows_a_requirements_links_as_they_stand(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    requirement = stocktake.requirement_choices(demo_db)[0].id
    data = load_links(demo_db, requirement)
    dialog = RequirementDialog(ctx, data)
    _show(dialog, qtbot)
    mine = next(c.id for c in data.actions if c.id not in data.detail.actions)
    theirs = next(c.id for c in data.risks if c.id not in data.detail.risks)
    dialog.actions.set_ticked(mine)
    sam = _sam(demo_db)
    read = data.detail
    stocktake.save_links(
        sam, requirement, actions=read.actions, measures=read.measures, risks=(*read.risks, theirs)
    )
    sam.close()

    _refused(dialog, qtbot, "requirement")
    assert mine in dialog.actions.ticked()  # my tick is still there
    dialog.theirs_button.click()  # their risk, my action
    assert mine in dialog.actions.ticked() and theirs in dialog.risks.ticked()
    _saved(dialog, qtbot)
    now = stocktake.requirement_detail(demo_db, requirement)
    assert mine in now.actions and theirs in now.risks


def test_a_decision_reworded_by_a_colleague_is_refused_and_reload_shows_theirs(
    demo_db: Database, qtbot
) -> None:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    row = next(r for r in minutes.list_minutes_meetings(demo_db) if r.status is MinutesStatus.DRAFT)
    made = minutes.add_decision(demo_db, row.meeting_id, None, "To note the report.").value
    dialog = DecisionEditDialog(ctx, made)
    _show(dialog, qtbot)
    qtbot.keyClicks(dialog.text, " And to thank the team.")
    sam = _sam(demo_db)
    minutes.update_decision(sam, made.id, "To note the report with concern.")
    sam.close()

    _refused(dialog, qtbot, "decision")
    assert dialog.text.toPlainText() == "To note the report. And to thank the team."
    dialog.reload_button.click()
    assert dialog.text.toPlainText() == "To note the report with concern."
    _saved(dialog, qtbot)
    log = [r.text for r in minutes.decision_log(demo_db) if r.reference == made.reference]
    assert log == ["To note the report with concern."]
