"""Add or change a co-production or engagement event: when and what it was, who took part and
how many, what they said and what changed as a result ("you said, we did"), the requirements,
actions and priority areas it bears on, and files to keep with it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sendboard import clock
from sendboard.domain.stocktake.engagement import PARTICIPANT_GROUPS, EventFormat, split_groups
from sendboard.errors import ValidationError
from sendboard.services import stocktake
from sendboard.services.boards import priority_areas
from sendboard.services.common.changes import Outcome
from sendboard.services.common.workspace import Database
from sendboard.services.stocktake import Choice, EngagementInput, EngagementView
from ui.common.checklist import Checklist
from ui.common.date_field import DateField
from ui.common.record_dialog import RecordDialog
from ui.context import AppContext

NOT_COUNTED = -1


@dataclass(frozen=True)
class EventChoices:
    requirements: tuple[Choice, ...]
    actions: tuple[Choice, ...]
    areas: tuple[Choice, ...]


def load_choices(db: Database) -> EventChoices:
    return EventChoices(
        stocktake.requirement_choices(db),
        stocktake.link_choices(db, "action"),
        tuple(Choice(a.id, a.code, a.title) for a in priority_areas.list_priority_areas(db)),
    )


def _text_box(name: str, hint: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(hint)
    box.setFixedHeight(64)
    return box


class EventDialog(RecordDialog):
    def __init__(
        self,
        ctx: AppContext,
        choices: EventChoices,
        event: EngagementView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = f"Edit event {event.reference}" if event else "New engagement event"
        super().__init__(ctx, title, parent)
        self.event = event
        self.resize(1180, 740)
        self.held_on = DateField()
        self.held_on.setObjectName("event-date")
        self.format = QComboBox()
        self.format.setObjectName("event-format")
        for kind in EventFormat:
            self.format.addItem(kind.label, kind.value)
        self.title = QLineEdit()
        self.title.setObjectName("event-title")
        self.title.setPlaceholderText("e.g. Parent carer forum: transitions to secondary school")
        self.number = QSpinBox()
        self.number.setObjectName("event-number")
        self.number.setRange(NOT_COUNTED, 100000)
        self.number.setSpecialValueText("Not counted")
        self.number.setMaximumWidth(160)
        self.said = _text_box("event-said", "What they told us")
        self.changed = _text_box("event-changed", "What changed as a result (you said, we did)")
        self.others = QLineEdit()
        self.others.setObjectName("event-others")
        self.others.setPlaceholderText("Other groups, separated by ;")
        when = QHBoxLayout()
        when.setContentsMargins(0, 0, 0, 0)
        when.addWidget(self.held_on)
        when.addWidget(QLabel("&Format:"))
        when.itemAt(1).widget().setBuddy(self.format)  # type: ignore[union-attr]
        when.addWidget(self.format)
        when.addWidget(QLabel("How &many took part:"))
        when.itemAt(3).widget().setBuddy(self.number)  # type: ignore[union-attr]
        when.addWidget(self.number)
        when.addStretch(1)
        holder = QWidget()
        holder.setLayout(when)
        self.add_field("held_on", "&Date:", holder)
        self.fields["held_on"] = self.held_on
        self.fields["format"] = self.format
        self.fields["number"] = self.number
        self.add_field("title", "&Event:", self.title)
        self.add_field("said", "You &said:", self.said)
        self.add_field("changed", "&We did:", self.changed)

        lists = QHBoxLayout()
        self.participants = Checklist("Who &took part", "event-participants", filtered=False)
        self.participants.list.setFixedHeight(8 * 18 + 8)
        others = QHBoxLayout()
        others_label = QLabel("&Others:")
        others_label.setBuddy(self.others)
        others.addWidget(others_label)
        others.addWidget(self.others, 1)
        self.participants.layout().addLayout(others)
        self.areas = Checklist("&Priority areas", "event-areas", filtered=False, counted="linked")
        self.requirements = Checklist("&Requirements", "event-requirements", counted="linked")
        self.actions = Checklist("&Actions", "event-actions", counted="linked")
        first = QVBoxLayout()
        first.addWidget(self.participants)
        first.addWidget(self.areas, 1)
        lists.addLayout(first, 2)
        lists.addWidget(self.requirements, 3)
        lists.addWidget(self.actions, 3)
        self.extra.addLayout(lists, 1)

        self.files_caption = QLabel()
        self.files = QListWidget()
        self.files.setObjectName("event-files")
        self.files.setFixedHeight(56)
        attach = QPushButton("Attac&h files…")
        attach.setObjectName("event-attach")
        attach.clicked.connect(self.choose_files)
        row = QHBoxLayout()
        row.addWidget(self.files_caption)
        row.addStretch(1)
        row.addWidget(attach)
        self.extra.addLayout(row)
        self.extra.addWidget(self.files)
        self.to_attach: list[Path] = []
        self._fill(choices, event)
        if event is not None:
            self.edits("EngagementEvent", event.id, event.version)

    def reload_theirs(self) -> None:
        """The event as stored now: as first read, with their changes (lists too) on it."""
        if self.event is not None:
            self._links(self.event.participants, self.event.areas, self.event.actions)
            self.requirements.tick_exactly(self.event.requirements)
        self._their_links()
        super().reload_theirs()

    def apply_theirs(self) -> None:
        """Their changes, to the lists they changed too; what was typed elsewhere stays."""
        self._their_links()
        super().apply_theirs()

    def _their_links(self) -> None:
        theirs = self._conflict.theirs if self._conflict is not None else {}
        if "participants" in theirs:
            groups = split_groups(str(theirs["participants"] or ""))
            self._links(groups, None, None)
        for key, checklist in (
            ("areas", self.areas),
            ("actions", self.actions),
            ("requirements", self.requirements),
        ):
            if isinstance(theirs.get(key), list):
                checklist.tick_exactly(theirs[key])
        if "number" in theirs and theirs["number"] is None:
            self.number.setValue(NOT_COUNTED)

    def _links(
        self,
        groups: tuple[str, ...],
        areas: tuple[str, ...] | None,
        actions: tuple[str, ...] | None,
    ) -> None:
        self.participants.tick_exactly([g for g in groups if g in PARTICIPANT_GROUPS])
        self.others.setText("; ".join(g for g in groups if g not in PARTICIPANT_GROUPS))
        if areas is not None:
            self.areas.tick_exactly(areas)
        if actions is not None:
            self.actions.tick_exactly(actions)

    def _fill(self, choices: EventChoices, event: EngagementView | None) -> None:
        groups = event.participants if event else ()
        known = [g for g in groups if g in PARTICIPANT_GROUPS]
        self.participants.set_items([(g, g) for g in PARTICIPANT_GROUPS], known)
        self.others.setText("; ".join(g for g in groups if g not in PARTICIPANT_GROUPS))
        self.requirements.set_items(
            [(c.reference, c.text) for c in choices.requirements],
            event.requirements if event else (),
        )
        self.actions.set_items(
            [(c.reference, c.text) for c in choices.actions], event.actions if event else ()
        )
        self.areas.set_items(
            [(c.reference, c.text) for c in choices.areas], event.areas if event else ()
        )
        self.held_on.set_value(event.held_on if event else clock.today())
        if event is not None:
            self.format.setCurrentIndex(self.format.findData(event.format.value))
            self.title.setText(event.title)
            self.number.setValue(NOT_COUNTED if event.number is None else event.number)
            self.said.setPlainText(event.said)
            self.changed.setPlainText(event.changed)
        else:
            self.number.setValue(NOT_COUNTED)
        self._show_files()

    def _show_files(self) -> None:
        kept = list(self.event.files) if self.event else []
        self.files.clear()
        self.files.addItems(kept + [f"{p.name} (attached when saved)" for p in self.to_attach])
        count = len(kept) + len(self.to_attach)
        self.files_caption.setText(f"<b>Files</b> ({count}); files are kept once attached")

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Files to keep with the event")
        self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        self.to_attach += [p for p in paths if p not in self.to_attach]
        self._show_files()

    def collect(self) -> EngagementInput:
        try:
            day = self.held_on.value()
        except ValueError as exc:
            raise ValidationError(str(exc), "held_on") from exc
        if day is None:
            raise ValidationError("Give the date the event was held.", "held_on")
        number = self.number.value()
        return EngagementInput(
            held_on=day,
            title=self.title.text(),
            format=EventFormat(self.format.currentData()),
            participants=split_groups("; ".join([*self.participants.ticked(), self.others.text()])),
            number=None if number == NOT_COUNTED else number,
            said=self.said.toPlainText(),
            changed=self.changed.toPlainText(),
            areas=tuple(self.areas.ticked()),
            actions=tuple(self.actions.ticked()),
            requirements=tuple(self.requirements.ticked()),
            reference=self.event.reference if self.event else "",
        )

    def save_call(self) -> Callable[[], Outcome[EngagementView]]:
        data = self.collect()
        if not data.title.strip():
            raise ValidationError("Say what the event was.", "title")
        files = tuple(self.to_attach)
        if self.event is None:
            return lambda: stocktake.create_event(self.ctx.db, data, files)
        event_id = self.event.id
        return lambda: stocktake.update_event(self.ctx.db, event_id, data, files)
