"""Priority areas of the improvement plan, in code order."""

from __future__ import annotations

from sendboard.services.boards.priority_areas import PriorityAreaView
from ui.common.rows import Column, RowsModel


def _code_key(area: PriorityAreaView) -> str:
    """P2 before P10: pad the number so text order is numeric order."""
    prefix = area.code.rstrip("0123456789")
    number = area.code[len(prefix) :]
    return f"{prefix.casefold()}{number.zfill(6)}"


class PriorityAreasModel(RowsModel[PriorityAreaView]):
    CODE, TITLE, LEAD, SUB_GROUP, RESPONSIBLE_BODIES = range(5)
    COLUMNS = (
        Column("Code", lambda a: a.code, _code_key),
        Column("Title", lambda a: a.title),
        Column("Lead", lambda a: a.lead_name),
        Column("Sub-group", lambda a: a.sub_group_name),
        Column("Responsible bodies", lambda a: a.responsible_bodies),
    )
