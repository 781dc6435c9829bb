"""The members table of one board; former members are shown greyed."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QBrush, QColor

from sendboard.domain.wording import table_date
from sendboard.services.boards import MemberView
from ui.common.rows import Column, RowsModel, iso_date


def _role_label(member: MemberView) -> str:
    return member.statutory_role.label if member.statutory_role else ""


class MembersModel(RowsModel[MemberView]):
    NAME, TITLE, ORGANISATION, EMAIL, STATUTORY_ROLE, BOARD_ROLE, VOTING, FROM, TO = range(9)
    COLUMNS = (
        Column("Name", lambda m: m.name),
        Column("Title", lambda m: m.title),
        Column("Organisation", lambda m: m.organisation),
        Column("Email", lambda m: m.email or ""),
        Column("Statutory role", _role_label),
        Column("Board role", lambda m: m.role.label),
        Column("Voting", lambda m: "Yes" if m.voting else "No", searchable=False),
        Column("From", lambda m: table_date(m.from_date), lambda m: iso_date(m.from_date)),
        # A blank end date means current: it sorts after every real date.
        Column("To", lambda m: table_date(m.to_date), lambda m: iso_date(m.to_date, "9999")),
    )

    def row_foreground(self, row: MemberView) -> Any:
        return None if row.current else QBrush(QColor("#777777"))

    def row_tooltip(self, row: MemberView) -> str:
        return "" if row.current else f"Former member (until {table_date(row.to_date)})"
