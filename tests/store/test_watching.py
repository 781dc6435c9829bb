"""The change counter the window polls: others' changes are seen, by area, on both stores."""

from __future__ import annotations

from sendboard.services import people
from sendboard.services.common import watching
from sendboard.services.common.changes import Area
from sendboard.services.common.workspace import open_database
from tests.pg_server import target


def test_changes_by_another_client_are_seen_with_their_areas(db) -> None:
    other = open_database(target(db), user="Sam Okafor")
    try:
        start = watching.change_counter(db)
        assert watching.changes_since(db, start) == (start, watching.Changes(frozenset()))
        people.create_person(other, people.PersonInput(name="Helen Marsh"))
        counter, changes = watching.changes_since(db, start)
        assert counter > start and watching.change_counter(db) == counter
        assert changes.touches(Area.PEOPLE) and not changes.touches(Area.RISKS)
        assert watching.changes_since(db, counter)[1].areas == frozenset()
    finally:
        other.close()
