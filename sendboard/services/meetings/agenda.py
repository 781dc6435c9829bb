"""The agenda of a meeting: items in order, standing items from the board's template, copying.

Item numbers are never stored: they follow from the order, so moving an item renumbers the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard.domain import validation
from sendboard.domain.meetings import MeetingStatus, Purpose, StandingItem
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.services.escalations.views import for_meeting
from sendboard.services.meetings import load_meeting
from sendboard.services.meetings.papers import PaperView, latest_papers
from sendboard.store.database import Database
from sendboard.store.models import AgendaItem, AgendaTemplateItem, Board, Meeting


@dataclass(frozen=True)
class AgendaItemInput:
    title: str
    lead: str = ""
    purpose: Purpose = Purpose.DISCUSSION
    minutes: int = 10
    exempt: bool = False
    standing: StandingItem | None = None


@dataclass(frozen=True)
class AgendaItemView:
    id: int
    meeting_id: int
    number: int
    title: str
    lead: str
    purpose: Purpose
    minutes: int
    exempt: bool
    standing: StandingItem | None
    starts: time
    ends: time
    #: The latest version of each paper on the item.
    papers: tuple[PaperView, ...]
    #: Under "Priority area updates": the escalations awaiting the board's response.
    notes: tuple[str, ...] = ()
    #: Which save of the record this is (a save from an older version is refused).
    version: int = 0

    @property
    def timing(self) -> str:
        return f"{self.starts:%H:%M}–{self.ends:%H:%M}"


@dataclass(frozen=True)
class AgendaView:
    meeting_id: int
    items: tuple[AgendaItemView, ...]
    total_minutes: int
    #: Minutes the agenda runs past the meeting's end (0 when it fits).
    overrun: int
    #: False once the meeting is cancelled: the agenda is kept as it was.
    editable: bool = True


def _chair(title: str, minutes: int, purpose: Purpose, standing: StandingItem) -> AgendaItemInput:
    return AgendaItemInput(title, "Chair", purpose, minutes, False, standing)


#: The standing items a board uses until it sets its own template.
DEFAULT_TEMPLATE: tuple[AgendaItemInput, ...] = (
    _chair("Welcome and apologies", 5, Purpose.INFORMATION, StandingItem.WELCOME),
    _chair("Declarations of interest", 5, Purpose.INFORMATION, StandingItem.DECLARATIONS),
    _chair("Minutes of the previous meeting", 5, Purpose.DECISION, StandingItem.PREVIOUS_MINUTES),
    AgendaItemInput(
        "Action and impact log", "Secretary", Purpose.ASSURANCE, 15, False, StandingItem.ACTION_LOG
    ),
    AgendaItemInput(
        "Risk register", "Head of SEND", Purpose.ASSURANCE, 15, False, StandingItem.RISK_REGISTER
    ),
    AgendaItemInput(
        "Performance dashboard",
        "Head of SEND",
        Purpose.ASSURANCE,
        15,
        False,
        StandingItem.DASHBOARD,
    ),
    AgendaItemInput(
        "Priority area updates",
        "Priority area leads",
        Purpose.DISCUSSION,
        20,
        False,
        StandingItem.PRIORITY_UPDATES,
    ),
    _chair("Any other business", 5, Purpose.DISCUSSION, StandingItem.AOB),
    _chair("Date of next meeting", 5, Purpose.INFORMATION, StandingItem.NEXT_MEETING),
)


def _clean(data: AgendaItemInput) -> AgendaItemInput:
    title = validation.required(data.title, "Item title", "title")
    if len(title) > 500:
        raise ValidationError("Keep the item title under 500 characters.", "title")
    if not 0 <= data.minutes <= 480:
        raise ValidationError("Timing must be between 0 and 480 minutes.", "minutes")
    return AgendaItemInput(
        title, validation.clean(data.lead), data.purpose, data.minutes, data.exempt, data.standing
    )


def _fill(item: AgendaItem | AgendaTemplateItem, data: AgendaItemInput) -> None:
    item.title = data.title
    item.lead = data.lead
    item.purpose = data.purpose
    item.minutes = data.minutes
    item.standing = data.standing
    if isinstance(item, AgendaItem):
        item.exempt = data.exempt


def _input(item: AgendaItem | AgendaTemplateItem) -> AgendaItemInput:
    exempt = item.exempt if isinstance(item, AgendaItem) else False
    return AgendaItemInput(item.title, item.lead, item.purpose, item.minutes, exempt, item.standing)


def _items(session: Session, meeting_id: int) -> list[AgendaItem]:
    query = (
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id)
        .options(selectinload(AgendaItem.papers))
    )
    return list(session.scalars(query))


def _renumber(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items):
        item.position = position


def _agenda(session: Session, meeting: Meeting) -> AgendaView:
    items, views = _items(session, meeting.id), []
    clock = meeting.starts_at
    escalated = tuple(e.agenda_line for e in for_meeting(session, meeting))
    for number, item in enumerate(items, start=1):
        ends = clock + timedelta(minutes=item.minutes)
        views.append(
            AgendaItemView(
                id=item.id,
                meeting_id=meeting.id,
                number=number,
                title=item.title,
                lead=item.lead,
                purpose=item.purpose,
                minutes=item.minutes,
                exempt=item.exempt,
                standing=item.standing,
                starts=clock.time(),
                ends=ends.time(),
                papers=latest_papers(item),
                notes=escalated if item.standing is StandingItem.PRIORITY_UPDATES else (),
                version=item.version,
            )
        )
        clock = ends
    total = sum(i.minutes for i in items)
    overrun = max(0, int((clock - meeting.ends_at) / timedelta(minutes=1)))
    editable = meeting.status is not MeetingStatus.CANCELLED
    return AgendaView(meeting.id, tuple(views), total, overrun, editable)


def get_agenda(db: Database, meeting_id: int) -> AgendaView:
    with db.read() as session:
        return _agenda(session, load_meeting(session, meeting_id))


def _load_item(session: Session, item_id: int) -> AgendaItem:
    return load(session, AgendaItem, item_id, "That agenda item no longer exists.")


def _editable(meeting: Meeting) -> None:
    if meeting.status is MeetingStatus.CANCELLED:
        raise ValidationError("This meeting was cancelled; its agenda can no longer change.")


def _done(session: Session, meeting: Meeting) -> Outcome[AgendaView]:
    session.flush()
    session.expire_all()
    return outcome(_agenda(session, meeting), Area.MEETINGS, Area.PACKS)


def add_item(
    db: Database, meeting_id: int, data: AgendaItemInput, position: int | None = None
) -> Outcome[AgendaView]:
    """Add an item at `position` (0-based), or at the end."""
    data = _clean(data)
    with db.write() as session:
        meeting = load_meeting(session, meeting_id)
        _editable(meeting)
        items = _items(session, meeting_id)
        item = AgendaItem(meeting_id=meeting_id)
        _fill(item, data)
        session.add(item)
        at = len(items) if position is None else max(0, min(position, len(items)))
        items.insert(at, item)
        _renumber(items)
        return _done(session, meeting)


def update_item(
    db: Database, item_id: int, data: AgendaItemInput, position: int | None = None
) -> Outcome[AgendaView]:
    """Change an item and, given `position` (0-based), move it there in the same save."""
    data = _clean(data)
    with db.write() as session:
        item = _load_item(session, item_id)
        meeting = item.meeting
        _editable(meeting)
        _fill(item, data)
        if position is not None:
            session.flush()  # the edit is checked against the version the form read first
            _place(session, item, position)
        return _done(session, meeting)


def remove_item(db: Database, item_id: int) -> Outcome[AgendaView]:
    """Remove an item with its papers (the caller confirms first)."""
    with db.write() as session:
        item = _load_item(session, item_id)
        meeting = item.meeting
        _editable(meeting)
        session.delete(item)
        session.flush()
        _renumber(_items(session, meeting.id))
        return _done(session, meeting)


def move_item(db: Database, item_id: int, position: int) -> Outcome[AgendaView]:
    """Move an item to `position` (0-based, clamped to the agenda)."""
    with db.write() as session:
        item = _load_item(session, item_id)
        meeting = item.meeting
        _editable(meeting)
        _place(session, item, position)
        return _done(session, meeting)


def _place(session: Session, item: AgendaItem, position: int) -> None:
    items = _items(session, item.meeting_id)
    items.remove(item)
    items.insert(max(0, min(position, len(items))), item)
    _renumber(items)


def shift_item(db: Database, item_id: int, offset: int) -> Outcome[AgendaView]:
    """Move an item up (negative) or down (positive) by `offset` places."""
    with db.read() as session:
        item = _load_item(session, item_id)
        ids = [i.id for i in _items(session, item.meeting_id)]
    return move_item(db, item_id, ids.index(item_id) + offset)


def _template(session: Session, board_id: int) -> list[AgendaItemInput]:
    query = (
        select(AgendaTemplateItem)
        .where(AgendaTemplateItem.board_id == board_id)
        .order_by(AgendaTemplateItem.position)
    )
    own = [_input(t) for t in session.scalars(query)]
    return own or list(DEFAULT_TEMPLATE)


def agenda_template(db: Database, board_id: int) -> list[AgendaItemInput]:
    """The board's standing items: its own template, or the default list."""
    with db.read() as session:
        return _template(session, board_id)


