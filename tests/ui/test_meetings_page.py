from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from sendboard.domain.meetings import MeetingStatus
from sendboard.services import meetings
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import agenda
from ui.app import make_context
from ui.common import meeting_rows as columns
from ui.common.meeting_rows import MeetingFilterProxy, MeetingTableModel
from ui.context import AppContext
from ui.meetings.agenda_tab import AgendaTab
from ui.meetings.page import MeetingsPage
from ui.meetings.view import TABS

pytestmark = pytest.mark.dated

TODAY = date(2026, 11, 23)


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


def _settle(ctx: AppContext, qtbot: QtBot) -> None:
    for _ in range(5):
        ctx.tasks.wait()
        qtbot.wait(10)


def test_model_lists_upcoming_first_and_filters(pinned_demo_db: Database) -> None:
    views = meetings.list_meetings(pinned_demo_db, include_past=True)
    model = MeetingTableModel()
    proxy = MeetingFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(views, TODAY)
    proxy.sort(columns.DATE, Qt.SortOrder.AscendingOrder)
    upcoming = [v for v in views if v.starts_at.date() >= TODAY]
    assert proxy.rowCount() == len(upcoming) > 0
    assert proxy.index(0, columns.DATE).data() == "Tue 24 Nov 2026"
    proxy.set_show_past(True)
    assert proxy.rowCount() == len(views)
    # past meetings follow the upcoming ones, newest first
    assert proxy.view_at(len(upcoming)).starts_at.date() < TODAY
    assert proxy.view_at(len(upcoming)).starts_at > proxy.view_at(len(upcoming) + 1).starts_at
    board_id = next(v.board_id for v in views if v.board_name == "SEND Improvement Board")
    proxy.set_board(board_id)
    assert proxy.rowCount() == 24 + 2  # monthly meetings and two stocktakes
    cancelled = next(
        proxy.index(r, columns.STATUS).data()
        for r in range(proxy.rowCount())
        if proxy.view_at(r).starts_at.month == 8
    )
    assert cancelled == "Cancelled"
    december = next(r for r in range(proxy.rowCount()) if proxy.view_at(r).starts_at.month == 12)
    assert proxy.index(december, columns.PAPERS_DEADLINE).data() == "Wed 25 Nov 2026"


def test_agenda_tab_is_registered_first() -> None:
    assert TABS[0] is AgendaTab


def test_page_shows_meetings_and_agenda_and_reorders_with_keyboard(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()
    page.show_past.setChecked(True)
    page.refresh()
    qtbot.waitUntil(lambda: page.proxy.rowCount() > 40)
    assert page.board_filter.count() == 1 + 8  # all boards, and each board

    december = next(
        v
        for v in meetings.list_meetings(demo_db, include_past=True)
        if v.board_name == "SEND Improvement Board" and v.starts_at.month == 12
    )
    page._select(december.id)
    assert page.current_id() == december.id
    header = page.panel.header.text()
    assert "SEND Improvement Board" in header and "Wed 25 Nov 2026" in header

    tab = page.panel.tab_pages[0]
    assert isinstance(tab, AgendaTab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 9)
    before = [i.title for i in agenda.get_agenda(demo_db, december.id).items]
    assert tab.model.index(0, 1).data() == before[0]
    assert any(
        "SEND sufficiency strategy v2" in str(tab.model.index(r, 6).data())
        for r in range(tab.model.rowCount())
    )

    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, 1))
    qtbot.keyClick(tab.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.model.index(1, 1).data() == before[0])
    after = [i.title for i in agenda.get_agenda(demo_db, december.id).items]
    assert after == [before[1], before[0], *before[2:]]
    assert tab.current().title == before[0]  # the moved item stays selected
    assert tab.model.index(0, 0).data() == "1." and tab.model.index(1, 0).data() == "2."

    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.model.index(0, 1).data() == before[0])
    assert [i.title for i in agenda.get_agenda(demo_db, december.id).items] == before


def test_drop_asks_for_a_move_that_is_saved(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    view = meetings.next_meeting(demo_db)
    assert view is not None
    tab = AgendaTab(ctx)
    qtbot.addWidget(tab)
    tab.set_meeting(view.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 3)
    titles = [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]
    data = tab.model.mimeData([tab.model.index(0, 1)])
    tab.model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, tab.model.index(-1, -1))
    qtbot.waitUntil(lambda: tab.model.index(2, 1).data() == titles[0])
    saved = [i.title for i in agenda.get_agenda(demo_db, view.id).items]
    assert saved[:3] == [titles[1], titles[2], titles[0]]


