"""BRAG cells: a coloured badge with the letter in it, and the word beside it.

The letter and the word carry the meaning on their own, so the cell still reads on a greyscale
screen or print and for colour-blind readers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from sendboard.domain.brag import Brag

#: The item data role a table model answers with a cell's BRAG letter, for this delegate to draw.
BRAG_ROLE = Qt.ItemDataRole.UserRole + 1


def paint_badge(painter: QPainter, rect: QRect, brag: Brag, font: QFont) -> None:
    """A rounded badge in the rating's colour with its letter, outlined for greyscale."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#333333"), 1))
    painter.setBrush(QColor(brag.colour))
    painter.drawRoundedRect(rect, 4, 4)
    bold = QFont(font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.setPen(QColor(brag.text_colour))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, brag.letter)
    painter.restore()


class BragDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        letter = index.data(BRAG_ROLE)
        if not letter:
            super().paint(painter, option, index)
            return
        brag = Brag(letter)
        # Background and selection as the style draws them, without the text.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        cell = option.rect.adjusted(4, 3, -4, -3)
        side = min(cell.height(), 22)
        badge = QRect(cell.left(), cell.center().y() - side // 2, side + 4, side)
        paint_badge(painter, badge, brag, option.font)
        painter.save()
        selected = option.state & QStyle.StateFlag.State_Selected
        palette = option.palette
        painter.setPen(palette.highlightedText().color() if selected else palette.text().color())
        text_rect = cell.adjusted(badge.width() + 6, 0, 0, 0)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, brag.label
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(max(size.width(), 84), max(size.height(), 26))
