"""Creating a board or a person in an empty database (no half-filled row gets flushed early)."""

from __future__ import annotations

import pytest

from sendboard.domain.governance import BoardKind, StatutoryRole
from sendboard.errors import ValidationError
from sendboard.services import boards, people
from sendboard.services.common.workspace import Database


def test_create_board_then_a_child(db: Database) -> None:
    top = boards.create_board(
        db,
        boards.BoardInput(
            name="SEND Improvement Board",
            kind=BoardKind.IMPROVEMENT_BOARD,
            required_roles=(StatutoryRole.DFE_CASE_LEAD,),
        ),
    ).value
    child = boards.create_board(
        db, boards.BoardInput(name="Delivery", kind=BoardKind.DELIVERY_GROUP, parent_id=top.id)
    ).value
    assert [b.name for b in boards.list_boards(db)] == ["SEND Improvement Board", "Delivery"]
    assert child.parent_id == top.id
    assert top.missing_roles == (StatutoryRole.DFE_CASE_LEAD,)
    with pytest.raises(ValidationError) as error:
        boards.create_board(db, boards.BoardInput(name="delivery", kind=BoardKind.SUB_GROUP))
    assert error.value.field == "name"


def test_create_person_with_a_new_organisation(db: Database) -> None:
    made = people.create_person(
        db, people.PersonInput(name="Bethan Morgan", organisation="Kingsmere Council")
    ).value
    assert made.organisation == "Kingsmere Council"
    assert [p.name for p in people.list_people(db)] == ["Bethan Morgan"]
    with pytest.raises(ValidationError) as error:
        people.create_person(db, people.PersonInput(name="  ", organisation="Elsewhere"))
    assert error.value.field == "name"
    assert [o.name for o in people.list_organisations(db)] == ["Kingsmere Council"]
