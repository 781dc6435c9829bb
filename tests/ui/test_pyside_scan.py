"""PySide's per-import check is answered from the file's bytes, with the same answers."""

from __future__ import annotations

import sys
import types

import sqlalchemy.orm

import sendboard.errors
import ui.main_window
import ui.pyside_scan
from ui.pyside_scan import lighten

FEATURE = sys.modules.get("shibokensupport.feature")


def test_the_lighter_check_is_in_place() -> None:
    assert lighten() is True
    hook = FEATURE._mod_uses_pyside  # type: ignore[union-attr]
    assert hook.__wrapped__ is not None
    lighten()
    assert FEATURE._mod_uses_pyside is hook  # type: ignore[union-attr]  # not wrapped twice


def test_it_answers_as_pysides_own_check() -> None:
    hook = FEATURE._mod_uses_pyside  # type: ignore[union-attr]
    source_less = types.ModuleType("made_here")
    for module in (ui.main_window, ui.pyside_scan, sendboard.errors, sqlalchemy.orm, sys):
        assert hook(module) == hook.__wrapped__(module), module.__name__
    assert hook(ui.main_window) and not hook(sendboard.errors)
    assert hook(source_less) == hook.__wrapped__(source_less)
