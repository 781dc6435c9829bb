"""The secretary's contact list in and out of a spreadsheet (.csv or .xlsx).

Export writes one row per person. Import reads the same shape (tolerating common heading
variants), previews every row, and then writes all rows in one transaction or none.

How an imported row finds its person:

* A row with an email updates the person with that email (case does not matter). If nobody has
  that email but exactly one person of the same name has no email yet, that person is updated
  and gains the email. Otherwise the row adds a new person.
* A row without an email updates the one person of that name who also has no email; it adds a
  new person when nobody has that name. When someone of that name is already listed with an
  email (or several people share the name), the row is refused: add the email so it can be
  matched, rather than risk a duplicate or updating the wrong person.

Columns the file does not have leave those details as they are; a blank cell in a column the
file has clears that detail. The Boards column only adds memberships (starting today) for boards
the person does not currently sit on: it never ends or removes existing memberships.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.governance import StatutoryRole
from sendboard.domain.wording import counted
from sendboard.errors import SendboardError, ValidationError
from sendboard.outputs.sheets import Sheet, SheetRow, read_sheet, write_csv, write_xlsx
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.imports import ImportPreview, RowFinding, RowStatus, rejection
from sendboard.store.database import Database
from sendboard.store.models import Board, Membership, Organisation, Person

EXPORT_HEADER = (
    "Name",
    "Title",
    "Organisation",
    "Email",
    "Phone",
    "Statutory role",
    "Boards",
)
EXPORT_WIDTHS = (28, 34, 36, 36, 16, 22, 60)

ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("full name", "contact", "contact name", "person", "member", "member name"),
    "title": ("job title", "role title", "position", "post", "job role"),
    "organisation": ("organization", "org", "agency", "employer", "organisation name"),
    "email": ("e-mail", "email address", "e-mail address", "mail", "email addr"),
    "phone": ("telephone", "tel", "mobile", "phone number", "telephone number", "tel no"),
    "statutory_role": ("statutory", "adviser role", "advisor role", "statutory adviser"),
    "boards": ("board", "groups", "group", "membership", "memberships", "board membership"),
}
REQUIRED = ("name", "email")
#: Details a row may set; each only when the file has its column.
DETAILS = ("title", "organisation", "phone", "statutory_role")


def _key(name: str) -> str:
    return validation.clean(name).casefold()


def _current(membership: Membership, today: date) -> bool:
    return membership.to_date is None or membership.to_date >= today


# --- export -----------------------------------------------------------------------------------


def export_people(db: Database, path: Path) -> int:
    """Write everyone to `path` (.csv or .xlsx); returns how many people were written."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise SendboardError(f"{path.name}: export to a .csv or .xlsx file.")
    today = clock.today()
    with db.read() as session:
        query = (
            select(Person)
            .options(
                selectinload(Person.organisation),
                selectinload(Person.memberships).selectinload(Membership.board),
            )
            .order_by(func.lower(Person.name), Person.id)
        )
        rows = [
            (
                p.name,
                p.title,
                p.organisation.name if p.organisation else "",
                p.email or "",
                p.phone,
                p.statutory_role.label if p.statutory_role else "",
                "; ".join(sorted({m.board.name for m in p.memberships if _current(m, today)})),
            )
            for p in session.scalars(query)
        ]
    try:
        if suffix == ".csv":
            write_csv(path, EXPORT_HEADER, rows)
        else:
            write_xlsx(path, "People", EXPORT_HEADER, rows, widths=EXPORT_WIDTHS)
    except OSError as exc:
        raise SendboardError(f"{path} could not be written ({exc.strerror or exc}).") from exc
    return len(rows)


# --- import: planning -------------------------------------------------------------------------


@dataclass
class PersonPlan:
    """One row's verdict and, when it is sound, what writing it means."""

    finding: RowFinding
    person_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    join: tuple[int, ...] = ()


