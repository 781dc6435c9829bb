"""A yellow notice across the top of the main window, for a condition that holds while it is open
(a read-only file, a file on a network share)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar


def add_banner(window: QMainWindow, name: str, title: str, text: str) -> QToolBar:
    """A fixed toolbar `name`-banner holding the wrapped note `name`-note."""
    banner = QToolBar(title, window)
    banner.setObjectName(f"{name}-banner")
    banner.setMovable(False)
    banner.setFloatable(False)
    note = QLabel(text)
    note.setObjectName(f"{name}-note")
    note.setWordWrap(True)
    note.setStyleSheet(
        "QLabel { background: #fff4ce; color: #5c3c00; padding: 6px 10px; font-weight: bold; }"
    )
    banner.addWidget(note)
    window.addToolBar(banner)
    return banner
