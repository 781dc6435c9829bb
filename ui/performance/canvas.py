"""The dashboard's cards, laid out in a grid under each priority area's heading.

One widget paints every card, and only the cards inside the area being repainted, so the page
stays quick with hundreds of measures; arrow keys and clicks choose a measure.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.performance.chart import paint_chart
from ui.performance.model import Card, Group

CARD_W, CARD_H, GAP, HEADING_H, MARGIN = 300, 158, 10, 30, 8
ACCENT = QColor("#1f3a5f")


class DashboardCanvas(QWidget):
    chosen = Signal(object)  # the chosen measure's id, or None
    activated = Signal(object)  # Enter or double-click on a measure

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("performance-canvas")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.groups: tuple[Group, ...] = ()
        self.headings: list[tuple[QRect, str]] = []
        self.placed: list[tuple[QRect, Card]] = []
        self.current: int | None = None  # index into placed
        self.columns = 1

    # layout -------------------------------------------------------------------------------
    def set_groups(self, groups: tuple[Group, ...]) -> None:
        chosen = self.current_id()
        self.groups = groups
        self._layout()
        ids = [card.view.id for _, card in self.placed]
        self.current = ids.index(chosen) if chosen in ids else None
        self.update()

    def _layout(self) -> None:
        width = max(self.width(), CARD_W + 2 * MARGIN)
        self.columns = max(1, (width - 2 * MARGIN + GAP) // (CARD_W + GAP))
        self.headings, self.placed = [], []
        y = MARGIN
        for group in self.groups:
            self.headings.append((QRect(MARGIN, y, width - 2 * MARGIN, HEADING_H), group.title))
            y += HEADING_H
            for index, card in enumerate(group.cards):
                row, col = divmod(index, self.columns)
                rect = QRect(
                    MARGIN + col * (CARD_W + GAP), y + row * (CARD_H + GAP), CARD_W, CARD_H
                )
                self.placed.append((rect, card))
            rows = -(-len(group.cards) // self.columns)
            y += rows * (CARD_H + GAP) + GAP
        self.setMinimumHeight(y + MARGIN)

    def sizeHint(self) -> QSize:
        return QSize(CARD_W * 3 + GAP * 2 + 2 * MARGIN, self.minimumHeight())

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        columns = max(1, (self.width() - 2 * MARGIN + GAP) // (CARD_W + GAP))
        if columns != self.columns:
            self._layout()
        super().resizeEvent(event)

    # choosing ------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        if self.current is None or self.current >= len(self.placed):
            return None
        return self.placed[self.current][1].view.id

    def choose(self, index: int | None) -> None:
        if index is not None and not self.placed:
            index = None
        if index is not None:
            index = max(0, min(index, len(self.placed) - 1))
        self.current = index
        self.update()
        if index is not None:
            rect = self.placed[index][0]
            parent = self.parentWidget()
            scroll = parent.parentWidget() if parent is not None else None
            if scroll is not None and hasattr(scroll, "ensureVisible"):
                scroll.ensureVisible(rect.center().x(), rect.center().y(), 20, CARD_H // 2 + 20)
        self.chosen.emit(self.current_id())

    def choose_id(self, measure_id: int | None) -> None:
        ids = [card.view.id for _, card in self.placed]
        self.choose(ids.index(measure_id) if measure_id in ids else None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus()
        for index, (rect, _) in enumerate(self.placed):
            if rect.contains(event.position().toPoint()):
                self.choose(index)
                return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.current_id() is not None:
            self.activated.emit(self.current_id())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = {
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Down: self.columns,
            Qt.Key.Key_Up: -self.columns,
        }.get(Qt.Key(key))
        if step is not None:
            self.choose(0 if self.current is None else self.current + step)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.choose(0 if key == Qt.Key.Key_Home else len(self.placed) - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id() is not None:
            self.activated.emit(self.current_id())
        else:
            super().keyPressEvent(event)

    # tooltips ------------------------------------------------------------------------------
    def tooltip_at(self, point: QPoint) -> str:
        """The full name of the measure under `point` (a card cuts long names short), with its
        status, caption and any slippage; empty between cards."""
        card = next((c for rect, c in self.placed if rect.contains(point)), None)
        if card is None:
            return ""
        view = card.view
        lines = [
            f"<b>{escape(view.reference)} {escape(view.name)}</b>",
            f"{view.status.letter} {escape(view.status.label)} · {escape(card.caption)}",
            *(f"<span style='color:#a31515'>{escape(s)}</span>" for s in view.slippage),
        ]
        return "<br>".join(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    # painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        area = event.rect()
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(self.font().pointSizeF() * 1.15)
        for rect, title in self.headings:
            if rect.intersects(area):
                painter.setFont(heading_font)
                painter.setPen(ACCENT)
                painter.drawText(
                    rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title
                )
        for index, (rect, card) in enumerate(self.placed):
            if rect.intersects(area):
                self._card(painter, rect, card, index == self.current)
        if not self.placed:
            painter.setPen(QColor("#555555"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No measures match.")
        painter.end()

    def _card(self, painter: QPainter, rect: QRect, card: Card, current: bool) -> None:
        status = card.status
        painter.setPen(QPen(ACCENT if current else QColor("#c5cdd6"), 2 if current else 1))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(rect.adjusted(0, 0, -1, -1))
        metrics = painter.fontMetrics()
        line = metrics.height()
        bold = QFont(self.font())
        bold.setBold(True)
        # status: colour, letter and words
        pill = QRect(rect.right() - 96, rect.top() + 6, 90, line + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(status.colour))
        painter.drawRoundedRect(pill, 3, 3)
        painter.setPen(QColor(status.text_colour))
        painter.setFont(bold)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, f"{status.letter} {status.label}")
        name = f"{card.view.reference}  {card.view.name}"
        text_rect = QRect(rect.left() + 8, rect.top() + 6, rect.width() - 112, line + 4)
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.setFont(self.font())
        caption = QRect(rect.left() + 8, rect.top() + 10 + line, rect.width() - 16, line + 2)
        painter.setPen(QColor("#a31515") if card.view.slippage else QColor("#555555"))
        text = card.caption + (" · slippage" if card.view.slippage else "")
        painter.drawText(
            caption,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, caption.width()),
        )
        chart = QRectF(rect.left() + 8, caption.bottom() + 4, rect.width() - 16, 0)
        chart.setBottom(rect.bottom() - 8)
        paint_chart(painter, chart, card.chart, status.colour, status.letter)
