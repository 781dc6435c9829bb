"""A small board with two held meetings, their agendas and attendance, for the minutes tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sendboard.domain.governance import BoardKind, MemberRole, StatutoryRole
from sendboard.domain.invitations import Attendance, InvitationKind
from sendboard.domain.meetings import MeetingKind, MeetingStatus, Purpose, StandingItem
from sendboard.services.common.workspace import Database
from sendboard.store.models import (
    AgendaItem,
    Board,
    Invitation,
    Meeting,
    Membership,
    Organisation,
    Person,
    PriorityArea,
)

#: The day the tests stand on: both meetings are behind it.
TODAY = date(2027, 3, 20)
#: The clock for tests that approve minutes (only a meeting already held can approve them).
NOW = datetime(2027, 3, 20, 10, 0, tzinfo=ZoneInfo("Europe/London"))
EXEMPT_TEXT = "Tender scores: Northfield Care 71, Brightpath 64; award to Northfield Care."
OPEN_TEXT = "The board discussed the sufficiency strategy and the gaps in specialist places."


@dataclass(frozen=True)
class Board1:
    board_id: int
    delivery_id: int
    first: int  # meeting held 13 Jan 2027
    second: int  # meeting held 10 Feb 2027
    third: int  # planned 10 Mar 2027
    items: dict[str, int]  # the first meeting's items by short name
    second_items: dict[str, int]
    people: dict[str, int]
    area_id: int
    delivery_meeting: int


AGENDA = (
    ("welcome", "Welcome and apologies", "Chair", StandingItem.WELCOME, False),
    ("declarations", "Declarations of interest", "Chair", StandingItem.DECLARATIONS, False),
    ("previous", "Minutes of the previous meeting", "Chair", StandingItem.PREVIOUS_MINUTES, False),
    ("strategy", "SEND sufficiency strategy", "Tom Whitcombe", None, False),
    ("contract", "Independent placements: contract award", "Tom Whitcombe", None, True),
    ("aob", "Any other business", "Chair", StandingItem.AOB, False),
)


def _meeting(session, board: Board, day: date, status: MeetingStatus) -> Meeting:  # type: ignore[no-untyped-def]
    meeting = Meeting(
        board=board,
        starts_at=datetime(day.year, day.month, day.day, 14),
        ends_at=datetime(day.year, day.month, day.day, 16),
        status=status,
        venue="Civic Centre",
    )
    session.add(meeting)
    for position, (_, title, lead, standing, exempt) in enumerate(AGENDA):
        meeting.agenda.append(
            AgendaItem(
                position=position,
                title=title,
                lead=lead,
                standing=standing,
                exempt=exempt,
                purpose=Purpose.DISCUSSION,
            )
        )
    return meeting


def make_board(db: Database) -> Board1:
    with db.write() as session:
        council = Organisation(name="Kingsmere Council", short_name="KC")
        icb = Organisation(name="Kingsmere ICB", short_name="ICB")
        dfe = Organisation(name="Department for Education", short_name="DfE")
        people = {
            "Margaret": Person(name="Dr Margaret Ellery", title="Independent chair"),
            "Tom": Person(name="Tom Whitcombe", title="Director of Children's Services"),
            "Priya": Person(name="Priya Raman", title="Head of SEND"),
            "Sam": Person(name="Sam Okafor", title="Deputy Head of SEND"),
            "Robert": Person(
                name="Robert Kimani",
                title="SEND adviser",
                statutory_role=StatutoryRole.DFE_SEND_ADVISER,
            ),
        }
        people["Margaret"].organisation = council
        people["Tom"].organisation = council
        people["Priya"].organisation = icb
        people["Sam"].organisation = icb
        people["Robert"].organisation = dfe
        session.add_all(people.values())
        board = Board(name="SEND Improvement Board", kind=BoardKind.IMPROVEMENT_BOARD, quorum=2)
        delivery = Board(name="SEND Delivery Group", kind=BoardKind.DELIVERY_GROUP, parent=board)
        session.add_all([board, delivery])
        session.flush()
        board.chair_id = people["Margaret"].id
        for key in ("Margaret", "Tom", "Priya"):
            session.add(Membership(person=people[key], board=board, role=MemberRole.MEMBER))
        session.add(Membership(person=people["Robert"], board=board, role=MemberRole.ADVISER))
        area = PriorityArea(code="P1", title="Sufficiency", sub_group=delivery)
        session.add(area)
        first = _meeting(session, board, date(2027, 1, 13), MeetingStatus.HELD)
        second = _meeting(session, board, date(2027, 2, 10), MeetingStatus.HELD)
        third = _meeting(session, board, date(2027, 3, 10), MeetingStatus.PLANNED)
        dg = _meeting(session, delivery, date(2027, 1, 20), MeetingStatus.HELD)
        session.flush()
        for meeting in (first, second, dg):
            _attendance(session, meeting, people)
        session.flush()
        return Board1(
            board_id=board.id,
            delivery_id=delivery.id,
            first=first.id,
            second=second.id,
            third=third.id,
            items={key: item.id for (key, *_), item in zip(AGENDA, first.agenda, strict=True)},
            second_items={
                key: item.id for (key, *_), item in zip(AGENDA, second.agenda, strict=True)
            },
            people={k: p.id for k, p in people.items()},
            area_id=area.id,
            delivery_meeting=dg.id,
        )


def _attendance(session, meeting: Meeting, people: dict[str, Person]) -> None:  # type: ignore[no-untyped-def]
    def row(key: str, attendance: Attendance, **extra) -> Invitation:  # type: ignore[no-untyped-def]
        person = people[key]
        return Invitation(
            meeting_id=meeting.id,
            person_id=person.id,
            name=person.name,
            organisation=person.organisation.name if person.organisation else "",
            statutory_role=person.statutory_role,
            attendance=attendance,
            **extra,
        )

    session.add_all(
        [
            row("Margaret", Attendance.PRESENT, voting=True),
            row("Tom", Attendance.PRESENT, voting=True),
            row("Priya", Attendance.APOLOGIES, voting=True),
            row(
                "Sam",
                Attendance.SUBSTITUTE,
                voting=True,
                kind=InvitationKind.SUBSTITUTE,
                substitute_for_id=people["Priya"].id,
            ),
            row("Robert", Attendance.IN_ATTENDANCE, kind=InvitationKind.REQUIRED_ROLE),
        ]
    )


def add_stocktake(db: Database, board: Board1) -> int:
    """A DfE stocktake of the board between its January and February meetings: an agenda of its
    own, without a "Minutes of the previous meeting" item."""
    with db.write() as session:
        stocktake = Meeting(
            board_id=board.board_id,
            kind=MeetingKind.STOCKTAKE,
            title="DfE six-monthly stocktake",
            starts_at=datetime(2027, 1, 27, 10),
            ends_at=datetime(2027, 1, 27, 12),
            status=MeetingStatus.HELD,
        )
        stocktake.agenda.append(
            AgendaItem(position=0, title="Council self-assessment", purpose=Purpose.DISCUSSION)
        )
        session.add(stocktake)
        session.flush()
        return stocktake.id
