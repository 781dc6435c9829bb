"""The heat map widget on its own: counts, clicking to choose and clear, switching, keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.risks.heat_map import HeatMap


def test_counts_and_score_labels(qtbot) -> None:  # type: ignore[no-untyped-def]
    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.set_counts({(4, 3): 2, (1, 1): 1})
    assert heat.cells[(4, 3)].text() == "2\n12 High"
    assert heat.cells[(1, 1)].text() == "1\n1 Low"
    assert heat.cells[(5, 5)].text() == "–\n25 Very high"
    assert "#f59b42" in heat.cells[(4, 3)].styleSheet()
    assert "2 risks" in heat.cells[(4, 3)].accessibleName()


def test_click_chooses_and_clicking_again_clears(qtbot) -> None:  # type: ignore[no-untyped-def]
    heat = HeatMap()
    qtbot.addWidget(heat)
    with qtbot.waitSignal(heat.cell_chosen) as chosen:
        qtbot.mouseClick(heat.cells[(4, 3)], Qt.MouseButton.LeftButton)
    assert chosen.args == [(4, 3)]
    assert heat.cells[(4, 3)].isChecked()
    with qtbot.waitSignal(heat.cell_chosen) as cleared:
        qtbot.mouseClick(heat.cells[(4, 3)], Qt.MouseButton.LeftButton)
    assert cleared.args == [None]
    assert not heat.cells[(4, 3)].isChecked()


def test_switching_view_and_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    heat = HeatMap()
    qtbot.addWidget(heat)
    heat.show()
    with qtbot.waitSignal(heat.kind_changed) as changed:
        heat.findChild(type(heat.kind_buttons.buttons()[0]), "kind-target").click()
    assert changed.args == ["target"] and heat.kind == "target"
    cell = heat.cells[(2, 2)]
    cell.setFocus()
    qtbot.waitUntil(cell.hasFocus)
    qtbot.keyClick(cell, Qt.Key.Key_Right)
    assert heat.cells[(2, 3)].hasFocus()
    qtbot.keyClick(heat.cells[(2, 3)], Qt.Key.Key_Up)
    assert heat.cells[(3, 3)].hasFocus()
    with qtbot.waitSignal(heat.cell_chosen) as chosen:
        qtbot.keyClick(heat.cells[(3, 3)], Qt.Key.Key_Space)
    assert chosen.args == [(3, 3)]
