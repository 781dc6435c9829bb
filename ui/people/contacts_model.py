"""The contact list: everyone, with the boards they sit on."""

from __future__ import annotations

from sendboard.services.people import PersonView
from ui.common.rows import Column, RowsModel


class PeopleModel(RowsModel[PersonView]):
    NAME, TITLE, ORGANISATION, EMAIL, PHONE, STATUTORY_ROLE, BOARDS = range(7)
    COLUMNS = (
        Column("Name", lambda p: p.name),
        Column("Title", lambda p: p.title),
        Column("Organisation", lambda p: p.organisation),
        Column("Email", lambda p: p.email or ""),
        Column("Phone", lambda p: p.phone),
        Column("Statutory role", lambda p: p.statutory_role.label if p.statutory_role else ""),
        Column("Boards", lambda p: "; ".join(p.boards), lambda p: len(p.boards)),
    )
