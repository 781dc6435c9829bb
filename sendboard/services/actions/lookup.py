"""Finding the people, organisations, areas, boards and actions a spreadsheet row names.

Everything is loaded once per import, so 5,000 rows cost a handful of queries. A lookup returns
the id it found, or a message for the row that says what to do (with a suggestion when a name is
close to one we know).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard.domain.actions import ActionStatus
from sendboard.domain.brag import Brag
from sendboard.domain.wording import counted
from sendboard.services.actions.queries import partner_ids, recent_updates
from sendboard.store.models import Action, Board, Organisation, Person, PriorityArea


@dataclass(frozen=True)
class ExistingAction:
    id: int
    title: str
    description: str
    owner_id: int
    priority_area_id: int | None
    board_id: int | None
    target: str
    raised_on: date | None
    original_due: date | None
    revised_due: date | None
    revised_reason: str
    status: ActionStatus
    evidence: str
    closed_on: date | None
    partner_ids: tuple[int, ...]
    latest_update: tuple[str, Brag | None, Brag | None] | None
    latest_update_on: date | None = None


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _suggest(text: str, known: list[str]) -> str:
    close = difflib.get_close_matches(text, known, n=1, cutoff=0.6)
    return f" — did you mean {close[0]}?" if close else ""


@dataclass
class Lookup:
    people_by_name: dict[str, list[int]] = field(default_factory=dict)
    people_by_email: dict[str, int] = field(default_factory=dict)
    person_names: list[str] = field(default_factory=list)
    orgs: dict[str, int] = field(default_factory=dict)
    org_names: list[str] = field(default_factory=list)
    areas: dict[str, int] = field(default_factory=dict)
    area_codes: dict[int | None, str] = field(default_factory=dict)
    area_boards: dict[int, int] = field(default_factory=dict)
    boards: dict[str, int] = field(default_factory=dict)
    board_names: list[str] = field(default_factory=list)
    actions: dict[str, ExistingAction] = field(default_factory=dict)

    def person(self, text: str) -> int | str:
        key = _key(text)
        if "@" in key:
            if key in self.people_by_email:
                return self.people_by_email[key]
            return f"No one in the contact list has the email {text}; add them under People first"
        ids = self.people_by_name.get(key, [])
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            return (
                f"{counted(len(ids), 'person')} are called {text}; "
                "give the owner's email address instead"
            )
        return (
            f"Owner '{text}' is not in the contact list{_suggest(text, self.person_names)}"
            " (add them under People first, or correct the name)"
        )

    def owner(self, name: str, email: str) -> int | str:
        """The owner by email when the sheet gives one (names are not unique), checked against
        the name beside it; otherwise by name."""
        if not email:
            return self.person(name)
        found = self.person(email)
        named = self.people_by_name.get(_key(name), [])
        if isinstance(found, int) and name and "@" not in name and found not in named:
            return (
                f"The owner {name} and the owner email {email} are different people; "
                "correct one of them, or clear the email to go by the name"
            )
        return found

    def organisations(self, text: str) -> tuple[int, ...] | str:
        found: list[int] = []
        for part in re.split(r"[;,/\n]+", text):
            name = part.strip()
            if not name:
                continue
            org = self.orgs.get(_key(name))
            if org is None:
                return (
                    f"Partner '{name}' is not a known organisation"
                    f"{_suggest(name, self.org_names)} (separate several with ; or ,)"
                )
            found.append(org)
        return tuple(dict.fromkeys(found))

    def priority_area(self, text: str) -> int | str:
        key = _key(text)
        match = re.fullmatch(r"(?:priority|p)?\s*(?:area)?\s*(\d+)(?:\b.*)?", key)
        for candidate in (key.upper(), f"P{match.group(1)}" if match else ""):
            if candidate in self.areas:
                return self.areas[candidate]
        if key in self.areas:
            return self.areas[key]
        codes = ", ".join(sorted(c for c in self.areas if c.isupper()))
        return f"Priority area '{text}' is not known; use one of {codes}"

    def board(self, text: str) -> int | str:
        found = self.boards.get(_key(text))
        if found is not None:
            return found
        return f"Board '{text}' is not known{_suggest(text, self.board_names)}"

    def highest_numbers(self) -> dict[str, int]:
        """The highest number used after each reference prefix (P2.07 → {'P2': 7})."""
        highest: dict[str, int] = {}
        for reference in self.actions:
            prefix, _, number = reference.rpartition(".")
            if number.isdigit():
                highest[prefix] = max(highest.get(prefix, 0), int(number))
        return highest


def load_lookup(session: Session) -> Lookup:
    lookup = Lookup()
    by_name: dict[str, list[int]] = defaultdict(list)
    for person_id, name, email in session.execute(select(Person.id, Person.name, Person.email)):
        by_name[_key(name)].append(person_id)
        lookup.person_names.append(name)
        if email:
            lookup.people_by_email[email.lower()] = person_id
    lookup.people_by_name = dict(by_name)
    for org_id, name, short in session.execute(
        select(Organisation.id, Organisation.name, Organisation.short_name)
    ):
        lookup.orgs[_key(name)] = org_id
        lookup.org_names.append(name)
        if short:
            lookup.orgs.setdefault(_key(short), org_id)
    for area in session.scalars(select(PriorityArea)):
        lookup.areas[area.code.upper()] = area.id
        lookup.areas[_key(area.title)] = area.id
        lookup.areas[_key(f"{area.code} {area.title}")] = area.id
        lookup.area_codes[area.id] = area.code
        if area.sub_group_id is not None:
            lookup.area_boards[area.id] = area.sub_group_id
    for board_id, name in session.execute(select(Board.id, Board.name)):
        lookup.boards[_key(name)] = board_id
        lookup.board_names.append(name)
    latest = recent_updates(session, 1, None)
    partners = partner_ids(session)
    for action in session.execute(select(Action.__table__)).mappings():
        update = latest.get(action["id"])
        lookup.actions[action["reference"].upper()] = ExistingAction(
            id=action["id"],
            title=action["title"],
            description=action["description"],
            owner_id=action["owner_id"],
            priority_area_id=action["priority_area_id"],
            board_id=action["board_id"],
            target=action["target"],
            raised_on=action["raised_on"],
            original_due=action["original_due"],
            revised_due=action["revised_due"],
            revised_reason=action["revised_reason"],
            status=ActionStatus(action["status"]),
            evidence=action["evidence"],
            closed_on=action["closed_on"],
            partner_ids=partners.get(action["id"], ()),
            latest_update=(update[0][3], update[0][1], update[0][2]) if update else None,
            latest_update_on=update[0][0] if update else None,
        )
    return lookup
