"""The selected board at a glance, and a banner when it has nobody to invite for a required role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.compliance import describe_missing
from sendboard.domain.wording import counted
from sendboard.services.boards import BoardView


class BoardSummary(QWidget):
    """Name, kind, chair, quorum, papers deadline, cadence and the roles it must invite."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("board-heading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values = {
            key: QLabel()
            for key in ("kind", "chair", "quorum", "deadline", "cadence", "roles", "description")
        }
        for label in self.values.values():
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
            form.setHorizontalSpacing(12)
            form.setVerticalSpacing(4)
        left.addRow("Kind:", self.values["kind"])
        left.addRow("Chair:", self.values["chair"])
        left.addRow("Quorum:", self.values["quorum"])
        right.addRow("Papers due:", self.values["deadline"])
        right.addRow("Meets:", self.values["cadence"])
        right.addRow("Must invite:", self.values["roles"])
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right, 2)
        self.values["description"].setObjectName("board-description")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(columns)
        layout.addWidget(self.values["description"])

    def show_board(self, board: BoardView | None) -> None:
        if board is None:
            self.heading.setText("No board selected")
            for label in self.values.values():
                label.clear()
            return
        self.heading.setText(board.name)
        self.values["kind"].setText(board.kind.label)
        self.values["chair"].setText(board.chair_name or "Not set")
        self.values["quorum"].setText(
            counted(board.quorum, "member") if board.quorum else "Not set"
        )
        self.values["deadline"].setText(
            f"{counted(board.papers_deadline_days, 'working day')} before the meeting"
        )
        self.values["cadence"].setText(board.cadence or "Not set")
        self.values["roles"].setText(
            ", ".join(role.label for role in board.required_roles) or "No statutory roles"
        )
        self.values["description"].setText(board.description)
        self.values["description"].setVisible(bool(board.description))


class MissingRolesBanner(QFrame):
    """Says which required roles the board has nobody (with an email) to invite for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missing-roles-banner")
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20)
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.setStyleSheet(
            "#missing-roles-banner { background: #fff4d6; border: 1px solid #e0b44c;"
            " border-radius: 4px; } #missing-roles-banner QLabel { color: #4a3500; }"
        )
        self.hide()

    def show_board(self, board: BoardView | None) -> None:
        if board is None or not board.missing_roles:
            self.text.clear()
            self.hide()
            return
        several = len(board.missing_roles) > 1
        self.text.setText(
            f"<b>{describe_missing(board.missing_roles)}</b> This board must invite "
            f"{'these roles' if several else 'this role'} to every meeting: add a current member "
            f"who holds {'each' if several else 'it'}, or give the role holder an email address."
        )
        self.show()
