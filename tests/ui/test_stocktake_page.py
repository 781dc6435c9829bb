"""The Stocktake page: its models without a window, then judging a requirement and pasting a
notice in the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from sendboard.domain.brag import Brag
from sendboard.services import stocktake
from sendboard.services.common.workspace import Database
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.stocktake.models import FLAG_BACKGROUND, AssessmentModel, CoverageModel
from ui.stocktake.page import StocktakePage

NOTICES = Path(__file__).parents[1] / "unit" / "notices"


def test_coverage_model_flags_and_colours(demo_db: Database) -> None:
    model = CoverageModel()
    model.set_rows(stocktake.coverage(demo_db))
    rows = {model.row_at(r).reference: r for r in range(model.rowCount())}
    flagged = model.index(rows["2h"], CoverageModel.FLAGS)
    assert flagged.data() == "Nothing linked"
    assert flagged.data(Qt.ItemDataRole.BackgroundRole) == QColor(FLAG_BACKGROUND)
    suggested = model.index(rows["2h"], CoverageModel.SUGGESTED)
    assert suggested.data() == "R Red"
    assert suggested.data(Qt.ItemDataRole.BackgroundRole) == QColor(Brag.RED.colour)
    assert model.index(rows["2"], CoverageModel.TEXT).data().startswith("(lead-in)")
    assert model.flagged() >= 1
    assessment = AssessmentModel()
    meeting_id = stocktake.next_stocktake(demo_db)
    assessment.set_rows(stocktake.draft_assessment(demo_db, meeting_id).requirements)
    row = next(r for r in range(assessment.rowCount()) if assessment.row_at(r).reference == "2d")
    assert assessment.index(row, AssessmentModel.PREVIOUS).data() == "R Red"


@pytest.fixture
def page(demo_db: Database, qtbot) -> Iterator[StocktakePage]:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    widget = StocktakePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.assessment_model.rowCount() > 0, timeout=10000)
    yield widget
    ctx.tasks.wait()


def test_judging_a_requirement_needs_a_reason_for_a_difference(page: StocktakePage, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert page.coverage_model.rowCount() == 24
    assert "Kingsmere Borough Council" in page.notice.text()
    assert page.events_model.rowCount() == 12
    page.tabs.setCurrentIndex(2)
    model = page.assessment_model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).reference == "2h")
    page.assessment_table.selectRow(row)
    assert page.chosen.text().startswith("<b>2h</b>")
    page.judgement.setCurrentIndex(page.judgement.findData(Brag.AMBER.value))
    page.narrative.setPlainText("A new alternative provision lead started this term.")
    page.save_button.click()
    qtbot.waitUntil(lambda: "give the reason" in page.problem.text(), timeout=10000)
    page.reason.setText("The AP strategy was relaunched with schools in the autumn.")
    with qtbot.waitSignal(page.ctx.bus.changed, timeout=10000):
        page.save_button.click()
    qtbot.waitUntil(
        lambda: model.index(row, AssessmentModel.JUDGEMENT).data() == "A Amber", timeout=10000
    )
    assert model.row_at(row).reason.startswith("The AP strategy")


def test_pasting_a_notice_previews_its_paragraphs(page: StocktakePage, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = page.paste_notice()
    dialog.text.setPlainText((NOTICES / "sefton-2019.txt").read_text(encoding="utf-8"))
    assert dialog.table.rowCount() == 25
    assert dialog.council.text() == "Sefton Council"
    assert [dialog.table.item(r, 0).text() for r in range(3, 6)] == ["3a", "3b", "3c"]
    assert dialog.table.item(2, 2).checkState() == Qt.CheckState.Unchecked  # 3 is a lead-in
    dialog.table.item(3, 0).setText("3(a)")
    draft = dialog.corrected()
    assert draft.requirements[3].reference == "3(a)"
    assert draft.issued_on.isoformat() == "2019-06-14"
    dialog.reject()


def test_a_notice_file_is_previewed_before_it_replaces_the_requirements(
    page: StocktakePage,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    from ui.common.import_preview import ImportPreviewDialog

    shown: list[ImportPreviewDialog] = []
    page.import_notice(NOTICES / "sefton-2019.txt", on_dialog=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    dialog = shown[0]
    assert dialog.windowTitle() == "Import the notice's requirements — sefton-2019.txt"
    assert page.coverage_model.rowCount() == 24  # nothing written by the preview
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(page.ctx.bus.changed, timeout=10000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: "Sefton Council" in page.notice.text(), timeout=10000)


def test_a_judgement_whose_data_moved_is_saved_again_against_todays_suggestion(
    page: StocktakePage, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from sendboard import clock
    from sendboard.services import actions
    from sendboard.services.actions.views import UpdateInput

    db, model = page.ctx.db, page.assessment_model
    meeting_id = page.assessment.meeting_id
    item = next(
        model.row_at(r)
        for r in range(model.rowCount())
        if model.row_at(r).suggested is Brag.GREEN and model.row_at(r).actions
    )
    stocktake.save_judgement(
        db, meeting_id, item.requirement_id, judgement=Brag.GREEN, suggested=Brag.GREEN
    )
    ids = {a.reference: a.id for a in actions.list_actions(db)}
    for rated in item.actions:
        if rated.letter in ("G", "A"):
            update = UpdateInput(ids[rated.reference], "Stalled.", Brag.RED, on=clock.today())
            actions.add_update(db, update)
    page.tabs.setCurrentIndex(2)
    page.refresh()
    row = next(r for r in range(model.rowCount()) if model.row_at(r).reference == item.reference)
    qtbot.waitUntil(lambda: model.row_at(row).data_suggested is not Brag.GREEN, timeout=10000)
    page.assessment_table.selectRow(row)
    # the saved suggestion stands in the table; the panel says how the data has moved
    assert model.index(row, AssessmentModel.SUGGESTED).data() == "G Green"
    assert "The data has moved since: it now suggests" in page.chosen.text()
    qtbot.wait(100)
    page.grab().save(str(tmp_path / "moved.png"))
    # saving it again is against today's suggestion, so Green now needs its reason
    page.save_button.click()
    qtbot.waitUntil(lambda: "give the reason" in page.problem.text(), timeout=10000)
    qtbot.keyClicks(page.reason, "Delays are with the supplier; the work itself is on track.")
    with qtbot.waitSignal(page.ctx.bus.changed, timeout=10000):
        page.save_button.click()
    qtbot.waitUntil(lambda: model.row_at(row).reason.startswith("Delays"), timeout=10000)
    assert model.row_at(row).suggested is model.row_at(row).data_suggested
