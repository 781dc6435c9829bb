"""Minutes: the workflow from draft to approved, decision numbers, and the public notice.

Rules only, no I/O: the services decide what is stored, the outputs what is printed.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from sendboard.domain.governance import BoardKind


class MinutesStatus(StrEnum):
    DRAFT = "draft"
    SENT_TO_CHAIR = "sent_to_chair"  # for the chair to check
    CIRCULATED = "circulated"  # sent to members as the draft for approval
    APPROVED = "approved"  # agreed at the next meeting: locked

    @property
    def label(self) -> str:
        return {
            "sent_to_chair": "Sent to the chair",
            "circulated": "Circulated",
        }.get(self.value, self.value.capitalize())

    @property
    def locked(self) -> bool:
        return self is MinutesStatus.APPROVED


#: Which steps lead where. The chair may send a draft back; circulated minutes are approved at
#: the next meeting, or go back to draft when a correction is needed before then.
NEXT_STEPS: dict[MinutesStatus, tuple[MinutesStatus, ...]] = {
    MinutesStatus.DRAFT: (MinutesStatus.SENT_TO_CHAIR, MinutesStatus.CIRCULATED),
    MinutesStatus.SENT_TO_CHAIR: (MinutesStatus.DRAFT, MinutesStatus.CIRCULATED),
    MinutesStatus.CIRCULATED: (MinutesStatus.DRAFT, MinutesStatus.APPROVED),
    MinutesStatus.APPROVED: (),
}


def can_move(current: MinutesStatus, to: MinutesStatus) -> bool:
    return to in NEXT_STEPS[current]


def minutes_overdue(status: MinutesStatus | None, due: date, today: date) -> bool:
    """Draft minutes (with the chair or not) still not circulated after the day they were due.
    Minutes never started are not counted: not every meeting is minuted here."""
    drafting = status in (MinutesStatus.DRAFT, MinutesStatus.SENT_TO_CHAIR)
    return drafting and due < today


#: Printed in the public copy where an exempt item's minute would be.
NOT_FOR_PUBLICATION = "Not for publication"
EXEMPT_NOTICE = (
    "This item was considered in the confidential part of the meeting. It contains exempt "
    "information and its minute is not for publication."
)

_SHORT = {
    BoardKind.IMPROVEMENT_BOARD: "IB",
    BoardKind.DELIVERY_GROUP: "DG",
    BoardKind.SCRUTINY: "SB",
}


def board_code(name: str, kind: BoardKind) -> str:
    """The short code decisions of a board are numbered under: IB, DG, SG3…"""
    if kind in _SHORT:
        return _SHORT[kind]
    number = re.search(r"\d+", name)
    if number:
        return f"SG{number.group()}"
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w']*", name) if w[0].isupper())
    return initials[:6] or "SG"


def decision_reference(code: str, year: int, number: int) -> str:
    """'IB/2027/14': the 14th decision of the board in 2027."""
    return f"{code}/{year}/{number}"
