"""Every create, update and delete is recorded with the OS user and old → new values."""

from __future__ import annotations

import getpass

import pytest
from sqlalchemy import select

from sendboard.domain.governance import BoardKind
from sendboard.errors import ValidationError
from sendboard.services import boards as board_service
from sendboard.services import people as people_service
from sendboard.services.audit import count_audit, list_audit
from sendboard.services.boards import MembershipInput
from sendboard.services.common.workspace import Database
from sendboard.services.people import PersonInput
from sendboard.store.models import Action, Person


@pytest.fixture(autouse=True)
def clerk(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(getpass, "getuser", lambda: "clerk.jones")
    return "clerk.jones"


def test_create_update_delete_of_a_person_are_recorded(db: Database) -> None:
    made = people_service.create_person(
        db, PersonInput(name="Ava Stone", email="ava@old.example.org", organisation="Trust")
    ).value
    people_service.update_person(
        db,
        made.id,
        PersonInput(name="Ava Stone", email="ava@new.example.org", organisation="Trust"),
    )
    people_service.delete_person(db, made.id)

    deleted, updated, created = list_audit(db, entity="Person", entity_id=made.id)
    assert [e.action for e in (created, updated, deleted)] == ["create", "update", "delete"]
    assert {e.os_user for e in (created, updated, deleted)} == {"clerk.jones"}
    assert created.changes["name"] == (None, "Ava Stone")
    assert created.changes["email"] == (None, "ava@old.example.org")
    assert updated.changes == {"email": ("ava@old.example.org", "ava@new.example.org")}
    assert deleted.changes["email"] == ("ava@new.example.org", None)
    assert created.time.tzinfo is not None and created.time <= deleted.time


def test_deleting_a_person_records_their_memberships(demo_db: Database) -> None:
    ann = people_service.create_person(demo_db, PersonInput(name="Ann Leaving")).value
    for name in ("SEND Improvement Board", "SEND Delivery Group"):
        board = board_service.find_board(demo_db, name)
        board_service.add_member(demo_db, MembershipInput(person_id=ann.id, board_id=board.id))
    people_service.delete_person(demo_db, ann.id)
    removed = [e for e in list_audit(demo_db, entity="membership") if e.action == "delete"]
    assert len(removed) == 2
    assert all(e.changes["person_id"] == (ann.id, None) for e in removed)


def test_refused_delete_of_an_action_owner_records_nothing(demo_db: Database) -> None:
    with demo_db.read() as session:
        owner = session.scalars(select(Action.owner_id)).first()
    assert owner is not None
    name = people_service.get_person(demo_db, owner).name
    before = count_audit(demo_db)
    with pytest.raises(ValidationError, match=f"{name} cannot be removed while they own"):
        people_service.delete_person(demo_db, owner)
    assert count_audit(demo_db) == before
    assert people_service.get_person(demo_db, owner).name == name


def test_failed_service_call_records_nothing(db: Database) -> None:
    people_service.create_person(db, PersonInput(name="Ava Stone", email="ava@example.org"))
    before = count_audit(db)
    with pytest.raises(ValidationError):
        people_service.create_person(db, PersonInput(name="Ava Again", email="AVA@example.org"))
    assert count_audit(db) == before


def test_rolled_back_transaction_leaves_no_entries(db: Database) -> None:
    before = count_audit(db)
    with pytest.raises(RuntimeError), db.write() as session:
        session.add(Person(name="Ghost"))
        session.flush()  # the audit rows are written here…
        assert count_audit(db) == before  # …but only inside this transaction
        raise RuntimeError("power cut")
    assert count_audit(db) == before
    assert people_service.list_people(db) == []


def test_newest_first_with_limit_and_filters(db: Database) -> None:
    for name in ("One", "Two", "Three"):
        people_service.create_person(db, PersonInput(name=name))
    board_service.create_board(db, board_service.BoardInput(name="Panel", kind=BoardKind.SCRUTINY))
    assert [e.entity for e in list_audit(db, limit=2)] == ["Board", "Person"]
    people = list_audit(db, entity="PERSON")
    assert [e.changes["name"][1] for e in people] == ["Three", "Two", "One"]
    assert list_audit(db, limit=0) == []
