"""Tables and panels keep the secretary's arrangement: the register shows enough rows on a laptop,
and columns (shown, order, widths, sort) and splitters come back in the next session."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from sendboard.services.common.workspace import Database
from ui.actions.page import ActionsPage
from ui.actions.table import Column
from ui.app import make_context
from ui.common.view_state import ui_settings
from ui.main_window import MainWindow
from ui.people.page import PeopleBoardsPage
from ui.risks import model as risk_columns
from ui.risks.page import RisksPage


def _window(qtbot, db: Database) -> MainWindow:  # type: ignore[no-untyped-def]
    ctx = make_context(db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(1280, 800)  # after showing: the test screen is smaller, and it is fitted to it
    return window


def _open(qtbot, window: MainWindow, key: str):  # type: ignore[no-untyped-def]
    page = window.show_page(key)
    qtbot.waitUntil(lambda: page.table.model().rowCount() > 0 if hasattr(page, "table") else True)
    window.ctx.tasks.wait()
    qtbot.wait(1)
    return page


def _close(window: MainWindow) -> None:
    """As the application does when it quits: the window closes and pending choices are written."""
    window.ctx.tasks.wait()
    window.close()


def drag(header: QHeaderView, start: int, end: int) -> None:
    """Press on the headings at x=`start`, drag to x=`end` and let go, as a mouse does."""
    viewport = header.viewport()
    y = header.height() // 2

    def send(kind: QEvent.Type, x: int, held: Qt.MouseButton) -> None:
        point = QPointF(x, y)
        event = QMouseEvent(
            kind,
            point,
            viewport.mapToGlobal(point),
            Qt.MouseButton.LeftButton,
            held,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    left = Qt.MouseButton.LeftButton
    send(QEvent.Type.MouseButtonPress, start, left)
    steps = 8
    for step in range(1, steps + 1):
        send(QEvent.Type.MouseMove, start + (end - start) * step // steps, left)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def whole_rows(table: QTableView) -> int:
    """Rows the secretary can read without scrolling: their full height inside the viewport."""
    viewport = table.viewport().rect()
    return sum(
        1
        for row in range(table.model().rowCount())
        if viewport.contains(table.visualRect(table.model().index(row, 0)), proper=False)
        and table.visualRect(table.model().index(row, 0)).isValid()
    )


def test_register_shows_fifteen_rows_and_the_heat_map_at_1280_by_800(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    page = _open(qtbot, window, "risks")
    assert isinstance(page, RisksPage)
    assert window.height() == 800
    assert page.proxy.rowCount() >= 20  # enough risks in the demo to fill the table
    assert whole_rows(page.table) >= 15
    # The heat map is on screen beside the detail, every cell big enough to read.
    assert page.heat_map.isVisible() and page.detail.isVisible()
    for cell in page.heat_map.cells.values():
        assert cell.height() >= cell.minimumHeight() > 0
        assert cell.visibleRegion().boundingRect().height() == cell.height()
    _close(window)


def test_hiding_the_heat_map_gives_the_register_the_height_and_is_remembered(
    qtbot, demo_db
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    page = _open(qtbot, window, "risks")
    with_panel = whole_rows(page.table)
    cell = next(iter(page.heat_map.cells))
    qtbot.mouseClick(page.heat_map.cells[cell], Qt.MouseButton.LeftButton)
    assert page.heat_map.selected == cell
    qtbot.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.heat_map.isVisible())
    assert page.heat_map.selected is None  # no hidden filter
    qtbot.waitUntil(lambda: whole_rows(page.table) > with_panel)
    _close(window)

    again = _window(qtbot, demo_db)
    page = _open(qtbot, again, "risks")
    assert page.lower.isHidden() and page.panel_toggle.text().startswith("Show")
    page.panel_toggle.click()
    assert page.lower.isVisible()
    _close(again)


def test_splitter_sizes_come_back(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    page = _open(qtbot, window, "risks")
    total = sum(page.split.sizes())
    page.split.moveSplitter(total - 320, 1)
    chosen = page.split.sizes()
    assert chosen[1] >= 300
    _close(window)

    again = _window(qtbot, demo_db)
    page = _open(qtbot, again, "risks")
    assert abs(page.split.sizes()[1] - chosen[1]) <= 2
    _close(again)


def test_column_choices_come_back_in_a_new_window_and_reset_restores_them(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    page = _open(qtbot, window, "risks")
    header = page.table.horizontalHeader()
    default_order = [header.logicalIndex(v) for v in range(header.count())]
    page.columns.set_shown(risk_columns.CATEGORY, False)  # as the heading's menu does
    owner = header.sectionViewportPosition(risk_columns.OWNER) + 20
    drag(header, owner, header.sectionViewportPosition(risk_columns.TITLE) + 5)  # move
    assert header.visualIndex(risk_columns.OWNER) == 1
    edge = header.sectionViewportPosition(risk_columns.REF) + header.sectionSize(risk_columns.REF)
    width = header.sectionSize(risk_columns.REF)
    drag(header, edge - 1, edge - 1 + 90 - width)  # resize
    assert header.sectionSize(risk_columns.REF) == 90
    middle = header.sectionViewportPosition(risk_columns.REF) + 30
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, 8))
    assert header.sortIndicatorSection() == risk_columns.REF
    _close(window)

    again = _window(qtbot, demo_db)
    page = _open(qtbot, again, "risks")
    header = page.table.horizontalHeader()
    assert page.columns.restored
    assert header.isSectionHidden(risk_columns.CATEGORY)
    assert header.visualIndex(risk_columns.OWNER) == 1
    assert header.sectionSize(risk_columns.REF) == 90
    assert header.sortIndicatorSection() == risk_columns.REF
    refs = [page.proxy.view_at(r).reference for r in range(page.proxy.rowCount())]
    assert refs == sorted(refs)  # the rows really are sorted, not just the arrow

    reset = next(a for a in page.columns.menu().actions() if a.objectName() == "reset-columns")
    reset.trigger()
    assert not header.isSectionHidden(risk_columns.CATEGORY)
    assert [header.logicalIndex(v) for v in range(header.count())] == default_order
    assert header.sortIndicatorSection() == risk_columns.RESIDUAL
    assert header.sectionSize(risk_columns.REF) < 90  # sized to its contents again
    assert ui_settings().value("tables/risks/header") is None
    _close(again)

    third = _window(qtbot, demo_db)
    page = _open(qtbot, third, "risks")
    assert not page.columns.restored
    assert not page.table.horizontalHeader().isSectionHidden(risk_columns.CATEGORY)
    _close(third)


def test_column_menu_lists_every_column_and_keeps_one_shown(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    page = _open(qtbot, window, "actions")
    assert isinstance(page, ActionsPage)
    menu = page.columns.menu()
    titles = [a.text() for a in menu.actions() if a.isCheckable()]
    assert len(titles) == len(Column)
    board = next(a for a in menu.actions() if a.text() == "Board")
    assert not board.isChecked()  # hidden at first
    board.trigger()
    assert not page.table.isColumnHidden(Column.BOARD)
    for column in Column:
        if column is not Column.REFERENCE:
            page.columns.set_shown(column, False)
    last = next(a for a in page.columns.menu().actions() if a.text() == "Ref")
    assert last.isChecked() and not last.isEnabled()
    _close(window)

    again = _window(qtbot, demo_db)
    page = _open(qtbot, again, "actions")
    shown = [c for c in Column if not page.table.isColumnHidden(c)]
    assert shown == [Column.REFERENCE]
    _close(again)


def test_people_tables_remember_their_columns(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, demo_db)
    page = window.show_page("people")
    assert isinstance(page, PeopleBoardsPage)
    contacts = page.contacts_tab.panel
    qtbot.waitUntil(lambda: contacts.model.rowCount() > 0)
    fitted = contacts.table.columnWidth(0)
    assert 60 < fitted <= 220  # sized to the names, not Qt's default 100
    contacts.columns.set_shown(1, False)
    header = contacts.table.horizontalHeader()
    edge = header.sectionViewportPosition(0) + header.sectionSize(0) - 1
    drag(header, edge, edge + 260 - header.sectionSize(0))
    assert header.sectionSize(0) == 260
    _close(window)

    again = _window(qtbot, demo_db)
    page = again.show_page("people")
    contacts = page.contacts_tab.panel
    qtbot.waitUntil(lambda: contacts.model.rowCount() > 0)
    again.ctx.tasks.wait()
    qtbot.wait(1)
    assert contacts.table.isColumnHidden(1)
    assert contacts.table.columnWidth(0) == 260  # not sized over again
    _close(again)


def test_context_menu_key_in_a_table_opens_its_column_menu(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    window = _window(qtbot, demo_db)
    page = _open(qtbot, window, "risks")
    spot = QPoint(5, 5)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, spot, page.table.mapToGlobal(spot))
    QApplication.sendEvent(page.table, event)
    menus = [m for m in page.table.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1
    texts = [a.text() for a in menus[0].actions()]
    assert "Risk" in texts and "&Reset columns" in texts
    menus[0].close()
    _close(window)
