"""The Stocktake page's dialogs: linking what answers a requirement and adding its evidence from
the coverage view, adding and changing an engagement event with its files, and choosing the
requirements a risk answers from the risk's end."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from sendboard import clock
from sendboard.domain.stocktake.judgement import Flag
from sendboard.services import risks, stocktake
from sendboard.services.common.workspace import Database
from ui.common.checklist import Checklist
from ui.common.requirement_picker import RequirementPicker, open_picker
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.stocktake.event_dialog import EventDialog
from ui.stocktake.evidence_dialog import EvidenceDialog
from ui.stocktake.links_dialog import RequirementDialog
from ui.stocktake.page import StocktakePage

#: Set SENDBOARD_SHOTS to a folder to keep a picture of each dialog as the test leaves it.
SHOTS = os.environ.get("SENDBOARD_SHOTS")


def _grab(widget: QWidget, name: str) -> None:
    image = widget.grab()
    assert not image.isNull() and image.width() <= 1280 and image.height() <= 800
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(SHOTS) / f"{name}.png"))


def _row(db: Database, reference: str) -> stocktake.CoverageRow:
    return next(r for r in stocktake.coverage(db) if r.reference == reference)


def _tick(checklist: Checklist, starts: str) -> None:
    for row in range(checklist.list.count()):
        item = checklist.list.item(row)
        if item.text().startswith(starts):
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"nothing starting {starts}")


@pytest.fixture
def page(demo_db: Database, qtbot: QtBot) -> Iterator[StocktakePage]:
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    widget = StocktakePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.coverage_model.rowCount() > 0, timeout=10000)
    yield widget
    ctx.tasks.wait()


def test_linking_and_evidence_from_the_coverage_view(
    page: StocktakePage, qtbot: QtBot, tmp_path: Path
) -> None:
    db = page.ctx.db
    assert _row(db, "2h").flags == (Flag.NOTHING_LINKED,)
    model = page.coverage_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).reference == "2h")
    page.coverage_table.selectRow(row)
    page.link_button.click()
    qtbot.waitUntil(lambda: page.links_dialog is not None and page.links_dialog.isVisible())
    dialog = page.links_dialog
    assert isinstance(dialog, RequirementDialog)
    assert dialog.windowTitle() == "Requirement 2h: what answers it"
    assert dialog.actions.ticked() == [] and dialog.evidence.count() == 1  # the hint
    first_action = dialog.actions.list.item(0).text().split()[0]
    dialog.actions.filter.setText(first_action)
    visible = [
        dialog.actions.list.item(r)
        for r in range(dialog.actions.list.count())
        if not dialog.actions.list.item(r).isHidden()
    ]
    assert [i.text().split()[0] for i in visible] == [first_action]
    _tick(dialog.actions, first_action)
    _tick(dialog.risks, "R")
    assert "(1 linked)" in dialog.actions.caption.text()

    audit = tmp_path / "AP audit.pdf"
    audit.write_bytes(b"%PDF-1.4 audit")
    evidence = dialog.add_evidence()
    assert isinstance(evidence, EvidenceDialog)
    evidence.save()
    qtbot.waitUntil(lambda: not evidence.error.isHidden())
    assert "title" in evidence.error.text()
    evidence.title.setText("Alternative provision audit")
    evidence.file.setText(str(audit))
    with qtbot.waitSignal(page.ctx.bus.changed, timeout=10000):
        evidence.save()
    qtbot.waitUntil(
        lambda: dialog.evidence.count() == 1 and "audit" in dialog.evidence.item(0).text()
    )
    assert dialog.evidence.item(0).text().endswith("[AP audit.pdf]")
    dialog.evidence.setCurrentRow(0)
    assert dialog.copy_button.isEnabled()
    dialog.resize(1120, 720)
    _grab(dialog, "requirement-links")

    with qtbot.waitSignal(page.ctx.bus.changed, timeout=10000):
        dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    saved = _row(db, "2h")
    assert [a.reference for a in saved.actions] == [first_action]
    assert len(saved.risks) == 1 and saved.evidence == ("Alternative provision audit",)
    assert Flag.NOTHING_LINKED not in saved.flags
    qtbot.waitUntil(lambda: model.index(row, model.ACTIONS).data().startswith(first_action))


def test_adding_and_changing_an_engagement_event_with_files(
    page: StocktakePage, qtbot: QtBot, tmp_path: Path
) -> None:
    tab = page.engagement
    before = tab.model.rowCount()
    tab.new_event()
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    assert isinstance(dialog, EventDialog)
    dialog.held_on.setText("31/02/2026")
    dialog.title.setText("Transitions workshop with secondary SENCOs")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.error.isHidden())
    assert "31/02/2026" in dialog.error.text()
    dialog.held_on.set_value(clock.today())
    dialog.format.setCurrentIndex(dialog.format.findData("workshop"))
    _tick(dialog.participants, "Schools and settings")
    dialog.others.setText("Educational psychologists")
    dialog.number.setValue(23)
    dialog.said.setPlainText("Transfer paperwork arrives after the summer.")
    dialog.changed.setPlainText("Plans now move in the spring term.")
    _tick(dialog.requirements, "2h")
    notes = tmp_path / "workshop notes.docx"
    notes.write_bytes(b"notes")
    dialog.add_files([notes])
    assert dialog.files.item(0).text() == "workshop notes.docx (attached when saved)"
    _grab(dialog, "event-new")
    with qtbot.waitSignal(page.ctx.bus.changed, timeout=10000):
        dialog.save()
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1, timeout=10000)
    made = next(e for e in stocktake.list_events(page.ctx.db) if e.title.startswith("Transitions"))
    assert made.participants == ("Schools and settings", "Educational psychologists")
    assert (made.number, made.requirements, made.files) == (23, ("2h",), ("workshop notes.docx",))
    assert made.format.value == "workshop"

    tab.table.selectRow(
        next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).id == made.id)
    )
    tab.edit_event()
    qtbot.waitUntil(lambda: tab.dialog is not dialog and tab.dialog.isVisible())
    edit = tab.dialog
    assert edit.title.text() == made.title and edit.number.value() == 23
    assert edit.participants.ticked() == ["Schools and settings"]
    assert edit.others.text() == "Educational psychologists"
    assert edit.files.item(0).text() == "workshop notes.docx"
    edit.number.setValue(edit.number.minimum())  # not counted
    with qtbot.waitSignal(page.ctx.bus.changed, timeout=10000):
        edit.save()
    qtbot.waitUntil(lambda: edit.result() == QDialog.DialogCode.Accepted)
    changed = next(e for e in stocktake.list_events(page.ctx.db) if e.id == made.id)
    assert changed.number is None and changed.files == ("workshop notes.docx",)
    assert _row(page.ctx.db, "2h").engagement[-1].endswith(made.title)


def test_choosing_the_requirements_a_risk_answers(demo_db: Database, qtbot: QtBot) -> None:
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    parent = QWidget()
    qtbot.addWidget(parent)
    view = risks.list_risks(demo_db)[0]
    item = stocktake.Choice(view.id, view.reference, view.title)
    opened: list[RequirementPicker] = []
    original = RequirementPicker.start

    def keep(self: RequirementPicker, on_saved=None) -> RequirementPicker:  # type: ignore[no-untyped-def]
        opened.append(self)
        return original(self, on_saved)

    RequirementPicker.start = keep  # type: ignore[method-assign]
    try:
        open_picker(ctx, parent, "risk", item)
        qtbot.waitUntil(lambda: bool(opened))
    finally:
        RequirementPicker.start = original  # type: ignore[method-assign]
    picker = opened[0]
    linked_before = set(picker.requirements.ticked())
    assert linked_before == set(stocktake.requirements_of(demo_db, "risk", view.id))
    _tick(picker.requirements, "2h ")
    _grab(picker, "risk-requirements")
    with qtbot.waitSignal(ctx.bus.changed, timeout=10000):
        picker.save()
    qtbot.waitUntil(lambda: picker.result() == QDialog.DialogCode.Accepted)
    assert view.reference in [r.reference for r in _row(demo_db, "2h").risks]
    ctx.tasks.wait()


def _picker() -> RequirementPicker | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, RequirementPicker)]
    return next((w for w in found if w.isVisible()), None)


@pytest.mark.parametrize("key", ["actions", "risks", "performance"])
def test_requirements_button_on_the_items_own_page(
    demo_db: Database, qtbot: QtBot, key: str
) -> None:
    from ui.app import make_context
    from ui.main_window import MainWindow

    window = MainWindow(make_context(demo_db))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    shown = window.show_page(key)
    if key == "performance":
        qtbot.waitUntil(lambda: bool(shown.views), timeout=10000)
        shown.canvas.choose_id(shown.views[0].id)
        expected = shown.chosen.reference
        shown.buttons["requirements"].click()
    elif key == "risks":
        qtbot.waitUntil(lambda: shown.proxy.rowCount() > 0, timeout=10000)
        shown.table.selectRow(0)
        expected = shown.current().reference
        shown.buttons["requirements"].click()
    else:
        qtbot.waitUntil(lambda: shown.proxy.rowCount() > 0, timeout=10000)
        shown.table.selectRow(0)
        qtbot.waitUntil(lambda: shown.detail.detail is not None, timeout=10000)
        expected = shown.detail.detail.row.reference
        shown.link_requirements()
    qtbot.waitUntil(lambda: _picker() is not None, timeout=10000)
    picker = _picker()
    assert picker.windowTitle() == f"Requirements {expected} answers"
    picker.reject()
    window.ctx.tasks.wait()
