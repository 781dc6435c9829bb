"""Demo minutes: every held meeting of the board (the DfE stocktake too) and the Delivery Group
has approved minutes (approved at the next one that takes the previous minutes), with decisions,
a declaration from the register of interests and actions arising in the action log; the latest
held meeting of each has a draft.

Uses a random source of its own, so adding it changed nothing in the steps after it.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from sendboard.demo import DemoContext
from sendboard.demo.cycles import update_rounds
from sendboard.domain.actions import ActionSource, ActionStatus, next_reference
from sendboard.domain.brag import Brag
from sendboard.domain.meetings import MeetingStatus, Purpose, StandingItem
from sendboard.domain.minutes import MinutesStatus, board_code, decision_reference
from sendboard.services.minutes.attendance import read_attendance, to_record
from sendboard.store.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Board,
    Decision,
    Declaration,
    Interest,
    Meeting,
    Minutes,
    MinuteSection,
    Person,
    PriorityArea,
)

REGISTER = (
    ("Dr Amrit Sandhu", "Non-executive director", "Northfield Care Trust"),
    ("Tom Whitcombe", "Spouse employed as a teacher", "Kingsmere Academy Trust"),
    ("Grace O'Connell", "Parent of a child with an EHC plan", "Kingsmere schools"),
    ("Cllr Peter Ashdown", "Governor", "Oakfield Special School"),
)

TEXTS = {
    StandingItem.WELCOME: "The chair welcomed members and noted the apologies received.",
    StandingItem.DECLARATIONS: "Members were reminded to declare any interest as items arose.",
    StandingItem.PREVIOUS_MINUTES: "",
    StandingItem.ACTION_LOG: (
        "The board reviewed the action and impact log. Members noted the actions highlighted "
        "as slow to progress and asked their leads to report back at the next meeting."
    ),
    StandingItem.RISK_REGISTER: (
        "The board reviewed the risk register, the changes since the last review and the "
        "mitigating actions for the highest risks."
    ),
    StandingItem.DASHBOARD: (
        "Members discussed the performance dashboard, in particular the timeliness of EHC "
        "plans against the twelve-month milestone."
    ),
    StandingItem.PRIORITY_UPDATES: (
        "Priority area leads summarised progress; the sub-groups' reports were taken as read."
    ),
    StandingItem.SELF_ASSESSMENT: (
        "The Director of Children's Services presented the council's self-assessment against "
        "each requirement of the notice, with the evidence gathered since the last stocktake. "
        "The advisers asked about the pace of improvement in EHC plan timeliness."
    ),
    StandingItem.AOB: "There was no other business.",
    StandingItem.NEXT_MEETING: "The date of the next meeting was confirmed.",
}
#: Actions arise at each board's last few held meetings, in these priority areas in turn: the
#: demo log keeps the same size and areas on whatever day it is built.
ARISING_MEETINGS = 3
ARISING_AREAS = ("P1", "P4")
MATTERS = "Actions from the last meeting are in the action log; none was raised separately."
ARISING = (
    "Circulate a briefing on the new EHC plan quality assurance framework",
    "Bring a costed option for additional speech and language therapy capacity",
    "Report the Parent Carer Forum survey results with the service's response",
    "Set out the timetable for the next area SEND self-evaluation",
    "Confirm the data-sharing agreement between the council and the ICB",
)


def _discussion(item: AgendaItem) -> str:
    if item.standing is not None:
        return TEXTS.get(item.standing, "")
    if item.exempt:
        return (
            f"The board considered the confidential report on {item.title.lower()} from "
            f"{item.lead}, including the commercial terms and the staffing implications."
        )
    return (
        f"{item.lead} presented the report on {item.title.lower()}. Members asked about the "
        "evidence of impact on children and families and the timetable for the next steps."
    )


def build(ctx: DemoContext) -> None:
    session = ctx.session
    rng = random.Random(f"kingsmere-minutes-{ctx.size}")
    people: dict[str, Person] = ctx.made["people"]  # type: ignore[assignment]
    register = []
    for name, interest, organisation in REGISTER:
        entry = Interest(
            person=people[name],
            interest=interest,
            organisation=organisation,
            from_date=ctx.when.established,
            reviewed_on=ctx.when.history_start,
        )
        register.append(entry)
    session.add_all(register)
    session.flush()
    areas = sorted(session.scalars(select(PriorityArea)), key=lambda a: a.code)
    references = {a.reference for a in ctx.made.get("actions", [])}  # type: ignore[attr-defined]
    numbers: dict[tuple[int, int], int] = {}
    made: list[Action] = []
    for key in ("board", "delivery"):
        board: Board = ctx.made[key]  # type: ignore[assignment]
        meetings = sorted(
            (
                m
                for m in ctx.made["meetings"]  # type: ignore[attr-defined]
                if m.board is board and m.status is not MeetingStatus.CANCELLED
            ),
            key=lambda m: m.starts_at,
        )
        held = [m for m in meetings if m.status is MeetingStatus.HELD]
        for index, meeting in enumerate(held):
            approved_at = _approving(held[index + 1 :])
            minutes = _minutes(ctx, meeting, approved_at, register[0], numbers, board)
            if approved_at is None and index < len(held) - 1:
                minutes.status = MinutesStatus.CIRCULATED
            if index >= len(held) - ARISING_MEETINGS:
                made.append(_arising(ctx, rng, meeting, areas, references, board))
            session.flush()
            if approved_at is not None:
                minutes.attendance_record = to_record(read_attendance(session, meeting))
    ctx.made["minutes_actions"] = made


def _approving(later_held: list[Meeting]) -> Meeting | None:
    """The held meeting that agreed the minutes: the next that takes the previous minutes (a
    stocktake does not, so its minutes and the meeting's before it go to the next ordinary one).
    None while that meeting is still to come: they stay circulated, waiting for it."""
    return next(
        (
            m
            for m in later_held
            if any(i.standing is StandingItem.PREVIOUS_MINUTES for i in m.agenda)
        ),
        None,
    )


def _minutes(
    ctx: DemoContext,
    meeting: Meeting,
    approved_at: Meeting | None,
    interest: Interest,
    numbers: dict[tuple[int, int], int],
    board: Board,
) -> Minutes:
    day = meeting.starts_at.date()
    written = datetime.combine(day + timedelta(days=2), time(9), tzinfo=UTC)
    minutes = Minutes(meeting=meeting, created_at=written, status_changed_at=written)
    if approved_at is not None:
        previous = next(
            i for i in approved_at.agenda if i.standing is StandingItem.PREVIOUS_MINUTES
        )
        minutes.status = MinutesStatus.APPROVED
        minutes.approved_on = approved_at.starts_at.date()
        minutes.approved_at_meeting = approved_at
        minutes.approved_item_id = previous.id
        minutes.status_changed_at = datetime.combine(minutes.approved_on, time(15), tzinfo=UTC)
    ctx.session.add(minutes)
    ctx.session.flush()
    code = board_code(board.name, board.kind)
    for item in meeting.agenda:
        text = _discussion(item)
        if text:
            minutes.sections.append(
                MinuteSection(agenda_item_id=item.id, text=text, saved_at=written)
            )
        resolution = ""
        if item.purpose is Purpose.DECISION and item.standing is None:
            resolution = (
                "That the board approves the recommendations of the report on "
                f"{item.title.lower()}."
            )
        elif item.standing is StandingItem.ACTION_LOG:
            resolution = "That the board notes the action and impact log and the highlights."
        if resolution:
            year = day.year
            number = numbers.get((board.id, year), 0) + 1
            numbers[(board.id, year)] = number
            ctx.session.add(
                Decision(
                    minutes_id=minutes.id,
                    agenda_item_id=item.id,
                    board_id=board.id,
                    year=year,
                    number=number,
                    reference=decision_reference(code, year, number),
                    text=resolution,
                    created_at=written,
                )
            )
        if item.exempt and item.purpose is Purpose.DECISION:
            ctx.session.add(
                Declaration(
                    minutes_id=minutes.id,
                    agenda_item_id=item.id,
                    person_id=interest.person_id,
                    name=interest.person.name,
                    interest_id=interest.id,
                    text=f"{interest.interest}, {interest.organisation}",
                    participation="left the room for the item",
                )
            )
    minutes.sections.append(MinuteSection(agenda_item_id=None, text=MATTERS, saved_at=written))
    return minutes


def _arising(
    ctx: DemoContext,
    rng: random.Random,
    meeting: Meeting,
    areas: list[PriorityArea],
    references: set[str],
    board: Board,
) -> Action:
    """An action arising from the meeting's first item of business (the priority updates at the
    Delivery Group), updated in each round since: done by the second."""
    item = next(
        i
        for i in meeting.agenda
        if (i.standing is None and not i.exempt) or i.standing is StandingItem.PRIORITY_UPDATES
    )
    rounds = [r for r in update_rounds(ctx, board) if r[0] > meeting.starts_at.date()]
    area = next(a for a in areas if a.code == ARISING_AREAS[len(references) % 2])
    reference = next_reference(area.code, references)
    references.add(reference)
    day = meeting.starts_at.date()
    action = Action(
        reference=reference,
        title=rng.choice(ARISING),
        priority_area=area,
        board=meeting.board,
        source=ActionSource.MEETING,
        meeting=meeting,
        agenda_item=item,
        owner=area.lead or meeting.board.chair,
        original_due=day + timedelta(days=rng.choice((42, 56, 84))),
        raised_on=day,
        status=ActionStatus.OPEN,
    )
    for number, (on, meeting_id) in enumerate(rounds[:2]):
        done = number == 1
        action.updates.append(
            ActionUpdate(
                on=on,
                meeting_id=meeting_id,
                text="Completed and reported to the board." if done else "Under way.",
                progress=Brag.BLUE if done else Brag.GREEN,
                impact=Brag.GREEN,
                recorded_at=datetime.combine(on, time(9), tzinfo=UTC),
            )
        )
        if done:
            action.status, action.closed_on = ActionStatus.COMPLETE, on
    ctx.session.add(action)
    return action
