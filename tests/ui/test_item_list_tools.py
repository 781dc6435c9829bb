"""The item-list toolbar shared by the agenda and the standing-item template."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView, QWidget

from ui.meetings.item_list_tools import ItemListTools


class Owner:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def add_item(self) -> None:
        self.calls.append("add")

    def edit_item(self) -> None:
        self.calls.append("edit")

    def remove_item(self) -> None:
        self.calls.append("remove")

    def shift(self, offset: int) -> None:
        self.calls.append(f"shift {offset:+d}")


def test_keys_on_the_table_reach_the_owner(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    table = QTableView(window)
    owner = Owner()
    window.setLayout(ItemListTools(owner, table))
    qtbot.addWidget(window)
    window.show()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    for key, modifier in (
        (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(table, key, modifier)
    assert owner.calls == ["add", "edit", "shift +1", "shift -1", "remove"]


def test_moves_are_offered_only_where_the_item_can_move(qtbot) -> None:  # type: ignore[no-untyped-def]
    tools = ItemListTools(Owner(), QTableView())
    tools.enable_for(0, 3)
    assert (tools.up_button.isEnabled(), tools.down_button.isEnabled()) == (False, True)
    tools.enable_for(2, 3)
    assert (tools.up_button.isEnabled(), tools.down_button.isEnabled()) == (True, False)
    tools.enable_for(None, 3)
    assert not tools.edit_button.isEnabled() and not tools.remove_button.isEnabled()
    assert "select an item first" in tools.edit_button.toolTip()
    tools.enable_for(1, 3, locked="the meeting is cancelled")
    assert not any(b.isEnabled() for b in (tools.edit_button, tools.up_button, tools.down_button))
    assert all(
        "the meeting is cancelled" in b.toolTip()
        for b in (tools.edit_button, tools.up_button, tools.down_button)
    )


def test_a_greyed_out_move_says_why(qtbot) -> None:  # type: ignore[no-untyped-def]
    tools = ItemListTools(Owner(), QTableView())
    tools.enable_for(0, 3)
    assert "first item already" in tools.up_button.toolTip()
    tools.enable_for(2, 3)
    assert "last item already" in tools.down_button.toolTip()
    assert "Not available" not in tools.up_button.toolTip()  # available again: no reason left