class PeoplePlanner:
    """Checks rows against the database as it is now and against earlier rows of the file."""

    def __init__(self, session: Session, sheet: Sheet) -> None:
        self.columns = set(sheet.columns)
        self.today = clock.today()
        people = session.scalars(
            select(Person).options(
                selectinload(Person.organisation), selectinload(Person.memberships)
            )
        ).all()
        self.by_email = {p.email.lower(): p for p in people if p.email}
        self.by_name: dict[str, list[Person]] = defaultdict(list)
        for person in people:
            self.by_name[_key(person.name)].append(person)
        self.boards = {_key(b.name): b for b in session.scalars(select(Board))}
        self.email_rows: dict[str, int] = {}
        self.matched_rows: dict[int, int] = {}  # person id -> row that updates them
        self.nameonly_rows: dict[str, int] = {}  # name -> row adding/updating without email

    def plan(self, row: SheetRow) -> PersonPlan:
        errors: list[str] = list(row.problems)
        values = self._values(row, errors)
        name = values["name"]
        email = values.get("email")
        boards = self._boards(row.text("boards"), errors)
        typed_email = row.text("email")
        person = None
        if name and (email or not typed_email):  # an unreadable email matches nobody
            person = self._match(row.number, name, email, errors)
        key = f"{name} <{email}>" if name and email else name or email or typed_email
        if errors:
            return PersonPlan(RowFinding(row.number, key, RowStatus.ERROR, tuple(errors)))
        if person is None:
            join = tuple(b.id for b in boards)
            messages = tuple(f"Joins {b.name}" for b in boards)
            return PersonPlan(
                RowFinding(row.number, key, RowStatus.NEW, messages), None, values, join
            )
        current = {m.board_id for m in person.memberships if _current(m, self.today)}
        new_boards = [b for b in boards if b.id not in current]
        messages = [*self._differences(person, values), *(f"Joins {b.name}" for b in new_boards)]
        status = RowStatus.UPDATE if messages else RowStatus.UNCHANGED
        return PersonPlan(
            RowFinding(row.number, key, status, tuple(messages)),
            person.id,
            values,
            tuple(b.id for b in new_boards),
        )

    def _values(self, row: SheetRow, errors: list[str]) -> dict[str, Any]:
        values: dict[str, Any] = {"name": validation.clean(row.text("name"))}
        if not values["name"]:
            errors.append("Name is missing")
        try:
            email = validation.email(row.text("email"))
        except ValidationError as exc:
            errors.append(str(exc).rstrip("."))
        else:
            if email:
                values["email"] = email
                first = self.email_rows.setdefault(email, row.number)
                if first != row.number:
                    errors.append(f"{email} is also on row {first}")
        for name in ("title", "organisation", "phone"):
            if name in self.columns:
                values[name] = validation.clean(row.text(name))
        if "statutory_role" in self.columns:
            try:
                values["statutory_role"] = StatutoryRole.parse(row.text("statutory_role"))
            except ValueError as exc:
                errors.append(str(exc))
        return values

    def _boards(self, text: str, errors: list[str]) -> list[Board]:
        """Board names split on semicolons or new lines (commas too, when that makes sense)."""
        found: list[Board] = []
        for part in text.replace("\n", ";").split(";"):
            name = validation.clean(part)
            if not name:
                continue
            if _key(name) in self.boards:
                found.append(self.boards[_key(name)])
                continue
            pieces = [validation.clean(p) for p in name.split(",") if p.strip()]
            if len(pieces) > 1 and all(_key(p) in self.boards for p in pieces):
                found.extend(self.boards[_key(p)] for p in pieces)
            else:
                errors.append(f"There is no board called '{name}'")
        unique = {b.id: b for b in found}
        return list(unique.values())

    def _match(self, number: int, name: str, email: str | None, errors: list[str]) -> Person | None:
        namesakes = self.by_name.get(_key(name), [])
        without_email = [p for p in namesakes if not p.email]
        person: Person | None = None
        if email:
            person = self.by_email.get(email)
            if person is None and len(without_email) == 1 and len(namesakes) == 1:
                person = without_email[0]
        else:
            first = self.nameonly_rows.setdefault(_key(name), number)
            if first != number:
                errors.append(f"{name} is also on row {first} without an email; add the emails")
                return None
            if len(namesakes) == 1 and without_email:
                person = without_email[0]
            elif len(namesakes) == 1:
                errors.append(
                    f"{name} is already listed with {namesakes[0].email}; "
                    "add that email to this row to update them"
                )
            elif namesakes:
                errors.append(
                    f"{counted(len(namesakes), 'person')} are called {name}; add an email"
                )
        if person is not None:
            first = self.matched_rows.setdefault(person.id, number)
            if first != number:
                errors.append(f"Row {first} already updates {person.name}")
                return None
        return person

    def _differences(self, person: Person, values: dict[str, Any]) -> list[str]:
        current = {
            "name": person.name,
            "email": person.email,
            "title": person.title,
            "organisation": person.organisation.name if person.organisation else "",
            "phone": person.phone,
            "statutory_role": person.statutory_role,
        }
        changes = []
        for key, new in values.items():
            old = current[key]
            same = old.casefold() == new.casefold() if key == "organisation" else old == new
            if not same:
                changes.append(f"{key.replace('_', ' ')}: {_shown(old)} → {_shown(new)}")
        return changes


