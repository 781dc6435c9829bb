"""Measures are added and edited in the window (name, definition, unit, direction, source,
owner, frequency, baseline, 3/6/12/24-month targets, further milestones), and the notice date
the targets count from is set on the Settings page."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from sendboard.domain.measures import Direction, Frequency
from sendboard.services import actions, measures
from sendboard.services.common.workspace import Database
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.performance.measure_dialog import MeasureDialog
from ui.performance.page import PerformancePage
from ui.settings.page import SettingsPage


def _ctx(db: Database) -> AppContext:
    return AppContext(db, TaskRunner(), ChangeBus())


def _save(qtbot, dialog: MeasureDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save()


def test_a_new_measure_is_saved_with_its_targets(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    ctx = _ctx(demo_db)
    options = actions.action_options(demo_db)
    dialog = MeasureDialog(ctx, options)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.area.set_value(options.priority_areas[1].id)
    dialog.name.setText("Children with an EHC plan in a mainstream school")
    dialog.definition.setPlainText("Share of children with a plan placed in mainstream.")
    dialog.unit.setText("%")
    dialog.direction.setCurrentIndex(dialog.direction.findData(Direction.HIGHER.value))
    dialog.frequency.setCurrentIndex(dialog.frequency.findData(Frequency.TERMLY.value))
    dialog.source.setText("SEN2 return")
    dialog.owner.set_value(options.people[0].id)
    dialog.baseline.setText("41.5")
    dialog.baseline_date.setText("31/03/2026")
    for months, value in ((3, "42"), (6, "44"), (12, "48"), (24, "55%")):
        dialog.targets[months].setText(value)
    dialog.add_milestone()
    dialog.milestones.item(0, 0).setText("31/03/2029")
    dialog.milestones.item(0, 1).setText("60")
    dialog.milestones.item(0, 2).setText("Three years on")
    _save(qtbot, dialog)
    saved = measures.get_measure(demo_db, dialog.result_value.id)
    assert saved.name == "Children with an EHC plan in a mainstream school"
    assert saved.reference.startswith(options.priority_areas[1].label + "-M")
    assert (saved.unit, saved.direction, saved.frequency) == (
        "%",
        Direction.HIGHER,
        Frequency.TERMLY,
    )
    assert type(saved.frequency) is Frequency and saved.frequency.label_for(date(2026, 12, 31))
    assert (saved.baseline_value, saved.baseline_date) == (41.5, date(2026, 3, 31))
    assert [saved.target(m) for m in (3, 6, 12, 24)] == [42, 44, 48, 55]
    assert [(t.due, t.value, t.label) for t in saved.further] == [
        (date(2029, 3, 31), 60, "Three years on")
    ]
    assert saved.owner_id == options.people[0].id and saved.data_source == "SEN2 return"


def test_editing_keeps_what_is_not_changed(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    view = next(v for v in measures.list_measures(demo_db) if v.target(12) is not None)
    dialog = MeasureDialog(_ctx(demo_db), actions.action_options(demo_db), view)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == view.name and dialog.reference.text() == view.reference
    dialog.targets[12].setText("99")
    _save(qtbot, dialog)
    after = measures.get_measure(demo_db, view.id)
    assert after.target(12) == 99
    assert after.target(24) == view.target(24) and after.baseline_value == view.baseline_value
    assert after.definition == view.definition and after.owner_id == view.owner_id


def test_a_bad_target_or_milestone_is_named_in_the_form(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    dialog = MeasureDialog(_ctx(demo_db), actions.action_options(demo_db))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Waiting time")
    dialog.targets[6].setText("soon")
    dialog.save()
    assert "The 6-month target must be a number" in dialog.error.text()
    assert dialog.isVisible()
    dialog.targets[6].setText("")
    dialog.add_milestone()
    dialog.milestones.item(0, 1).setText("12")
    dialog.save()
    assert "Further milestone 1 needs a due date" in dialog.error.text()
    dialog.milestones.removeRow(0)
    dialog.baseline.setText("10")
    _save_refused = dialog.save()
    qtbot.waitUntil(lambda: "baseline" in dialog.error.text().lower(), timeout=10000)
    assert _save_refused is None and dialog.isVisible()


def test_the_page_opens_the_form_for_the_chosen_measure(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    page = PerformancePage(_ctx(demo_db))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: bool(page.views))
    assert not page.buttons["edit"].isEnabled()
    page.canvas.choose(0)
    chosen = page.chosen_view()
    assert chosen is not None and page.buttons["edit"].isEnabled()
    page.buttons["edit"].click()
    qtbot.waitUntil(lambda: isinstance(page.form, MeasureDialog) and page.form.isVisible())
    assert page.form.name.text() == chosen.name
    page.form.reject()
    page.form = None
    page.buttons["new"].click()
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible())
    assert page.form.windowTitle() == "New measure"
    page.form.reject()
    page.ctx.tasks.wait()


def test_a_measure_with_values_is_not_deleted(qtbot, demo_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = PerformancePage(_ctx(demo_db))
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: bool(page.views))
    page.canvas.choose(0)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("ui.performance.page.show_error", lambda _w, exc: shown.append(str(exc)))
    page.buttons["delete"].click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "cannot be deleted" in shown[0]
    page.ctx.tasks.wait()


def test_the_notice_date_is_set_on_the_settings_page(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(_ctx(demo_db))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    before = measures.get_notice_date(demo_db)
    qtbot.waitUntil(lambda: page.notice.notice_date.value() == before, timeout=10000)
    page.notice.notice_date.set_value(date(2026, 5, 14))
    page.notice.save_button.click()
    qtbot.waitUntil(lambda: "Saved" in page.notice.message.text(), timeout=10000)
    assert measures.get_notice_date(demo_db) == date(2026, 5, 14)
    page.ctx.tasks.wait()