def set_agenda_template(
    db: Database, board_id: int, items: list[AgendaItemInput]
) -> Outcome[list[AgendaItemInput]]:
    """Replace the board's standing items; an empty list goes back to the default."""
    cleaned = [_clean(i) for i in items]
    with db.write() as session:
        load(session, Board, board_id, "That board no longer exists.")
        for old in session.scalars(
            select(AgendaTemplateItem).where(AgendaTemplateItem.board_id == board_id)
        ):
            session.delete(old)
        for position, data in enumerate(cleaned):
            row = AgendaTemplateItem(board_id=board_id, position=position)
            _fill(row, data)
            session.add(row)
        session.flush()
        return outcome(_template(session, board_id), Area.MEETINGS)


def _key(data: AgendaItemInput | AgendaItem) -> object:
    return data.standing or data.title.casefold()


def add_standing_items(db: Database, meeting_id: int) -> Outcome[AgendaView]:
    """Add the template's items the agenda lacks, each next to its neighbours in the template.

    A missing item goes after the nearest earlier template item already on the agenda; failing
    that, before the nearest later one; failing that, closing items (any other business, date of
    next meeting) go to the end and the rest to the top.
    """
    with db.write() as session:
        meeting = load_meeting(session, meeting_id)
        _editable(meeting)
        template = _template(session, meeting.board_id)
        items = _items(session, meeting_id)
        keys = [_key(t) for t in template]
        for index, data in enumerate(template):
            if any(_key(i) == keys[index] for i in items):
                continue
            item = AgendaItem(meeting_id=meeting_id)
            _fill(item, data)
            session.add(item)
            items.insert(_slot(items, keys, index, data), item)
        _renumber(items)
        return _done(session, meeting)


