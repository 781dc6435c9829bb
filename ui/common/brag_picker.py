"""Choosing a BRAG rating from the keyboard: R, A, G or B (Backspace clears)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from sendboard.domain.brag import Brag
from ui.common.brag_delegate import paint_badge

ORDER = (Brag.BLUE, Brag.RED, Brag.AMBER, Brag.GREEN)
KEYS = {
    Qt.Key.Key_B: Brag.BLUE,
    Qt.Key.Key_R: Brag.RED,
    Qt.Key.Key_A: Brag.AMBER,
    Qt.Key.Key_G: Brag.GREEN,
}


def brag_for_key(event: QKeyEvent) -> Brag | None:
    return KEYS.get(Qt.Key(event.key()))


class BragPicker(QWidget):
    """Four badges; the chosen one is drawn full size with its word, the others small and pale."""

    changed = Signal(object)  # Brag | None
    #: Shift+letter pressed here: the dialog uses it to set the *other* rating (impact).
    shifted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._value: Brag | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(34)

    def value(self) -> Brag | None:
        return self._value

    def set_value(self, value: Brag | None) -> None:
        if value != self._value:
            self._value = value
            self.update()
            self.changed.emit(value)

    def sizeHint(self) -> QSize:
        return QSize(4 * 40 + 90, 34)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        brag = brag_for_key(event)
        if brag is not None and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.shifted.emit(brag)
        elif brag is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.set_value(brag)
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value(None)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        slot = int(event.position().x()) // 40
        if 0 <= slot < len(ORDER):
            self.set_value(ORDER[slot])

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        for slot, brag in enumerate(ORDER):
            rect = QRect(slot * 40 + 4, 4, 32, 26)
            if brag is self._value:
                paint_badge(painter, rect, brag, self.font())
            else:
                painter.setPen(QPen(QColor("#999999")))
                painter.setBrush(QColor("#f2f2f2"))
                painter.drawRoundedRect(rect, 4, 4)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, brag.letter)
        label = self._value.label if self._value else "press R, A, G or B"
        painter.setPen(self.palette().text().color() if self._value else QColor("#666666"))
        painter.drawText(
            QRect(4 * 40 + 8, 0, self.width() - 168, self.height()),
            Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()
