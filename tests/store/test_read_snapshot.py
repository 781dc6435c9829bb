"""A read sees one moment of the database: a view built from several queries (a record's
fields, then its version) never mixes two saves, on a file or on a server. A mixed view would
let a form save old text under a new version, losing a colleague's change (bench/load.py)."""

from __future__ import annotations

from sqlalchemy import select

from sendboard.services import people
from sendboard.services.common.workspace import Database, open_database
from sendboard.store.models import Person
from tests.pg_server import target


def test_a_read_does_not_see_a_save_made_half_way_through_it(db: Database) -> None:
    made = people.create_person(db, people.PersonInput(name="Helen Marsh")).value
    other = open_database(target(db), user="Sam Okafor")
    try:
        with db.read() as session:
            first = session.scalar(select(Person.name).where(Person.id == made.id))
            people.update_person(other, made.id, people.PersonInput(name="Helen Marsh-Okafor"))
            version = session.scalar(select(Person.version).where(Person.id == made.id))
        assert (first, version) == ("Helen Marsh", 1)
        with db.read() as session:
            assert session.scalar(select(Person.version).where(Person.id == made.id)) == 2
    finally:
        other.close()
