"""The Action log highlights group on the Settings page: thresholds saved, and the log follows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from sendboard import clock
from sendboard.domain.brag import Brag
from sendboard.domain.governance import BoardKind
from sendboard.services import actions
from sendboard.services.actions import ActionInput, UpdateInput
from sendboard.services.common.workspace import Database
from sendboard.store.models import Board
from ui.actions.page import ActionsPage
from ui.actions.table import Column
from ui.app import make_context
from ui.context import AppContext
from ui.settings.page import SettingsPage


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


def red_twice(db: Database) -> actions.ActionView:
    """An action of a board with no meetings (31-day cycles), Red in each of the last two."""
    with db.write() as session:
        board = Board(name="Task and finish group", kind=BoardKind.SUB_GROUP)
        session.add(board)
        session.flush()
        board_id = board.id
    owner = actions.action_options(db).people[0].id
    made = actions.create_action(
        db, ActionInput("Audit the annual reviews", owner, board_id=board_id)
    )
    today = clock.today()
    for days_ago in (40, 1):
        on = today - timedelta(days=days_ago)
        actions.add_update(db, UpdateInput(made.value.row.id, "Stuck", Brag.RED, on=on))
    found = next(v for v in actions.list_actions(db) if v.id == made.value.row.id)
    assert found.highlights == ("Red at the last 2 meetings",)
    return found


def test_raising_the_red_run_changes_the_highlight_on_the_actions_page(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    target = red_twice(demo_db)
    total = len(actions.list_actions(demo_db))
    actions_page = ActionsPage(ctx)
    qtbot.addWidget(actions_page)
    actions_page.show()
    actions_page.activate()
    qtbot.waitUntil(lambda: actions_page.model.rowCount() == total, timeout=10000)

    def shown_reason() -> str:
        row = actions_page.model.row_of(target.id)
        return str(actions_page.model.index(row, Column.HIGHLIGHTS).data())

    assert shown_reason() == "Red at the last 2 meetings"

    settings = SettingsPage(ctx)
    qtbot.addWidget(settings)
    settings.show()
    settings.activate()
    group = settings.highlights
    red = group.spins["red_run"]
    qtbot.waitUntil(lambda: red.value() == 2)
    assert group.spins["partner_share"].value() == 50
    assert group.labels["red_run"].buddy() is red

    red.setFocus()
    red.selectAll()
    qtbot.keyClicks(red, "3")
    assert red.value() == 3
    qtbot.mouseClick(group.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: group.message.text().startswith("Saved"))
    assert actions.get_thresholds(demo_db).red_run == 3
    now = next(v for v in actions.list_actions(demo_db) if v.id == target.id)
    assert "Red at the last 2 meetings" not in now.highlights
    qtbot.waitUntil(lambda: shown_reason() != "Red at the last 2 meetings")


def test_partner_share_is_saved_as_a_fraction_and_blank_is_refused(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    settings = SettingsPage(ctx)
    qtbot.addWidget(settings)
    settings.show()
    settings.activate()
    group = settings.highlights
    qtbot.waitUntil(lambda: group.spins["cycle_days"].value() == 31)
    group.spins["partner_share"].setValue(25)
    group.spins["partner_min_actions"].setValue(5)
    group.save()
    qtbot.waitUntil(lambda: group.message.text().startswith("Saved"))
    saved = actions.get_thresholds(demo_db)
    assert saved.partner_share == 0.25 and saved.partner_min_actions == 5

    cycle = group.spins["cycle_days"]
    cycle.lineEdit().clear()
    group.save()
    assert "Enter a whole number from 1 to 366" in group.message.text()
    assert "meeting cycle" in group.message.text()
    assert cycle.hasFocus()
    ctx.tasks.wait()
    assert actions.get_thresholds(demo_db).cycle_days == 31  # nothing saved
