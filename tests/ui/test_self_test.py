"""The build's smoke test, run in-process: it passes on a working app and notices what breaks."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

import ui.main_window
import ui.self_test
from ui.app import application, self_test
from ui.common.page import Page
from ui.pages import PAGES, PageSpec


def test_self_test_passes_and_says_so(qtbot, capsys: pytest.CaptureFixture[str]) -> None:
    assert self_test() == 0
    assert "self-test: ok" in capsys.readouterr().out


def test_a_page_that_draws_nothing_fails_the_self_test(
    qtbot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(ui.main_window, "PAGES", [*PAGES, PageSpec("blank", "Blank", Page)])
    assert self_test() == 1
    captured = capsys.readouterr()
    assert "self-test: FAILED" in captured.out
    assert "the blank page did not render" in captured.err


def test_missing_bank_holidays_fail_the_self_test(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ui.self_test, "bank_holiday_name", lambda day: None)
    problems = ui.self_test.run_self_test(application())
    assert problems == ["bank holidays for England are not available"]


def test_distinct_colours_tells_blank_from_drawn(qtbot) -> None:
    image = QImage(60, 60, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    assert ui.self_test.distinct_colours(image) == 1
    painter = QPainter(image)
    painter.fillRect(0, 0, 30, 30, Qt.GlobalColor.black)
    painter.end()
    assert ui.self_test.distinct_colours(image) == 2
