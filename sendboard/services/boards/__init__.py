"""Boards in their tiers, their members, and the roles each must invite.

The area owns boards, memberships and each board's priority areas (`priority_areas`). The window
and the command line may call this module and `priority_areas`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session, selectinload

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.governance import BoardKind, MemberRole, StatutoryRole
from sendboard.errors import NotFoundError, ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import delete_or_explain, load, save
from sendboard.services.meetings.invitation_list import Invitees, board_gap
from sendboard.store import versions
from sendboard.store.database import Database
from sendboard.store.models import Board, BoardRequiredRole, Membership, Person

_MEMBERSHIP_GONE = "That membership no longer exists."


@dataclass(frozen=True)
class BoardView:
    id: int
    name: str
    kind: BoardKind
    parent_id: int | None
    chair_id: int | None
    chair_name: str
    quorum: int
    papers_deadline_days: int
    cadence: str
    description: str
    required_roles: tuple[StatutoryRole, ...]
    missing_roles: tuple[StatutoryRole, ...]
    member_count: int
    #: Which save of the record this is (a save from an older version is refused).
    version: int = 0


@dataclass(frozen=True)
class BoardInput:
    name: str
    kind: BoardKind
    parent_id: int | None = None
    chair_id: int | None = None
    quorum: int = 0
    papers_deadline_days: int = 7
    cadence: str = ""
    description: str = ""
    required_roles: tuple[StatutoryRole, ...] = ()


@dataclass(frozen=True)
class MemberView:
    id: int
    person_id: int
    name: str
    title: str
    organisation: str
    email: str | None
    statutory_role: StatutoryRole | None
    role: MemberRole
    voting: bool
    from_date: date | None
    to_date: date | None
    #: Which save of the record this is (a save from an older version is refused).
    version: int = 0

    @property
    def current(self) -> bool:
        return self.to_date is None or self.to_date >= clock.today()


@dataclass(frozen=True)
class MembershipInput:
    person_id: int
    board_id: int
    role: MemberRole = MemberRole.MEMBER
    voting: bool = True
    from_date: date | None = None
    to_date: date | None = None


def _current(membership: Membership, today: date) -> bool:
    return membership.to_date is None or membership.to_date >= today


def _view(board: Board, invitees: Invitees | None = None) -> BoardView:
    """The board; its missing roles are those a meeting's invitation list would lack today
    (members and every holder of a required role, member or not)."""
    today = clock.today()
    current = [m for m in board.memberships if _current(m, today)]
    required = tuple(r.role for r in board.required_roles)
    session = object_session(board)
    assert session is not None
    gap = board_gap(board, invitees or Invitees(session), today)
    return BoardView(
        id=board.id,
        name=board.name,
        kind=board.kind,
        parent_id=board.parent_id,
        chair_id=board.chair_id,
        chair_name=board.chair.name if board.chair else "",
        quorum=board.quorum,
        papers_deadline_days=board.papers_deadline_days,
        cadence=board.cadence,
        description=board.description,
        required_roles=tuple(r for r in StatutoryRole if r in required),
        missing_roles=gap,
        member_count=len(current),
        version=board.version,
    )


def _member_view(m: Membership) -> MemberView:
    p = m.person
    return MemberView(
        id=m.id,
        person_id=p.id,
        name=p.name,
        title=p.title,
        organisation=p.organisation.name if p.organisation else "",
        email=p.email,
        statutory_role=p.statutory_role,
        role=m.role,
        voting=m.voting,
        from_date=m.from_date,
        to_date=m.to_date,
        version=m.version,
    )


def _load(session: Session, board_id: int) -> Board:
    return load(session, Board, board_id, f"Board {board_id} no longer exists.")


def _board_query():  # type: ignore[no-untyped-def]
    return select(Board).options(
        selectinload(Board.required_roles),
        selectinload(Board.chair),
        selectinload(Board.memberships).selectinload(Membership.person),
    )


def _check_parent(session: Session, board: Board, parent_id: int | None) -> None:
    """A board may not sit under itself or any board below it."""
    seen = set()
    current = parent_id
    while current is not None:
        if current == board.id:
            raise ValidationError(
                "A board cannot report to itself or to a board below it.", "parent_id"
            )
        if current in seen:
            break
        seen.add(current)
        current = _load(session, current).parent_id


def _apply(session: Session, board: Board, data: BoardInput) -> None:
    name = validation.required(data.name, "Board name", "name")
    clash = session.scalar(
        select(Board).where(func.lower(Board.name) == name.lower(), Board.id != board.id)
    )
    if clash is not None:
        raise ValidationError(f"There is already a board called {clash.name}.", "name")
    if data.quorum < 0 or data.papers_deadline_days < 0:
        raise ValidationError("Quorum and the papers deadline cannot be negative.", "quorum")
    if data.chair_id is not None and session.get(Person, data.chair_id) is None:
        raise ValidationError("The chosen chair no longer exists.", "chair_id")
    _check_parent(session, board, data.parent_id)
    board.name = name
    board.kind = data.kind
    board.parent_id = data.parent_id
    board.chair_id = data.chair_id
    board.quorum = data.quorum
    board.papers_deadline_days = data.papers_deadline_days
    board.cadence = validation.clean(data.cadence)
    board.description = (data.description or "").strip()
    wanted = set(data.required_roles)
    for existing in list(board.required_roles):
        if existing.role not in wanted:
            board.required_roles.remove(existing)
    have = {r.role for r in board.required_roles}
    for role in StatutoryRole:
        if role in wanted and role not in have:
            board.required_roles.append(BoardRequiredRole(role=role))


def list_boards(db: Database) -> list[BoardView]:
    """All boards, parents before children, each tier in name order."""
    with db.read() as session:
        boards = session.scalars(_board_query().order_by(Board.name)).all()
        by_parent: dict[int | None, list[Board]] = {}
        for board in boards:
            by_parent.setdefault(board.parent_id, []).append(board)
        ordered: list[Board] = []

        def walk(parent: int | None) -> None:
            for child in by_parent.get(parent, []):
                ordered.append(child)
                walk(child.id)

        walk(None)
        invitees = Invitees(session)
        return [_view(b, invitees) for b in ordered]


def first_board_of_kind(db: Database, kind: BoardKind) -> int | None:
    """The id of the first board of `kind` in `list_boards` order, read without its members
    (Home asks this to find the Improvement Board's next meeting)."""
    with db.read() as session:
        rows = session.execute(
            select(Board.id, Board.parent_id, Board.kind).order_by(Board.name)
        ).all()
    by_parent: dict[int | None, list[tuple[int, BoardKind]]] = {}
    for board_id, parent_id, board_kind in rows:
        by_parent.setdefault(parent_id, []).append((board_id, board_kind))

    def first(parent: int | None) -> int | None:
        for board_id, board_kind in by_parent.get(parent, []):
            found = board_id if board_kind == kind else first(board_id)
            if found is not None:
                return found
        return None

    return first(None)


def get_board(db: Database, board_id: int) -> BoardView:
    with db.read() as session:
        board = session.scalar(_board_query().where(Board.id == board_id))
        if board is None:
            raise NotFoundError(f"Board {board_id} no longer exists.")
        return _view(board)


def find_board(db: Database, name: str) -> BoardView:
    with db.read() as session:
        board = session.scalar(_board_query().where(func.lower(Board.name) == name.lower()))
        if board is None:
            raise NotFoundError(f"There is no board called '{name}'.")
        return _view(board)


def create_board(db: Database, data: BoardInput) -> Outcome[BoardView]:
    with db.write() as session:
        board = save(session, Board(), _apply, data)
        return outcome(_view(board), Area.BOARDS)


def update_board(db: Database, board_id: int, data: BoardInput) -> Outcome[BoardView]:
    with db.write() as session:
        board = _load(session, board_id)
        read, roles = board.version, {r.role for r in board.required_roles}
        save(session, board, _apply, data)
        now = {r.role for r in board.required_roles}
        if now != roles:
            shown = (
                [r.value for r in StatutoryRole if r in roles],
                [r.value for r in StatutoryRole if r in now],
            )
            versions.count_parts(session, board, read, {"required_roles": shown})
        return outcome(_view(board), Area.BOARDS)


def delete_board(db: Database, board_id: int) -> Outcome[None]:
    with db.write() as session:
        board = _load(session, board_id)
        if board.children:
            raise ValidationError(f"{board.name} has boards below it; move or remove them first.")
        delete_or_explain(session, board, f"{board.name} still has records that depend on it.")
        return outcome(None, Area.BOARDS, Area.MEETINGS)


def list_members(db: Database, board_id: int) -> list[MemberView]:
    with db.read() as session:
        query = (
            select(Membership)
            .where(Membership.board_id == board_id)
            .options(selectinload(Membership.person).selectinload(Person.organisation))
        )
        members = session.scalars(query).all()
        return sorted((_member_view(m) for m in members), key=lambda m: m.name.lower())


def _apply_membership(session: Session, membership: Membership, data: MembershipInput) -> None:
    if session.get(Person, data.person_id) is None:
        raise ValidationError("The chosen person no longer exists.", "person_id")
    _load(session, data.board_id)
    if data.from_date and data.to_date and data.to_date < data.from_date:
        raise ValidationError("A membership cannot end before it starts.", "to_date")
    duplicate = session.scalar(
        select(Membership).where(
            Membership.person_id == data.person_id,
            Membership.board_id == data.board_id,
            Membership.id != membership.id,
            Membership.to_date.is_(None),
        )
    )
    if duplicate is not None and data.to_date is None:
        raise ValidationError("That person is already a current member of this board.", "person_id")
    membership.person_id = data.person_id
    membership.board_id = data.board_id
    membership.role = data.role
    membership.voting = data.voting
    membership.from_date = data.from_date
    membership.to_date = data.to_date
    if data.role == MemberRole.CHAIR and _current(membership, clock.today()):
        board = _load(session, data.board_id)
        board.chair_id = data.person_id  # the board's chair is whoever holds its Chair role


def add_member(db: Database, data: MembershipInput) -> Outcome[MemberView]:
    with db.write() as session:
        membership = save(session, Membership(), _apply_membership, data)
        return outcome(_member_view(membership), Area.BOARDS, Area.PEOPLE)


def update_member(db: Database, membership_id: int, data: MembershipInput) -> Outcome[MemberView]:
    with db.write() as session:
        membership = load(session, Membership, membership_id, _MEMBERSHIP_GONE)
        save(session, membership, _apply_membership, data)
        return outcome(_member_view(membership), Area.BOARDS, Area.PEOPLE)


def remove_member(db: Database, membership_id: int) -> Outcome[None]:
    with db.write() as session:
        session.delete(load(session, Membership, membership_id, _MEMBERSHIP_GONE))
        return outcome(None, Area.BOARDS, Area.PEOPLE)
