"""The register as a table: score cells in band colours, and a proxy that filters and sorts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from sendboard.domain.risk import Rating, RiskStatus
from sendboard.domain.wording import table_date
from sendboard.services.risks.views import RiskView
from ui.common.rows import RowsTableModel

REF, TITLE, CATEGORY, AREA, OWNER, INHERENT, RESIDUAL, TARGET, TREND, REVIEWED, STATUS = range(11)
HEADERS = (
    "Ref",
    "Risk",
    "Category",
    "Area",
    "Owner",
    "Inherent",
    "Residual",
    "Target",
    "Trend",
    "Last reviewed",
    "Status",
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
VIEW_ROLE = Qt.ItemDataRole.UserRole + 2
_SCORES = {INHERENT: "inherent", RESIDUAL: "residual", TARGET: "target"}

Index = QModelIndex | QPersistentModelIndex


def _rating(view: RiskView, column: int) -> Rating | None:
    """The inherent, residual or target rating a score column shows; None elsewhere."""
    return getattr(view, _SCORES[column]) if column in _SCORES else None


class RiskTableModel(RowsTableModel[RiskView]):
    HEADERS = HEADERS

    def display(self, view: RiskView, column: int) -> str:
        return self._text(view, column, _rating(view, column))

    def tooltip(self, view: RiskView, column: int) -> str | None:
        return self._tip(view, column, _rating(view, column))

    def background(self, view: RiskView, column: int) -> QBrush | None:
        rating = _rating(view, column)
        return QBrush(QColor(rating.band.colour)) if rating is not None else None

    def foreground(self, view: RiskView, column: int) -> QBrush | None:
        rating = _rating(view, column)
        if rating is not None:
            return QBrush(QColor(rating.band.text_colour))
        if column == REVIEWED and view.not_reviewed:
            return QBrush(QColor("#a0281e"))
        return None

    def role_data(self, view: RiskView, column: int, role: int) -> Any:
        if role == VIEW_ROLE:
            return view
        rating = _rating(view, column)
        if role == SORT_ROLE:
            return self._sort_key(view, column, rating)
        if role == Qt.ItemDataRole.TextAlignmentRole and rating is not None:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and (
            (column == REVIEWED and view.not_reviewed)
            or (column == RESIDUAL and view.above_appetite)
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, view: RiskView, column: int, rating: Rating | None) -> str:
        if column in _SCORES:
            if rating is None:
                return ""
            flag = " ▲" if column == RESIDUAL and view.above_appetite else ""
            return f"{rating.text}{flag}"
        if column == REVIEWED:
            day = table_date(view.last_reviewed) if view.last_reviewed else "never"
            return f"⚠ {day}" if view.not_reviewed else day
        if column == TREND:
            return view.trend.text
        if column == STATUS:
            return "Escalated" if view.status is RiskStatus.ESCALATED else view.status.label
        return {
            REF: view.reference,
            TITLE: view.title,
            CATEGORY: view.category,
            AREA: view.priority_area,
            OWNER: view.owner,
        }[column]

    def _sort_key(self, view: RiskView, column: int, rating: Rating | None) -> Any:
        if column in _SCORES:
            return -1 if rating is None else rating.score * 100 + rating.impact * 10
        if column == REVIEWED:
            return view.last_reviewed.toordinal() if view.last_reviewed else 0
        if column == REF:
            digits = "".join(c for c in view.reference if c.isdigit())
            return f"{view.reference.rstrip('0123456789')}{int(digits or 0):06d}"
        return self._text(view, column, rating).lower()

    def _tip(self, view: RiskView, column: int, rating: Rating | None) -> str | None:
        if column in _SCORES and rating is not None:
            tip = f"Likelihood {rating.likelihood} × impact {rating.impact} = {rating.text}"
            if column == RESIDUAL and view.appetite is not None:
                verdict = "above" if view.above_appetite else "within"
                tip += (
                    f"\n{verdict.capitalize()} the {view.appetite.level.label.lower()} appetite "
                    f"for {view.category} (highest acceptable {view.appetite.highest_score})"
                )
            return tip
        if column == REVIEWED and view.not_reviewed:
            return view.not_reviewed_reason
        if column == TITLE:
            return view.title
        if column == STATUS and view.escalated_to:
            return f"Escalated to {view.escalated_to}"
        return None


@dataclass(frozen=True)
class RiskFilter:
    """What the filter bar and heat map ask for; None or False means "any"."""

    category: str | None = None
    priority_area: str | None = None
    owner: str | None = None
    status: str | None = "live"  # "live" = open and escalated; else a RiskStatus value
    band: str | None = None  # band label of the residual score
    not_reviewed: bool = False
    cell: tuple[int, int] | None = None
    cell_kind: str = "residual"
    text: str = ""

    def accepts(self, view: RiskView) -> bool:
        if self.category and view.category != self.category:
            return False
        if self.priority_area and view.priority_area != self.priority_area:
            return False
        if self.owner and view.owner != self.owner:
            return False
        if self.status == "live" and not view.live:
            return False
        if self.status not in (None, "live") and view.status.value != self.status:
            return False
        if self.band and view.residual.label != self.band:
            return False
        if self.not_reviewed and not view.not_reviewed:
            return False
        if self.cell is not None:
            rating = getattr(view, self.cell_kind)
            if rating is None or (rating.likelihood, rating.impact) != self.cell:
                return False
        needle = self.text.strip().lower()
        return not needle or needle in f"{view.reference} {view.title} {view.owner}".lower()


class RiskFilterProxy(QSortFilterProxyModel):
    """Filters by a RiskFilter; sorts by score value (worst residual first by default)."""

    def __init__(self) -> None:
        super().__init__()
        self.filter = RiskFilter()
        self.setSortRole(SORT_ROLE)

    def set_filter(self, value: RiskFilter) -> None:
        self.beginFilterChange()
        self.filter = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        view = model.data(model.index(source_row, 0, source_parent), VIEW_ROLE)
        return view is not None and self.filter.accepts(view)

    def view_at(self, row: int) -> RiskView | None:
        index = self.index(row, 0)
        return index.data(VIEW_ROLE) if index.isValid() else None