def test_cancel_from_the_page_keeps_the_meeting_selected(
    ctx: AppContext, qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_past.setChecked(True)
    page.refresh()
    qtbot.waitUntil(lambda: page.proxy.rowCount() > 0)
    target = next(
        v
        for v in meetings.list_meetings(demo_db, include_past=True)
        if v.board_name == "SEND Delivery Group" and v.starts_at.month == 12
    )
    page._select(target.id)
    monkeypatch.setattr(page, "ask_cancel_reason", lambda view: "Clashes with budget council")
    page.cancel_meeting()
    qtbot.waitUntil(
        lambda: page.current() is not None and page.current().status.value == "cancelled"
    )
    assert page.current_id() == target.id
    assert not page.cancel_button.isEnabled()
    assert "Cancelled" in page.panel.header.text()
    assert meetings.get_meeting(demo_db, target.id).sequence == 1


def test_schedule_series_dialog_previews_then_creates_a_year(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    from PySide6.QtCore import QDate

    from sendboard.services import boards
    from ui.meetings.schedule_series import ScheduleSeriesDialog

    board_views = boards.list_boards(demo_db)
    scrutiny = next(b for b in board_views if b.name == "Children's Scrutiny Board")
    dialog = ScheduleSeriesDialog(ctx, board_views, scrutiny.id)
    qtbot.addWidget(dialog)
    dialog.first.setDate(QDate(2027, 1, 1))
    dialog.last.setDate(QDate(2027, 12, 31))
    dialog.frequency.setCurrentIndex(dialog.frequency.findText("Monthly"))
    dialog.week.setCurrentIndex(dialog.week.findText("Last"))
    dialog.weekday.setCurrentIndex(dialog.weekday.findText("Monday"))
    dialog.rule.setCurrentIndex(0)  # move to the next working day
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 12)
    assert dialog.words.text() == "Monthly, last Monday, 14:00–16:00"
    notes = [dialog.table.item(r, 3).text() for r in range(12)]
    assert "Moved from Mon 30 Aug 2027: Late Summer Bank Holiday" in notes
    assert "4 moved off a bank holiday" in dialog.summary.text()  # Easter, May, Aug, Xmas
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    made = meetings.list_meetings(demo_db, scrutiny.id, include_past=True)
    assert len(made) == 12 and made[7].starts_at.date() == date(2027, 8, 31)
    assert made[7].holiday_note.startswith("Moved from Mon 30 Aug 2027")


@pytest.mark.parametrize(
    ("today", "last"),
    [(date(2028, 2, 29), date(2029, 2, 27)), (date(2027, 12, 31), date(2028, 12, 30))],
)
def test_schedule_series_dialog_opens_on_a_leap_day_and_new_years_eve(
    ctx: AppContext, qtbot: QtBot, demo_db: Database, today: date, last: date
) -> None:
    import time_machine

    from sendboard.services import boards
    from ui.meetings.schedule_series import ScheduleSeriesDialog

    board_views = boards.list_boards(demo_db)
    with time_machine.travel(datetime(today.year, today.month, today.day, 9)):
        dialog = ScheduleSeriesDialog(ctx, board_views, board_views[0].id)
    qtbot.addWidget(dialog)
    assert dialog.first.date().toPython() == today
    assert dialog.last.date().toPython() == last


def test_attaching_a_paper_in_the_tab(
    ctx: AppContext, qtbot: QtBot, demo_db: Database, tmp_path
) -> None:
    view = meetings.next_meeting(demo_db)
    assert view is not None
    tab = AgendaTab(ctx)
    qtbot.addWidget(tab)
    tab.set_meeting(view.id)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    pdf = tmp_path / "Delivery_plan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    tab.attach(pdf, "Delivery plan")
    qtbot.waitUntil(lambda: tab.papers.count() == 1)
    assert tab.papers.item(0).text().startswith("Delivery plan v1")
    assert tab.model.index(0, 6).data().startswith("Delivery plan v1")
    assert tab.version_button.isEnabled() and tab.open_button.isEnabled()


def test_header_warns_when_papers_are_due_after_the_pack_goes_out(demo_db: Database) -> None:
    from ui.meetings.view import header_html

    views = meetings.list_meetings(demo_db, include_past=True)
    delivery = next(v for v in views if v.board_name == "SEND Delivery Group" and v.id)
    board = next(v for v in views if v.board_name == "SEND Improvement Board")
    late_papers = delivery.pack_issue + timedelta(days=1)
    ahead = dict(delivery.__dict__, status=MeetingStatus.PLANNED, papers_deadline=late_papers)
    warned = header_html(meetings.MeetingView(**ahead), TODAY)
    assert "papers deadline is not before the pack issue" in warned
    fine = dict(board.__dict__, status=MeetingStatus.PLANNED)
    assert "papers deadline is not before" not in header_html(meetings.MeetingView(**fine), TODAY)


def test_mnemonics_on_the_page_do_not_clash(ctx: AppContext, qtbot: QtBot) -> None:
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    tabs = page.panel.tabs
    tab_pages = {tabs.widget(i) for i in range(tabs.count())}

    def mnemonics(widgets: list) -> list[str]:
        texts = [w.text() for w in widgets if isinstance(w, QAbstractButton)]
        texts += [w.text() for w in widgets if isinstance(w, QLabel) and w.buddy() is not None]
        return [m.group(1).lower() for t in texts if (m := re.search(r"&(\w)", t))]

    def inside(widget, ancestor) -> bool:  # type: ignore[no-untyped-def]
        while widget is not None:
            if widget is ancestor:
                return True
            widget = widget.parentWidget()
        return False

    everything = page.findChildren(QAbstractButton) + page.findChildren(QLabel)
    outside_tabs = [w for w in everything if not any(inside(w, t) for t in tab_pages)]
    tab_names = [
        m.group(1).lower()
        for i in range(tabs.count())
        if (m := re.search(r"&(\w)", tabs.tabText(i)))
    ]
    shared = mnemonics(outside_tabs) + tab_names + ["f", "g", "h"]  # + the menus
    # Only the visible tab's mnemonics are live, so each tab is checked with what is always shown.
    for tab in tab_pages:
        letters = shared + mnemonics([w for w in everything if inside(w, tab)])
        clashes = sorted({x for x in letters if letters.count(x) > 1})
        assert not clashes, (type(tab).__name__, clashes)
