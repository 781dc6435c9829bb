"""The minute of one agenda item: its text, and what was resolved, declared and to be done."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.wording import prose_date
from sendboard.services.minutes import SectionView
from ui.common.buttons import set_available

LOCKED = "these minutes are approved and locked: record a correction as an erratum"


class MinuteEdit(QPlainTextEdit):
    """Plain text typed at speed; Tab and Shift+Tab move to the next and previous item."""

    next_item = Signal()
    previous_item = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Tab and not event.modifiers():
            self.next_item.emit()
            return
        if event.key() == Qt.Key.Key_Backtab:
            self.previous_item.emit()
            return
        super().keyPressEvent(event)


class EntryList(QListWidget):
    """Decisions, actions or declarations of the item; Delete asks to remove the chosen one."""

    remove_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.remove_requested.emit()
            return
        super().keyPressEvent(event)

    def chosen_id(self) -> int | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def _entry(listing: QListWidget, text: str, entry_id: int) -> None:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, entry_id)
    listing.addItem(item)


def _list(name: str) -> EntryList:
    widget = EntryList()
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    widget.setAlternatingRowColors(True)
    return widget


class ItemEditor(QWidget):
    """Shows one section; the page fills it and listens to its buttons."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("minutes-item-title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color: #555555;")
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        self.text = MinuteEdit()
        self.text.setObjectName("minutes-text")
        self.hint = (
            "Type the minute of this item. Tab moves to the next item; Ctrl+D adds a decision, "
            "Ctrl+T an action arising, Ctrl+Shift+I a declaration of interest."
        )
        self.text.setPlaceholderText(self.hint)

        lower = QWidget()
        grid = QGridLayout(lower)
        grid.setContentsMargins(0, 4, 0, 0)
        self.add_decision = QPushButton("Add &decision  (Ctrl+D)")
        self.add_action = QPushButton("Add &action arising  (Ctrl+T)")
        self.declare = QPushButton("Declare &interest…  (Ctrl+Shift+I)")
        self.decisions = _list("minutes-decisions")
        self.decisions.setToolTip("Double-click a decision (or press Enter on it) to reword it")
        self.actions = _list("minutes-actions")
        self.declarations = _list("minutes-declarations")
        # Only drafts change: an action arising is in the action log, closed or edited there.
        self.remove_decision = QPushButton("Remove")
        self.remove_decision.setObjectName("minutes-remove-decision")
        self.remove_decision.setToolTip("Take the chosen decision out of these draft minutes")
        self.remove_declaration = QPushButton("Remove")
        self.remove_declaration.setObjectName("minutes-remove-declaration")
        self.remove_declaration.setToolTip("Take the chosen declaration out of these minutes")
        self.locked = False
        removers = {0: self.remove_decision, 2: self.remove_declaration}
        for column, (label, button, listing) in enumerate(
            (
                ("Decisions (RESOLVED)", self.add_decision, self.decisions),
                ("Actions arising", self.add_action, self.actions),
                ("Declarations of interest", self.declare, self.declarations),
            )
        ):
            head = QHBoxLayout()
            caption = QLabel(f"<b>{label}</b>")
            head.addWidget(caption)
            head.addStretch(1)
            if column in removers:
                remover = removers[column]
                set_available(remover, False, "choose an agenda item first")
                listing.currentItemChanged.connect(self._enable_removers)
                head.addWidget(remover)
            grid.addLayout(head, 0, column)
            grid.addWidget(listing, 1, column)
            grid.addWidget(button, 2, column)
            grid.setColumnStretch(column, 1)
        self.offered = QLabel()
        self.offered.setObjectName("minutes-offered")
        self.offered.setWordWrap(True)
        self.offered.setStyleSheet("color: #7a4b00;")
        grid.addWidget(self.offered, 3, 0, 1, 3)
        self.errata = QLabel()
        self.errata.setObjectName("minutes-errata")
        self.errata.setWordWrap(True)
        self.errata.setStyleSheet("color: #a31515;")
        grid.addWidget(self.errata, 4, 0, 1, 3)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.text)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        self.section: SectionView | None = None

    def show_section(self, section: SectionView | None, text: str, locked: bool) -> None:
        """Fill the editor for an item (None: the matters arising) without firing textChanged."""
        self.section = section
        if section is None:
            self.title.setText("Matters arising")
            self.meta.setText("Matters arising from the last minutes, and the action log reviewed.")
        else:
            exempt = "  —  EXEMPT: minuted in the confidential part" if section.exempt else ""
            self.title.setText(f"{section.number}. {section.title}{exempt}")
            self.meta.setText(f"Lead: {section.lead}" if section.lead else "")
        if self.text.toPlainText() != text:  # the same text again keeps the cursor where it is
            self.text.blockSignals(True)
            self.text.setPlainText(text)
            self.text.blockSignals(False)
        self.locked = locked
        self.text.setReadOnly(locked)
        self.text.setPlaceholderText("" if locked else self.hint)
        why = LOCKED if locked else "" if section is not None else "choose an agenda item first"
        for button in (self.add_decision, self.add_action, self.declare):
            set_available(button, not why, why)
        self.decisions.clear()
        self.actions.clear()
        self.declarations.clear()
        self._enable_removers()
        if section is None:
            self.offered.clear()
            self.errata.clear()
            return
        for d in section.decisions:
            _entry(self.decisions, f"{d.reference}: {d.text}", d.id)
        for a in section.actions:
            due = f", due {prose_date(a.due)}" if a.due else ""
            self.actions.addItem(f"{a.reference} {a.title} ({a.owner}{due})")
        for d in section.declarations:
            extra = f"; {d.participation}" if d.participation else ""
            _entry(self.declarations, f"{d.name}: {d.text}{extra}", d.id)
        declared = {d.person_id for d in section.declarations}
        offered = [i for i in section.offered_interests if i.person_id not in declared]
        self.offered.setText(
            "On the register: "
            + "; ".join(f"{i.person} ({i.interest}, {i.organisation})" for i in offered[:4])
            if offered and not locked
            else ""
        )
        self.errata.setText(
            "\n".join(f"Erratum: {e.text} ({prose_date(e.recorded_at)})" for e in section.errata)
        )

    def _enable_removers(self, *_args: object) -> None:
        for button, listing, what in (
            (self.remove_decision, self.decisions, "decision"),
            (self.remove_declaration, self.declarations, "declaration"),
        ):
            chosen = listing.currentItem() is not None
            pick = f"select a {what} first" if listing.count() else f"there is no {what} here yet"
            set_available(button, not self.locked and chosen, LOCKED if self.locked else pick)
