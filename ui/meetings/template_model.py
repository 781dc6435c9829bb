"""The standing items of a board's agenda template, as the template dialog lists them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from sendboard.domain.meetings import StandingItem
from sendboard.services.meetings.agenda import AgendaItemInput
from ui.common.rows import Index, RowsTableModel

NUMBER, TITLE, LEAD, PURPOSE, MINUTES, STANDING = range(6)
HEADERS = ("No.", "Item", "Lead", "Purpose", "Minutes", "Filled in from")

#: What the pack fills a standing item with, in the secretary's words.
STANDING_LABELS: dict[StandingItem, str] = {
    StandingItem.WELCOME: "Welcome and apologies",
    StandingItem.DECLARATIONS: "Declarations of interest",
    StandingItem.PREVIOUS_MINUTES: "Previous minutes",
    StandingItem.ACTION_LOG: "Action and impact log",
    StandingItem.RISK_REGISTER: "Risk register",
    StandingItem.DASHBOARD: "Performance dashboard",
    StandingItem.PRIORITY_UPDATES: "Priority area updates",
    StandingItem.AOB: "Any other business",
    StandingItem.NEXT_MEETING: "Date of next meeting",
    StandingItem.SELF_ASSESSMENT: "Self-assessment (stocktake)",
}


def standing_label(standing: StandingItem | None) -> str:
    return STANDING_LABELS.get(standing, standing.value) if standing else ""


class TemplateTableModel(RowsTableModel[AgendaItemInput]):
    """Rows are the template items in order; they have no ids, so rows are found by position."""

    HEADERS = HEADERS

    def display(self, item: AgendaItemInput, column: int) -> str:
        if column == NUMBER:
            return ""  # see data(): the number is the row's place
        if column == TITLE:
            return item.title
        if column == LEAD:
            return item.lead
        if column == PURPOSE:
            return item.purpose.label
        if column == MINUTES:
            return str(item.minutes)
        return standing_label(item.standing)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == NUMBER and role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}."  # by place: two items may read the same
        return super().data(index, role)

    def tooltip(self, item: AgendaItemInput, column: int) -> str:
        if column == STANDING and item.standing:
            return "The pack fills this item in from sendboard's records."
        return item.title

    def role_data(self, item: AgendaItemInput, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (NUMBER, MINUTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
