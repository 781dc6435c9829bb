"""What answers a requirement, from the coverage view: the actions, measures and risks linked to
it (ticked in three lists, saved together) and its evidence (added one piece at a time, with a
file kept in the database)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from sendboard.domain.wording import table_date
from sendboard.services import stocktake
from sendboard.services.common.changes import Outcome
from sendboard.services.common.workspace import Database
from sendboard.services.stocktake import Choice, RequirementDetail
from ui.common.checklist import KEY, Checklist, choice_items
from ui.common.errors import show_error
from ui.common.record_dialog import RecordDialog
from ui.context import AppContext
from ui.stocktake.evidence_dialog import EvidenceDialog


@dataclass(frozen=True)
class LinkData:
    detail: RequirementDetail
    actions: tuple[Choice, ...]
    measures: tuple[Choice, ...]
    risks: tuple[Choice, ...]


def load_links(db: Database, requirement_id: int) -> LinkData:
    """What the dialog needs, read in one go (in the background)."""
    return LinkData(
        stocktake.requirement_detail(db, requirement_id),
        stocktake.link_choices(db, "action"),
        stocktake.link_choices(db, "measure"),
        stocktake.link_choices(db, "risk"),
    )


def evidence_text(entry: stocktake.EvidenceView) -> str:
    attached = f"  [{entry.file_name}]" if entry.file_name else ""
    note = f" — {entry.note}" if entry.note else ""
    return f"{table_date(entry.added_on)}  {entry.title}{note}{attached}"


class RequirementDialog(RecordDialog):
    """Link actions, measures and risks to a requirement, and add its evidence."""

    def __init__(self, ctx: AppContext, data: LinkData, parent: QWidget | None = None) -> None:
        detail = data.detail
        super().__init__(ctx, f"Requirement {detail.reference}: what answers it", parent)
        self.detail, self.data = detail, data
        self.resize(1120, 720)
        text = QLabel(f"<b>{detail.reference}</b> {detail.text}")
        text.setObjectName("requirement-text")
        text.setWordWrap(True)
        self.form.addRow(text)
        lists = QHBoxLayout()
        self.actions = Checklist("&Actions", "link-actions", counted="linked")
        self.measures = Checklist("&Measures", "link-measures", counted="linked")
        self.risks = Checklist("R&isks", "link-risks", counted="linked")
        for checklist, choices, ticked in (
            (self.actions, data.actions, detail.actions),
            (self.measures, data.measures, detail.measures),
            (self.risks, data.risks, detail.risks),
        ):
            checklist.set_items(choice_items(choices), ticked)
            lists.addWidget(checklist, 1)
        self.extra.addLayout(lists, 3)
        self.evidence_caption = QLabel()
        self.extra.addWidget(self.evidence_caption)
        self.evidence = QListWidget()
        self.evidence.setObjectName("requirement-evidence")
        self.evidence.setMaximumHeight(130)
        self.evidence.currentRowChanged.connect(self._evidence_chosen)
        self.extra.addWidget(self.evidence)
        row = QHBoxLayout()
        self.add_button = QPushButton("Add &evidence…")
        self.add_button.setObjectName("evidence-add")
        self.add_button.clicked.connect(self.add_evidence)
        self.copy_button = QPushButton("Save a &copy of its file…")
        self.copy_button.setObjectName("evidence-copy")
        self.copy_button.clicked.connect(self.copy_file)
        row.addWidget(self.add_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(QLabel("Evidence is kept as added; links are saved with Save."))
        self.extra.addLayout(row)
        self.show_evidence(detail)
        self.edits("Requirement", detail.id, detail.version)

    def _lists(self) -> tuple[tuple[str, Checklist, tuple[Choice, ...], tuple[int, ...]], ...]:
        detail = self.data.detail
        return (
            ("actions", self.actions, self.data.actions, detail.actions),
            ("measures", self.measures, self.data.measures, detail.measures),
            ("risks", self.risks, self.data.risks, detail.risks),
        )

    def reload_theirs(self) -> None:
        """The links as stored now: as first read, with their changes on them."""
        for _key, checklist, _choices, read in self._lists():
            checklist.tick_exactly(read)
        self.apply_theirs()

    def apply_theirs(self) -> None:
        """Their links in the lists they changed; the ticks in the other lists stay."""
        theirs = self._conflict.theirs if self._conflict is not None else {}
        for key, checklist, choices, _read in self._lists():
            if isinstance(theirs.get(key), list):
                wanted = set(theirs[key])
                checklist.tick_exactly(c.id for c in choices if c.reference in wanted)
        super().apply_theirs()

    def show_evidence(self, detail: RequirementDetail) -> None:
        self.detail = detail
        self.evidence_caption.setText(f"<b>Evidence</b> ({len(detail.evidence)})")
        self.evidence.clear()
        for entry in detail.evidence:
            item = QListWidgetItem(evidence_text(entry))
            item.setData(KEY, entry)
            self.evidence.addItem(item)
        if not detail.evidence:
            self.evidence.addItem("None yet: add a report, a survey, a note of what was seen.")
        self._evidence_chosen(self.evidence.currentRow())

    def _chosen_evidence(self) -> stocktake.EvidenceView | None:
        item = self.evidence.currentItem()
        return item.data(KEY) if item is not None else None

    def _evidence_chosen(self, _row: int) -> None:
        entry = self._chosen_evidence()
        self.copy_button.setEnabled(bool(entry and entry.file_name))

    def add_evidence(self) -> EvidenceDialog:
        dialog = EvidenceDialog(self.ctx, self.detail.id, self.detail.reference, self)
        dialog.start(lambda _id: self._reload())
        return dialog

    def _reload(self) -> None:
        requirement_id = self.detail.id
        self.ctx.tasks.run(
            lambda: stocktake.requirement_detail(self.ctx.db, requirement_id),
            on_done=self.show_evidence,
            on_error=lambda exc: show_error(self, exc),
        )

    def copy_file(self) -> None:
        entry = self._chosen_evidence()
        if entry is None or not entry.file_name:
            return
        name, _ = QFileDialog.getSaveFileName(self, "Save a copy of the evidence", entry.file_name)
        if name:
            self.ctx.tasks.run(
                lambda: stocktake.save_evidence_file(self.ctx.db, entry.id, Path(name)),
                on_error=lambda exc: show_error(self, exc),
            )

    def save_call(self) -> Callable[[], Outcome[None]]:
        requirement_id = self.detail.id
        actions, measures = self.actions.ticked(), self.measures.ticked()
        risks = self.risks.ticked()
        return lambda: stocktake.save_links(
            self.ctx.db, requirement_id, actions=actions, measures=measures, risks=risks
        )
