"""Saving a group of settings that everyone using the database shares: the save says what the
form showed, so a colleague's save since is refused rather than silently undone, and the
secretary then chooses to keep theirs or their own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from sendboard.errors import EditConflict
from sendboard.services.common.changes import Outcome
from ui.context import AppContext

T = TypeVar("T")


def keep_mine(parent: QWidget, conflict: EditConflict) -> bool | None:
    """Ask after a refused save: True to save mine over theirs, False to reload theirs, None to
    go on editing."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Changed by someone else", str(conflict), parent=parent
    )
    box.setObjectName("settings-conflict")
    reload = box.addButton("&Reload theirs", QMessageBox.ButtonRole.ResetRole)
    keep = box.addButton("&Keep mine", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(reload)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is keep else False if clicked is reload else None


def save_shared(
    parent: QWidget,
    ctx: AppContext,
    save: Callable[[T | None], Outcome[Any]],
    shown: T | None,
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    reload: Callable[[], None],
) -> None:
    """`save(shown)` on the writer; after a refusal, `save(None)` (mine over theirs) or `reload`."""

    def failed(exc: Exception) -> None:
        if not isinstance(exc, EditConflict):
            on_error(exc)
            return
        choice = keep_mine(parent, exc)
        if choice:
            ctx.mutate(lambda: save(None), on_done=on_done, on_error=on_error)
        elif choice is False:
            reload()

    ctx.mutate(lambda: save(shown), on_done=on_done, on_error=failed)
