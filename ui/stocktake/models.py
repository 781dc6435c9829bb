"""The Stocktake page's tables, testable without a window: coverage, engagement and the
self-assessment, each a read-only model of frozen service views."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from sendboard.domain.brag import Brag
from sendboard.domain.wording import counted, table_date
from sendboard.services.stocktake import CoverageRow, EngagementView, RequirementJudgement
from ui.common.rows import RowsTableModel

FLAG_BACKGROUND = "#FFC7CE"
FLAG_TEXT = "#9C0006"


def _rag(brag: Brag | None) -> str:
    return f"{brag.letter} {brag.label}" if brag else "–"


class CoverageModel(RowsTableModel[CoverageRow]):
    REF, TEXT, ACTIONS, MEASURES, EVIDENCE, SUGGESTED, FLAGS = range(7)
    HEADERS = ("Ref", "Requirement", "Actions (BRAG)", "Measures", "Evidence", "Suggested", "Flags")

    def display(self, row: CoverageRow, column: int) -> Any:
        if column == self.REF:
            return row.reference
        if column == self.TEXT:
            return row.text if row.tracked else f"(lead-in) {row.text}"
        if column == self.ACTIONS:
            return ", ".join(f"{a.reference} {a.letter}" for a in row.actions)
        if column == self.MEASURES:
            return ", ".join(f"{m.reference} {m.letter}" for m in row.measures)
        if column == self.EVIDENCE:
            count = len(row.evidence) + len(row.engagement)
            return counted(count, "item") if count else ""
        if column == self.SUGGESTED:
            return _rag(row.suggestion.rag) if row.tracked else ""
        if column == self.FLAGS:
            return row.flag_text
        return None

    def tooltip(self, row: CoverageRow, column: int) -> Any:
        if column == self.TEXT:
            return row.text
        if column == self.ACTIONS:
            return "\n".join(a.text + " " + a.title for a in row.actions) or None
        if column == self.MEASURES:
            return "\n".join(m.text + " " + m.title for m in row.measures) or None
        if column == self.EVIDENCE:
            return "\n".join((*row.evidence, *row.engagement)) or None
        if column == self.SUGGESTED:
            return row.suggestion.reason
        return None

    def background(self, row: CoverageRow, column: int) -> Any:
        if column == self.SUGGESTED and row.tracked:
            return QColor(row.suggestion.rag.colour)
        if column == self.FLAGS and row.flags:
            return QColor(FLAG_BACKGROUND)
        return None

    def foreground(self, row: CoverageRow, column: int) -> Any:
        if column == self.SUGGESTED and row.tracked:
            return QColor(row.suggestion.rag.text_colour)
        if column == self.FLAGS and row.flags:
            return QColor(FLAG_TEXT)
        if not row.tracked:
            return QColor("#666666")
        return None

    def flagged(self) -> int:
        return sum(1 for r in self.rows() if r.flags)


class EngagementModel(RowsTableModel[EngagementView]):
    HEADERS = ("Ref", "Date", "Format", "Event", "Who took part", "How many", "You said", "We did")

    def display(self, row: EngagementView, column: int) -> Any:
        values = (
            row.reference,
            table_date(row.held_on),
            row.format.label,
            row.title,
            "; ".join(row.participants),
            "" if row.number is None else str(row.number),
            row.said,
            row.changed or "(nothing recorded yet)",
        )
        return values[column]

    def tooltip(self, row: EngagementView, column: int) -> Any:
        if column in (6, 7):
            return self.display(row, column)
        return None

    def foreground(self, row: EngagementView, column: int) -> Any:
        return QColor(FLAG_TEXT) if column == 7 and not row.changed else None


class AssessmentModel(RowsTableModel[RequirementJudgement]):
    REF, TEXT, SUGGESTED, JUDGEMENT, PREVIOUS, MOVEMENT, FLAGS = range(7)
    HEADERS = ("Ref", "Requirement", "Suggested", "Judgement", "Previous", "Movement", "Flags")

    def display(self, row: RequirementJudgement, column: int) -> Any:
        values = (
            row.reference,
            row.text,
            _rag(row.suggested),
            _rag(row.rag),
            _rag(row.previous),
            row.movement,
            "; ".join(row.flags),
        )
        return values[column]

    def _brag(self, row: RequirementJudgement, column: int) -> Brag | None:
        return {
            self.SUGGESTED: row.suggested,
            self.JUDGEMENT: row.rag,
            self.PREVIOUS: row.previous,
        }.get(column)

    def background(self, row: RequirementJudgement, column: int) -> Any:
        brag = self._brag(row, column)
        if brag is not None:
            return QColor(brag.colour)
        if column == self.FLAGS and row.flags:
            return QColor(FLAG_BACKGROUND)
        return None

    def foreground(self, row: RequirementJudgement, column: int) -> Any:
        brag = self._brag(row, column)
        if brag is not None:
            return QColor(brag.text_colour)
        return QColor(FLAG_TEXT) if column == self.FLAGS and row.flags else None

    def role_data(self, row: RequirementJudgement, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and column == self.JUDGEMENT and not row.judgement:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def tooltip(self, row: RequirementJudgement, column: int) -> Any:
        if column == self.JUDGEMENT and not row.judgement:
            return "Not judged yet: the suggestion stands"
        if column == self.SUGGESTED:
            return row.suggested_reason or row.data_moved
        if column == self.TEXT:
            return row.text
        return None