def _slot(items: list[AgendaItem], keys: list[object], index: int, data: AgendaItemInput) -> int:
    placed = [_key(i) for i in items]
    for earlier in reversed(keys[:index]):
        if earlier in placed:
            return placed.index(earlier) + 1
    for later in keys[index + 1 :]:
        if later in placed:
            return placed.index(later)
    closing = data.standing in (StandingItem.AOB, StandingItem.NEXT_MEETING)
    return len(items) if closing else 0


def previous_meeting_id(session: Session, meeting: Meeting) -> int | None:
    """The board's latest earlier meeting that was not cancelled and has an agenda."""
    query = (
        select(Meeting.id)
        .where(
            Meeting.board_id == meeting.board_id,
            Meeting.starts_at < meeting.starts_at,
            Meeting.status != MeetingStatus.CANCELLED,
            Meeting.agenda.any(),
        )
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )
    return session.scalar(query)


def copy_previous_agenda(
    db: Database, meeting_id: int, *, replace: bool = False
) -> Outcome[AgendaView]:
    """Copy the items (not the papers) of the board's previous meeting onto this agenda."""
    with db.write() as session:
        meeting = load_meeting(session, meeting_id)
        _editable(meeting)
        source_id = previous_meeting_id(session, meeting)
        if source_id is None:
            raise ValidationError("There is no earlier meeting of this board with an agenda.")
        current = _items(session, meeting_id)
        if current and not replace:
            raise ValidationError(
                f"This agenda already has {len(current)} item(s); replace them, or remove them "
                "first."
            )
        with_papers = [i.title for i in current if i.papers]
        if with_papers:
            raise ValidationError(
                f"'{with_papers[0]}' has papers attached; remove that item before replacing the "
                "agenda."
            )
        for item in current:
            session.delete(item)
        for position, source in enumerate(_items(session, source_id)):
            item = AgendaItem(meeting_id=meeting_id, position=position)
            _fill(item, _input(source))
            item.exempt = source.exempt
            session.add(item)
        return _done(session, meeting)
