"""The services refuse bad input with messages that name the field and say what to do."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sendboard.domain.governance import BoardKind, MemberRole, StatutoryRole
from sendboard.errors import ValidationError
from sendboard.services import boards as board_service
from sendboard.services import people as people_service
from sendboard.services.boards import BoardInput, MembershipInput
from sendboard.services.boards.priority_areas import PriorityAreaInput, create_priority_area
from sendboard.services.common.workspace import Database
from sendboard.services.people import PersonInput


def board(db: Database, name: str, parent: int | None = None) -> int:
    data = BoardInput(name=name, kind=BoardKind.SUB_GROUP, parent_id=parent)
    return board_service.create_board(db, data).value.id


def test_name_is_required(db: Database) -> None:
    with pytest.raises(ValidationError, match="Name is required") as caught:
        people_service.create_person(db, PersonInput(name="   ", email="a@example.org"))
    assert caught.value.field == "name"
    assert people_service.list_people(db) == []


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "a b@example.org", "x@y.org\nBcc: z"])
def test_email_syntax(db: Database, email: str) -> None:
    with pytest.raises(ValidationError, match="not a valid email") as caught:
        people_service.create_person(db, PersonInput(name="Ann", email=email))
    assert caught.value.field == "email"


def test_email_is_unique_and_the_message_names_the_holder(db: Database) -> None:
    people_service.create_person(db, PersonInput(name="Ann Holder", email="ann@example.org"))
    other = people_service.create_person(db, PersonInput(name="Bea Other")).value
    with pytest.raises(ValidationError, match="already the email of Ann Holder") as caught:
        people_service.update_person(db, other.id, PersonInput(name="Bea", email="ANN@example.org"))
    assert caught.value.field == "email"
    assert people_service.get_person(db, other.id).email is None


def test_a_board_cannot_be_its_own_ancestor(db: Database) -> None:
    top = board(db, "Top")
    middle = board(db, "Middle", top)
    bottom = board(db, "Bottom", middle)
    for parent in (top, middle, bottom):
        with pytest.raises(ValidationError, match="cannot report to itself") as caught:
            board_service.update_board(
                db, top, BoardInput(name="Top", kind=BoardKind.SUB_GROUP, parent_id=parent)
            )
        assert caught.value.field == "parent_id"
    assert board_service.get_board(db, top).parent_id is None
    moved = board_service.update_board(
        db, bottom, BoardInput(name="Bottom", kind=BoardKind.SUB_GROUP, parent_id=top)
    )
    assert moved.value.parent_id == top


def test_board_names_are_unique_ignoring_case(db: Database) -> None:
    board(db, "SEND Delivery Group")
    with pytest.raises(ValidationError, match="already a board called SEND Delivery Group"):
        board(db, "send delivery group")


def test_membership_cannot_end_before_it_starts(db: Database) -> None:
    person = people_service.create_person(db, PersonInput(name="Ann")).value
    data = MembershipInput(
        person_id=person.id,
        board_id=board(db, "Panel"),
        from_date=date(2026, 3, 1),
        to_date=date(2026, 2, 28),
    )
    with pytest.raises(ValidationError, match="cannot end before it starts") as caught:
        board_service.add_member(db, data)
    assert caught.value.field == "to_date"


def test_priority_area_codes_are_unique(db: Database) -> None:
    create_priority_area(db, PriorityAreaInput(code="P1", title="Governance"))
    with pytest.raises(ValidationError, match="P1 is already used by Governance"):
        create_priority_area(db, PriorityAreaInput(code=" p1 ", title="Something else"))


def _improvement_board(db: Database) -> board_service.BoardView:
    return board_service.find_board(db, "SEND Improvement Board")


def test_removing_the_case_lead_as_member_still_invites_the_role_holder(
    demo_db: Database,
) -> None:
    ib = _improvement_board(demo_db)
    assert ib.missing_roles == ()
    case_lead = next(
        m
        for m in board_service.list_members(demo_db, ib.id)
        if m.statutory_role is StatutoryRole.DFE_CASE_LEAD
    )
    board_service.remove_member(demo_db, case_lead.id)
    after = _improvement_board(demo_db)
    assert after.missing_roles == ()  # the invitation list adds him as the role's holder
    assert after.member_count == ib.member_count - 1
    person = next(p for p in people_service.list_people(demo_db) if p.id == case_lead.person_id)
    data = PersonInput(name=person.name, title=person.title, email=person.email)
    people_service.update_person(demo_db, person.id, data)  # no longer the case lead
    assert _improvement_board(demo_db).missing_roles == (StatutoryRole.DFE_CASE_LEAD,)


def test_a_membership_that_ended_does_not_count(demo_db: Database) -> None:
    ib = _improvement_board(demo_db)
    adviser = next(
        m
        for m in board_service.list_members(demo_db, ib.id)
        if m.statutory_role is StatutoryRole.NHSE_ADVISER
    )
    ended = MembershipInput(
        person_id=adviser.person_id,
        board_id=ib.id,
        role=MemberRole.ADVISER,
        voting=False,
        from_date=date(2026, 1, 1),
        to_date=date.today() - timedelta(days=1),
    )
    board_service.update_member(demo_db, adviser.id, ended)
    after = _improvement_board(demo_db)
    assert after.member_count == ib.member_count - 1
    assert after.missing_roles == ()  # still invited, as the holder of the role


def test_an_adviser_without_email_does_not_count(demo_db: Database) -> None:
    kimani = next(p for p in people_service.list_people(demo_db) if p.name == "Robert Kimani")
    data = PersonInput(
        name=kimani.name, title=kimani.title, statutory_role=kimani.statutory_role, email=None
    )
    people_service.update_person(demo_db, kimani.id, data)
    assert _improvement_board(demo_db).missing_roles == (StatutoryRole.DFE_SEND_ADVISER,)


def test_missing_roles_warning_follows_the_invitation_list_rule(demo_db: Database) -> None:
    """A board warns of a missing adviser exactly when a new meeting's invitation list would
    lack one: holders of a required role are invited whether or not they are members."""
    from sqlalchemy import select as select_rows

    from sendboard.services.meetings import invitations
    from sendboard.store.models import Board, BoardRequiredRole, Membership, Person
    from tests.invitation_fixtures import add_meeting

    with demo_db.write() as session:
        group = session.scalars(select_rows(Board).where(Board.kind != "improvement_board")).first()
        assert group is not None
        advisers = session.scalars(select_rows(Person).where(Person.statutory_role.is_not(None)))
        adviser_ids = {p.id for p in advisers}
        for membership in session.scalars(
            select_rows(Membership).where(Membership.board_id == group.id)
        ):
            if membership.person_id in adviser_ids:
                session.delete(membership)
        have = {r.role for r in group.required_roles}
        for role in StatutoryRole:
            if role not in have:
                session.add(BoardRequiredRole(board_id=group.id, role=role))
        name = group.name
    view = board_service.find_board(demo_db, name)
    assert set(view.required_roles) == set(StatutoryRole)
    meeting_id = add_meeting(demo_db, board=name)
    assert invitations.check_gate(demo_db, meeting_id) == ()
    assert view.missing_roles == ()
    kimani = next(p for p in people_service.list_people(demo_db) if p.name == "Robert Kimani")
    data = PersonInput(
        name=kimani.name, title=kimani.title, statutory_role=kimani.statutory_role, email=None
    )
    people_service.update_person(demo_db, kimani.id, data)
    assert invitations.check_gate(demo_db, meeting_id) == (StatutoryRole.DFE_SEND_ADVISER,)
    assert board_service.find_board(demo_db, name).missing_roles == (
        StatutoryRole.DFE_SEND_ADVISER,
    )
