"""Rows inserted in bulk are stored and audited exactly as rows the session flushes."""

from __future__ import annotations

import getpass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from sendboard.domain.actions import ActionStatus
from sendboard.domain.brag import Brag
from sendboard.services import actions
from sendboard.services.audit import list_audit
from sendboard.services.common.workspace import Database
from sendboard.store.bulk import BulkInsert
from sendboard.store.models import Action, ActionUpdate, Person

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def clerk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "clerk.jones")


def _owner(db: Database) -> int:
    with db.write() as session:
        person = Person(name="Tom Whitcombe")
        session.add(person)
        session.flush()
        return person.id


def test_bulk_rows_match_flushed_rows_in_table_and_audit(db: Database) -> None:
    owner = _owner(db)
    values = {"title": "Recruit two psychologists", "owner_id": owner, "raised_on": TODAY}
    update = {"on": TODAY, "text": "Advert out", "progress": Brag.AMBER}
    with db.write() as session:
        flushed = Action(reference="P1.01", **values)
        session.add(flushed)
        session.add(ActionUpdate(action=flushed, **update))
        session.flush()
        bulk = BulkInsert(session)
        (row,) = bulk.insert(Action, [{"reference": "P1.02", **values}])
        (update_row,) = bulk.insert(ActionUpdate, [{"action_id": row["id"], **update}])
        bulk.audit(Action, row)
        bulk.audit(ActionUpdate, update_row)
        bulk.finish()
        stored = {a.reference: a for a in session.scalars(select(Action))}
        ours, theirs = stored["P1.01"], stored["P1.02"]
        for column in Action.__table__.columns.keys():  # noqa: SIM118 (names, not columns)
            if column not in ("id", "reference"):
                assert getattr(ours, column) == getattr(theirs, column), column
        assert theirs.status == ActionStatus.OPEN and theirs.description == ""
        assert [u.text for u in theirs.updates] == ["Advert out"]

    entries = {(e.entity, e.entity_id): e for e in list_audit(db) if e.action == "create"}
    a, b = entries[("Action", ours.id)], entries[("Action", theirs.id)]
    assert a.os_user == b.os_user == "clerk.jones"
    assert list(a.changes) == list(b.changes)  # same columns, same order
    assert a.changes["reference"] == (None, "P1.01") and b.changes["reference"] == (None, "P1.02")
    assert b.changes["id"] == (None, theirs.id)
    same = {k: v for k, v in a.changes.items() if k not in ("id", "reference")}
    assert same == {k: v for k, v in b.changes.items() if k not in ("id", "reference")}
    first, second = (entries[("ActionUpdate", u)] for u in sorted(
        e.entity_id for e in entries.values() if e.entity == "ActionUpdate"
    ))  # fmt: skip
    assert list(first.changes) == list(second.changes)
    assert second.changes["action_id"] == (None, theirs.id)
    skip = ("id", "action_id", "recorded_at")
    assert {k: v for k, v in first.changes.items() if k not in skip} == {
        k: v for k, v in second.changes.items() if k not in skip
    }
    assert second.changes["progress"] == (None, Brag.AMBER.value)


def test_import_audits_every_new_action_and_update(db: Database, tmp_path: Path) -> None:
    _owner(db)
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "Action", "Lead", "RAG", "Comments"])
    for n in range(1, 31):
        rating, note = ("G", f"Note {n}") if n % 3 else (None, None)
        sheet.append([f"P1.{n:02d}", f"Action {n}", "Tom Whitcombe", rating, note])
    book.save(tmp_path / "log.xlsx")

    actions.import_actions(db, tmp_path / "log.xlsx", today=TODAY)

    with db.read() as session:
        made = {a.id: a.reference for a in session.scalars(select(Action))}
        updated = {u.id: u.action_id for u in session.scalars(select(ActionUpdate))}
    assert len(made) == 30 and len(updated) == 20
    entries = list(reversed(list_audit(db)))[1:]  # oldest first, after the owner
    assert [(e.entity, e.action) for e in entries[:3]] == [
        ("Action", "create"),
        ("ActionUpdate", "create"),
        ("Action", "create"),
    ]  # each action, then its update, in row order
    creates = {(e.entity, e.entity_id): e for e in entries if e.action == "create"}
    assert {i for kind, i in creates if kind == "Action"} == set(made)
    assert {i for kind, i in creates if kind == "ActionUpdate"} == set(updated)
    for action_id, reference in made.items():
        assert creates[("Action", action_id)].changes["reference"] == (None, reference)
    for update_id, action_id in updated.items():
        assert creates[("ActionUpdate", update_id)].changes["action_id"] == (None, action_id)
