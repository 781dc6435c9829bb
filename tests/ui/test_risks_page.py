"""The Risks page on the demo register: table model, filters, heat map clicks, as-at view."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from PySide6.QtCore import QDate, Qt

from sendboard.domain.risk import RiskStatus
from sendboard.domain.wording import prose_date
from sendboard.services import risks
from sendboard.services.common.workspace import Database
from sendboard.services.risks.register import heat_counts
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.risks.model import (
    INHERENT,
    REF,
    RESIDUAL,
    REVIEWED,
    RiskFilter,
    RiskFilterProxy,
    RiskTableModel,
)
from ui.risks.page import RisksPage

pytestmark = pytest.mark.dated


def test_model_shows_scores_in_band_colours(demo_db: Database) -> None:
    views = risks.list_risks(demo_db)
    model = RiskTableModel()
    model.set_rows(views)
    assert model.rowCount() == 25
    index = model.index(0, RESIDUAL)
    rating = views[0].residual
    assert model.data(index).startswith(rating.text)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color().name() == rating.band.colour
    assert model.data(model.index(0, REF)) == views[0].reference


def test_proxy_filters_and_sorts_worst_first(demo_db: Database) -> None:
    views = risks.list_risks(demo_db)
    model = RiskTableModel()
    model.set_rows(views)
    proxy = RiskFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(RESIDUAL, Qt.SortOrder.DescendingOrder)
    scores = [proxy.view_at(r).residual.score for r in range(proxy.rowCount())]
    assert scores == sorted(scores, reverse=True)
    assert all(proxy.view_at(r).live for r in range(proxy.rowCount()))
    proxy.set_filter(RiskFilter(status=RiskStatus.CLOSED.value))
    assert proxy.rowCount() == sum(1 for v in views if v.status is RiskStatus.CLOSED) > 0
    proxy.set_filter(RiskFilter(status=None, category="Compliance"))
    assert proxy.rowCount() == sum(1 for v in views if v.category == "Compliance")
    proxy.set_filter(RiskFilter(status=None, band="Low"))
    assert {proxy.view_at(r).residual.label for r in range(proxy.rowCount())} == {"Low"}


@pytest.fixture
def page(demo_db: Database, qtbot) -> Iterator[RisksPage]:  # type: ignore[no-untyped-def]
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    widget = RisksPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.data is not None)
    yield widget
    ctx.tasks.wait()


def _refs(page: RisksPage) -> set[str]:
    return {page.proxy.view_at(r).reference for r in range(page.proxy.rowCount())}


def test_clicking_a_cell_filters_the_table(page: RisksPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    live = [v for v in page.model.rows() if v.live]
    counts = heat_counts(live, "residual")
    cell, count = max(counts.items(), key=lambda item: item[1])
    assert page.heat_map.cells[cell].text().startswith(f"{count}\n")
    assert page.proxy.rowCount() == len(live)
    qtbot.mouseClick(page.heat_map.cells[cell], Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == count
    assert all(
        (v.residual.likelihood, v.residual.impact) == cell
        for v in (page.proxy.view_at(r) for r in range(page.proxy.rowCount()))
    )
    assert "click it again to clear" in page.count.text()
    qtbot.mouseClick(page.heat_map.cells[cell], Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == len(live)


def test_switching_to_inherent_recounts(page: RisksPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    live = [v for v in page.model.rows() if v.live]
    page.heat_map.set_kind("inherent")
    expected = heat_counts(live, "inherent")
    assert page.heat_map.counts == expected
    cell = next(iter(expected))
    qtbot.mouseClick(page.heat_map.cells[cell], Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == expected[cell]
    assert {page.proxy.view_at(0).inherent.cell} == {f"{cell[0]}×{cell[1]}"}
    assert page.proxy.index(0, INHERENT).data() == page.proxy.view_at(0).inherent.text


def test_selecting_a_risk_shows_history_and_movement(page: RisksPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.table.selectRow(0)
    view = page.current()
    assert view is not None
    qtbot.waitUntil(lambda: view.reference in page.detail.browser.toPlainText())
    text = page.detail.browser.toPlainText()
    assert "Review history" in text and "Since the last review" in text
    assert view.residual.text in text


def test_as_at_shows_the_past_register(page: RisksPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    today_total = page.model.rowCount()
    page.as_at.date.setDate(QDate(2026, 2, 1))
    page.as_at.toggle.setChecked(True)
    qtbot.waitUntil(lambda: "as at 1 February 2026" in page.heading.text())
    assert 0 < page.model.rowCount() < today_total
    assert not page.buttons["new"].isEnabled()
    assert all(v.created_on <= date(2026, 2, 1) for v in page.model.rows())
    page.as_at.toggle.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == today_total)
    assert page.buttons["new"].isEnabled()


def test_not_reviewed_filter_and_column(page: RisksPage) -> None:
    page.filters.not_reviewed.setChecked(True)
    assert all(page.proxy.view_at(r).not_reviewed for r in range(page.proxy.rowCount()))
    page.filters.reset()
    assert page.proxy.index(0, REVIEWED).data()


def test_export_buttons_write_the_register_and_plan(
    page: RisksPage, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "from-window"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel workbook (*.xlsx)")
    )
    page.buttons["export"].click()
    written = target.with_suffix(".xlsx")
    qtbot.waitUntil(written.exists)
    sheet = load_workbook(written).active
    assert sheet.cell(1, 1).value == "Ref" and sheet.max_row == 26
    written.unlink()
    page.buttons["plan"].click()
    qtbot.waitUntil(written.exists)
    assert load_workbook(written).active.cell(1, 8).value == "Mitigating action"


def test_import_dialog_previews_then_imports(demo_db: Database, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.risks.import_dialog import RiskImportDialog

    source = tmp_path / "in.csv"
    source.write_text(
        "Ref,Risk,Owner,Likelihood,Impact,Inherent\nR77,Imported risk,Helen Marsh,2,2,3x3\n",
        encoding="utf-8",
    )
    ctx = AppContext(demo_db, TaskRunner(), ChangeBus())
    dialog = RiskImportDialog(ctx, source)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.import_button.isEnabled)
    assert "1 new" in dialog.summary.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: any(v.reference == "R77" for v in risks.list_risks(demo_db)))
    ctx.tasks.wait()


def test_meeting_flags_and_as_at_meeting(page: RisksPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime, timedelta

    from sqlalchemy import select

    from sendboard.domain.meetings import MeetingStatus
    from sendboard.store.models import Board, Meeting

    held = datetime.combine(date.today() - timedelta(days=1), datetime.min.time()).replace(hour=14)
    with page.ctx.db.write() as session:
        board = session.scalar(select(Board).where(Board.name == "SEND Improvement Board"))
        session.add(
            Meeting(
                board=board,
                title="Board",
                starts_at=held,
                ends_at=held + timedelta(hours=2),
                status=MeetingStatus.HELD,
            )
        )
    before = page.as_at.meeting.count()
    page.refresh()
    qtbot.waitUntil(lambda: page.as_at.meeting.count() == max(before, 1) + 1)
    on_board = [v for v in page.model.rows() if v.live and v.board == "SEND Improvement Board"]
    assert on_board and all(v.not_reviewed for v in on_board if v.last_reviewed < held.date())
    flagged = [v for v in page.model.rows() if v.not_reviewed]
    page.filters.not_reviewed.setChecked(True)
    assert page.proxy.rowCount() == len(flagged) > 0
    assert page.proxy.index(0, REVIEWED).data().startswith("⚠")
    days = [page.as_at.meeting.itemData(i) for i in range(page.as_at.meeting.count())]
    index = days.index(held.date())
    page.as_at.meeting.setCurrentIndex(index)
    page.as_at.meeting.activated.emit(index)
    qtbot.waitUntil(lambda: f"as at {prose_date(held)}" in page.heading.text())


def _select(page: RisksPage, status: RiskStatus) -> None:
    page.filters.reset()
    page.proxy.set_filter(RiskFilter(status=status.value))
    page.table.selectRow(0)
    assert page.current() is not None and page.current().status is status


def test_greyed_out_buttons_say_why_for_a_closed_risk_and_the_past_register(
    page: RisksPage, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _select(page, RiskStatus.CLOSED)
    assert not page.buttons["review"].isEnabled()
    assert "closed" in page.buttons["review"].toolTip()
    assert not page.buttons["escalate"].isEnabled()
    assert "only an open risk" in page.buttons["escalate"].toolTip().lower()
    assert page.buttons["edit"].isEnabled() and not page.buttons["edit"].toolTip()

    page.as_at.date.setDate(QDate(2026, 2, 1))
    page.as_at.toggle.setChecked(True)
    qtbot.waitUntil(lambda: "as at" in page.heading.text())
    for key in ("new", "edit", "delete", "import", "scales"):
        button = page.buttons[key]
        assert not button.isEnabled() and "past date" in button.toolTip(), key
    for button in (page.detail.link_button, page.detail.unlink_button):
        assert not button.isEnabled() and "past date" in button.toolTip()
    page.as_at.toggle.setChecked(False)
    qtbot.waitUntil(lambda: page.buttons["new"].isEnabled())
    assert not page.buttons["new"].toolTip()  # available again: the reason goes
