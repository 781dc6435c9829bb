"""The Actions page over the demo log: filters, highlights, BRAG cells, and the update round."""

from __future__ import annotations

from datetime import date

import pytest

from PySide6.QtCore import Qt

from sendboard.domain.actions import ActionStatus
from sendboard.domain.brag import Brag
from sendboard.services import actions
from ui.actions.edit import ActionDialog
from ui.actions.filter_model import ActionFilter, ActionsFilterProxy
from ui.actions.page import ActionsPage
from ui.actions.table import BRAG_ROLE, ActionsTableModel, Column
from ui.actions.update_round import UpdateRoundDialog
from ui.app import make_context


@pytest.fixture
def ctx(demo_db):
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


#: The demo log: 12 actions in each of five priority areas, and six arising from minutes.
DEMO_ACTIONS = 66


@pytest.fixture
def page(qtbot, ctx):
    widget = ActionsPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.activate()
    qtbot.waitUntil(lambda: widget.model.rowCount() == DEMO_ACTIONS, timeout=10000)
    return widget


def test_model_and_proxy_filter_without_a_window(demo_db) -> None:
    views = actions.list_actions(demo_db)
    model = ActionsTableModel()
    model.set_rows(views)
    proxy = ActionsFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == DEMO_ACTIONS
    proxy.set_filter(ActionFilter(text="local offer"))
    shown = [
        model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(proxy.rowCount())
    ]
    texts = [f"{v.title} {v.target}".lower() for v in shown]
    assert texts and all("local" in t and "offer" in t for t in texts)  # every word, anywhere
    proxy.set_filter(ActionFilter(text="helen  MARSH"))
    assert {v.owner_name for v in views if v.id in proxy.action_ids()} == {"Helen Marsh"}
    proxy.set_filter(ActionFilter(highlighted_only=True))
    assert proxy.rowCount() == sum(1 for v in views if v.highlights)
    assert all(proxy.index(r, Column.HIGHLIGHTS).data() for r in range(proxy.rowCount()))
    proxy.set_filter(ActionFilter(organisation="Dunmoor College", status=ActionStatus.OPEN))
    expected = [v for v in views if "Dunmoor College" in v.organisations and v.status == "open"]
    assert proxy.rowCount() == len(expected) > 0
    proxy.set_filter(ActionFilter(brag=Brag.RED))
    letters = {proxy.index(r, Column.PROGRESS).data(BRAG_ROLE) for r in range(proxy.rowCount())}
    assert letters == {"R"}


def test_sorting_happens_in_the_model_and_keeps_the_filter(demo_db) -> None:
    model = ActionsTableModel()
    model.set_rows(actions.list_actions(demo_db))
    proxy = ActionsFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(ActionFilter(text="p2."))
    proxy.sort(Column.REFERENCE, Qt.SortOrder.DescendingOrder)
    refs = [proxy.index(r, Column.REFERENCE).data().lstrip("⚑ ") for r in range(proxy.rowCount())]
    assert refs[0] == "P2.12" and refs[-1] == "P2.01" and len(refs) == 12


def test_page_shows_the_demo_log_with_highlights(page) -> None:
    assert "Dunmoor College" in page.partners.text()
    assert "actions slow or overdue" in page.partners.text()
    assert page.proxy.rowCount() < DEMO_ACTIONS  # open only, at first
    page.filters.highlighted.setChecked(True)
    highlighted = page.proxy.rowCount()
    assert 0 < highlighted < DEMO_ACTIONS
    reasons = page.proxy.index(0, Column.HIGHLIGHTS).data()
    assert reasons
    assert reasons in page.proxy.index(0, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    page.filters.highlighted.setChecked(False)
    page.filters.status.setCurrentIndex(page.filters.status.findData(None))
    assert page.proxy.rowCount() == DEMO_ACTIONS
    page.filters.area.setCurrentIndex(page.filters.area.findText("P3"))
    assert page.proxy.rowCount() == 12
    page.filters.search.setText("zzz no such action")
    assert page.proxy.rowCount() == 0
    assert f"Showing 0 of {DEMO_ACTIONS}" in page.count.text()


def test_selecting_a_row_shows_its_full_history(qtbot, page) -> None:
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.detail is not None, timeout=5000)
    detail = page.detail.detail
    assert detail.row.id == page.selected_id()
    assert f"{len(detail.updates)} updates" in page.detail.history.toPlainText()


def test_update_round_saves_a_row_from_the_keyboard(qtbot, ctx, demo_db) -> None:
    rows = actions.update_round(demo_db)
    assert rows
    first = rows[0]
    before = len(actions.action_history(demo_db, first.id))
    dialog = UpdateRoundDialog(ctx, rows)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.text, "Two posts filled; training booked")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert "\t" not in dialog.text.toPlainText()  # Tab moves on to the rating boxes
    qtbot.keyClick(dialog.progress, Qt.Key.Key_A)
    qtbot.keyClick(dialog.progress, Qt.Key.Key_G, Qt.KeyboardModifier.ShiftModifier)
    assert (dialog.progress.value(), dialog.impact.value()) == (Brag.AMBER, Brag.GREEN)
    qtbot.keyClick(dialog.progress, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.position == 1, timeout=5000)
    history = actions.action_history(demo_db, first.id)
    assert len(history) == before + 1
    latest = history[-1]
    assert (latest.text, latest.progress, latest.impact, latest.on) == (
        "Two posts filled; training booked",
        Brag.AMBER,
        Brag.GREEN,
        date.today(),
    )
    assert dialog.text.toPlainText() == "" and dialog.progress.value() is None
    assert "Action 2 of" in dialog.counter.text()


def test_update_round_needs_a_progress_rating(qtbot, ctx, demo_db) -> None:
    rows = actions.update_round(demo_db)
    dialog = UpdateRoundDialog(ctx, rows)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.text, "Something")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert "Rate progress" in dialog.error.text()
    assert dialog.position == 0


def test_edit_dialog_refuses_a_changed_original_due_inline(qtbot, ctx, demo_db) -> None:
    view = next(v for v in actions.list_actions(demo_db) if v.revised_due is None)
    detail = actions.get_action(demo_db, view.id)
    dialog = ActionDialog(ctx, actions.action_options(demo_db), detail)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.original_due.isEnabled()
    later = date.today().year + 3
    dialog.revised_due.setText(f"01/01/{later}")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert "reason" in dialog.error.text()
    dialog.revised_due.setText(f"31/02/{later}")
    dialog.save()
    assert "Revised due date" in dialog.error.text()


def test_new_action_dialog_numbers_the_reference(qtbot, ctx, demo_db) -> None:
    options = actions.action_options(demo_db)
    dialog = ActionDialog(ctx, options)
    qtbot.addWidget(dialog)
    dialog.title.setText("Run a transitions fair")
    dialog.area.setCurrentIndex(dialog.area.findData(options.priority_areas[4].id))
    dialog.owner.setCurrentIndex(dialog.owner.findData(options.people[0].id))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=5000)
    assert dialog.result_value.row.reference == "P5.13"
    assert dialog.result_value.row.board_name.startswith("Sub-group 5")