def _shown(value: Any) -> str:
    if isinstance(value, StatutoryRole):
        return value.label
    return value or "(blank)"


def _plan_file(session: Session, path: Path) -> tuple[ImportPreview, list[PersonPlan]]:
    sheet = read_sheet(path, ALIASES, REQUIRED)
    planner = PeoplePlanner(session, sheet)
    plans = [planner.plan(row) for row in sheet.rows]
    preview = ImportPreview(
        source=path.name,
        rows=tuple(p.finding for p in plans),
        unmapped_columns=sheet.unmapped,
    )
    return preview, plans


def preview_people_import(db: Database, path: Path) -> ImportPreview:
    """What importing `path` would do, row by row; writes nothing."""
    with db.read() as session:
        return _plan_file(session, path)[0]


# --- import: writing --------------------------------------------------------------------------


class Organisations:
    """Organisations by name (ignoring case), created once when new."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.known = {o.name.casefold(): o for o in session.scalars(select(Organisation))}

    def get(self, name: str) -> Organisation | None:
        if not name:
            return None
        found = self.known.get(name.casefold())
        if found is None:
            found = self.known[name.casefold()] = Organisation(name=name)
            self.session.add(found)
        return found


def write_person(
    session: Session, plan: PersonPlan, organisations: Organisations, today: date
) -> Person:
    """Add or update the row's person (and join the boards it names); returns the person."""
    values = plan.values
    if plan.person_id is None:
        person = Person(name=values["name"], title="", phone="")
        session.add(person)
    else:
        person = session.get_one(Person, plan.person_id)
        person.name = values["name"]
    if "email" in values:
        person.email = values["email"]
    for name in ("title", "phone", "statutory_role"):
        if name in values:
            setattr(person, name, values[name])
    if "organisation" in values:
        person.organisation = organisations.get(values["organisation"])
    for board_id in plan.join:
        session.add(Membership(person=person, board_id=board_id, from_date=today))
    return person


def import_people(db: Database, path: Path) -> Outcome[ImportPreview]:
    """Check every row, then write them all in one transaction; on any error write nothing.

    Raises ImportRejected (carrying the preview) when any row has an error or there are none.
    """
    with db.write() as session:
        preview, plans = _plan_file(session, path)
        if not preview.ok:
            raise rejection(preview)
        organisations = Organisations(session)
        today = clock.today()
        with session.no_autoflush:
            for plan in plans:
                if plan.finding.status in (RowStatus.NEW, RowStatus.UPDATE):
                    write_person(session, plan, organisations, today)
        session.flush()
        return outcome(preview, Area.PEOPLE, Area.BOARDS)
