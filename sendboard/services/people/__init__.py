"""Organisations and people: the secretary's contact list.

The area owns people and organisations and the contacts spreadsheet (`io`). The window and the
command line may call this module and `io` (export, preview and import the contacts sheet)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain import validation
from sendboard.domain.governance import StatutoryRole
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import delete_or_explain, load, save
from sendboard.store.database import Database
from sendboard.store.models import Organisation, Person


@dataclass(frozen=True)
class OrganisationView:
    id: int
    name: str
    short_name: str
    people: int


@dataclass(frozen=True)
class PersonView:
    id: int
    name: str
    title: str
    organisation: str
    email: str | None
    phone: str
    statutory_role: StatutoryRole | None
    boards: tuple[str, ...]
    #: Which save of the record this is (a save from an older version is refused).
    version: int = 0


@dataclass(frozen=True)
class PersonInput:
    name: str
    title: str = ""
    organisation: str = ""
    email: str | None = None
    phone: str = ""
    statutory_role: StatutoryRole | None = None


def _view(person: Person) -> PersonView:
    return PersonView(
        id=person.id,
        name=person.name,
        title=person.title,
        organisation=person.organisation.name if person.organisation else "",
        email=person.email,
        phone=person.phone,
        statutory_role=person.statutory_role,
        boards=tuple(sorted(m.board.name for m in person.memberships)),
        version=person.version,
    )


def _load(session: Session, person_id: int) -> Person:
    return load(session, Person, person_id, f"Person {person_id} no longer exists.")


def organisation_named(session: Session, name: str) -> Organisation | None:
    """Find an organisation by name (ignoring case), creating it when new; blank is none."""
    name = validation.clean(name)
    if not name:
        return None
    found = session.scalar(
        select(Organisation).where(func.lower(Organisation.name) == name.lower())
    )
    if found is None:
        found = Organisation(name=name)
        session.add(found)
    return found


def _apply(session: Session, person: Person, data: PersonInput) -> None:
    email = validation.email(data.email)
    if email:
        clash = session.scalar(select(Person).where(Person.email == email, Person.id != person.id))
        if clash is not None:
            raise ValidationError(f"{email} is already the email of {clash.name}.", "email")
    person.name = validation.required(data.name, "Name", "name")
    person.title = validation.clean(data.title)
    person.organisation = organisation_named(session, data.organisation)
    person.email = email
    person.phone = validation.clean(data.phone)
    person.statutory_role = data.statutory_role


def list_people(db: Database) -> list[PersonView]:
    with db.read() as session:
        query = (
            select(Person)
            .options(selectinload(Person.organisation), selectinload(Person.memberships))
            .order_by(func.lower(Person.name))
        )
        people = session.scalars(query).all()
        return [_view(p) for p in people]


def get_person(db: Database, person_id: int) -> PersonView:
    with db.read() as session:
        return _view(_load(session, person_id))


def create_person(db: Database, data: PersonInput) -> Outcome[PersonView]:
    with db.write() as session:
        person = save(session, Person(), _apply, data)
        return outcome(_view(person), Area.PEOPLE)


def update_person(db: Database, person_id: int, data: PersonInput) -> Outcome[PersonView]:
    with db.write() as session:
        person = save(session, _load(session, person_id), _apply, data)
        return outcome(_view(person), Area.PEOPLE, Area.BOARDS)


def delete_person(db: Database, person_id: int) -> Outcome[None]:
    """Remove a person and their memberships (audited); refused while they own actions."""
    with db.write() as session:
        person = _load(session, person_id)
        for membership in list(person.memberships):
            session.delete(membership)
        delete_or_explain(
            session,
            person,
            f"{person.name} cannot be removed while they own actions or risks; "
            "reassign those first.",
        )
        return outcome(None, Area.PEOPLE, Area.BOARDS)


def list_organisations(db: Database) -> list[OrganisationView]:
    with db.read() as session:
        counts = dict(
            session.execute(
                select(Person.organisation_id, func.count()).group_by(Person.organisation_id)
            ).all()
        )
        orgs = session.scalars(select(Organisation).order_by(func.lower(Organisation.name)))
        return [OrganisationView(o.id, o.name, o.short_name, counts.get(o.id, 0)) for o in orgs]
