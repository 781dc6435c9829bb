"""Everything the People & Boards page lists, read in one background call.

The dialogs' choices (people to add, boards to report to, organisations) come from the same
snapshot, so opening a dialog needs no further read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sendboard.services import boards, people
from sendboard.services.boards import BoardView, priority_areas
from sendboard.services.boards.priority_areas import PriorityAreaView
from sendboard.services.common.workspace import Database
from sendboard.services.people import OrganisationView, PersonView


@dataclass(frozen=True)
class Directory:
    boards: list[BoardView] = field(default_factory=list)
    people: list[PersonView] = field(default_factory=list)
    organisations: list[OrganisationView] = field(default_factory=list)
    priority_areas: list[PriorityAreaView] = field(default_factory=list)

    def board(self, board_id: int | None) -> BoardView | None:
        return next((b for b in self.boards if b.id == board_id), None)


def load_directory(db: Database) -> Directory:
    return Directory(
        boards=boards.list_boards(db),
        people=people.list_people(db),
        organisations=people.list_organisations(db),
        priority_areas=priority_areas.list_priority_areas(db),
    )
