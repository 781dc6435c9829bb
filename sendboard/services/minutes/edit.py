"""Writing the minutes: starting them, the text of each item, decisions, actions arising and
declarations. Approved minutes refuse every change here; a correction is an erratum."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.actions import ActionSource, ActionStatus
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.minutes import board_code, decision_reference
from sendboard.errors import EditConflict, ValidationError
from sendboard.services.actions.mutations import apply_input as apply_action
from sendboard.services.actions.views import ActionInput
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load, save
from sendboard.services.minutes.read import (
    STARTS_BEFORE,
    action_view,
    build_view,
    decision_view,
    declaration_view,
    find,
    load_meeting,
    meeting_label,
    require,
)
from sendboard.services.minutes.views import (
    ActionArisingInput,
    ActionArisingView,
    DecisionView,
    DeclarationInput,
    DeclarationView,
    MinutesView,
    SavedText,
)
from sendboard.store import versions
from sendboard.store.database import Database
from sendboard.store.models import (
    Action,
    AgendaItem,
    Decision,
    Declaration,
    Interest,
    Meeting,
    Minutes,
    MinuteSection,
    Person,
)


class MinutesLocked(ValidationError):
    """The minutes are approved: they cannot be changed, only corrected by an erratum."""


def locked_message(minutes: Minutes, meeting: Meeting) -> str:
    when = f" on {minutes.approved_on:%d/%m/%Y}" if minutes.approved_on else ""
    return (
        f"The minutes of {meeting_label(meeting)} were approved{when} and are locked. "
        "Record a correction as an erratum instead."
    )


def editable(session: Session, meeting_id: int) -> Minutes:
    """The meeting's minutes, if they may still be changed."""
    minutes = require(session, meeting_id)
    if minutes.status.locked:
        raise MinutesLocked(locked_message(minutes, minutes.meeting))
    return minutes


def open_minutes(
    db: Database, meeting_id: int, *, today: date | None = None
) -> Outcome[MinutesView]:
    """The meeting's minutes, started as a draft laid out from its agenda if there are none."""
    day = today or clock.today()
    with db.write() as session:
        minutes = find(session, meeting_id)
        if minutes is None:
            meeting = load_meeting(session, meeting_id)
            if meeting.status is MeetingStatus.CANCELLED:
                raise ValidationError(
                    f"{meeting_label(meeting)} was cancelled, so it has no minutes."
                )
            if meeting.starts_at.date() > day + STARTS_BEFORE:
                raise ValidationError(
                    f"{meeting_label(meeting)} is more than a week away: minutes can be started "
                    "from a week before the meeting."
                )
            minutes = Minutes(meeting_id=meeting_id)
            session.add(minutes)
            session.flush()
            return outcome(build_view(session, minutes), Area.MINUTES)
        return outcome(build_view(session, minutes))


def _item(session: Session, meeting_id: int, item_id: int | None) -> AgendaItem | None:
    if item_id is None:
        return None
    item = session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting_id:
        raise ValidationError("That agenda item is not on this meeting's agenda any more.")
    return item


def save_section(
    db: Database,
    meeting_id: int,
    agenda_item_id: int | None,
    text: str,
    version: int | None = None,
) -> Outcome[SavedText]:
    """Keep what has been typed for an item (None: the matters arising); returns when, and
    the text's version now.

    `version` is the one the window last read or saved (0: none saved yet); when a colleague
    has saved the item's text since, the save is refused with an EditConflict naming them,
    with their text. None saves whatever is stored (a command, a test).

    Called every few seconds while the secretary types, so it names no changed area and
    writes no audit entry: the page that saved it already has it, and other windows see the
    section's stamp move (services/common/watching.py).
    """
    with db.write() as session:
        minutes = editable(session, meeting_id)
        item = _item(session, meeting_id, agenda_item_id)
        section = session.scalar(
            select(MinuteSection).where(
                MinuteSection.minutes_id == minutes.id,
                MinuteSection.agenda_item_id.is_(None)
                if agenda_item_id is None
                else MinuteSection.agenda_item_id == agenda_item_id,
            )
        )
        if version is not None and section is not None and section.version != version:
            raise _text_conflict(section, item)
        if section is not None and section.text == text:
            return outcome(SavedText(versions.aware(section.saved_at), section.version))
        # read before anything changes, so one flush writes the save (and counts it once)
        stamp = (session.scalar(select(func.max(MinuteSection.stamp))) or 0) + 1
        if section is None:
            section = MinuteSection(minutes_id=minutes.id, agenda_item_id=agenda_item_id)
            session.add(section)
        section.text = text
        section.saved_at = clock.now()
        section.saved_by = str(session.info.get("user") or "")
        section.stamp = stamp
        session.flush()
        return outcome(SavedText(section.saved_at, section.version))


def _text_conflict(section: MinuteSection, item: AgendaItem | None) -> EditConflict:
    by = section.saved_by or "Someone else"
    what = f"the minute of “{item.title}”" if item is not None else "the matters arising"
    return EditConflict(
        f"{by} changed {what} {versions.moment(section.saved_at)}, after you last saw it. "
        "Nothing was saved and your text is still here: keep yours (it replaces theirs), or "
        "reload theirs.",
        by=by,
        at=versions.aware(section.saved_at),
        theirs={"text": section.text},
        version=section.version,
    )


def add_decision(
    db: Database, meeting_id: int, agenda_item_id: int | None, text: str
) -> Outcome[DecisionView]:
    """A resolution, given the board's next number for the meeting's year (IB/2027/14)."""
    resolution = validation.required(text, "The resolution", "text")
    with db.write() as session:
        minutes = editable(session, meeting_id)
        _item(session, meeting_id, agenda_item_id)
        meeting = minutes.meeting
        year = meeting.starts_at.year
        last = session.scalar(
            select(func.max(Decision.number)).where(
                Decision.board_id == meeting.board_id, Decision.year == year
            )
        )
        number = (last or 0) + 1
        code = board_code(meeting.board.name, meeting.board.kind)
        decision = Decision(
            minutes_id=minutes.id,
            agenda_item_id=agenda_item_id,
            board_id=meeting.board_id,
            year=year,
            number=number,
            reference=decision_reference(code, year, number),
            text=resolution,
        )
        session.add(decision)
        session.flush()
        return outcome(decision_view(decision), Area.MINUTES)


def _load_decision(session: Session, decision_id: int) -> Decision:
    decision = load(session, Decision, decision_id, "That decision no longer exists.")
    editable(session, decision.minutes.meeting_id)
    return decision


def update_decision(db: Database, decision_id: int, text: str) -> Outcome[DecisionView]:
    resolution = validation.required(text, "The resolution", "text")
    with db.write() as session:
        decision = _load_decision(session, decision_id)
        decision.text = resolution
        session.flush()
        return outcome(decision_view(decision), Area.MINUTES)


def remove_decision(db: Database, decision_id: int) -> Outcome[None]:
    """Take a decision out of draft minutes. Its number is not given again unless it was the
    board's latest, so references already quoted stay unique."""
    with db.write() as session:
        session.delete(_load_decision(session, decision_id))
        return outcome(None, Area.MINUTES)


def add_action_arising(
    db: Database, meeting_id: int, agenda_item_id: int | None, data: ActionArisingInput
) -> Outcome[ActionArisingView]:
    """An action arising, created straight into the action log with this meeting and item as
    its source, by the same rules as any action in the log."""
    with db.write() as session:
        minutes = editable(session, meeting_id)
        _item(session, meeting_id, agenda_item_id)
        meeting = minutes.meeting
        action_input = ActionInput(
            title=data.title,
            owner_id=data.owner_id,
            priority_area_id=data.priority_area_id,
            board_id=meeting.board_id,
            source=ActionSource.MEETING,
            meeting_id=meeting_id,
            agenda_item_id=agenda_item_id,
            target=data.target,
            original_due=data.due,
            raised_on=meeting.starts_at.date(),
        )
        fresh = Action(reference="", status=ActionStatus.OPEN)
        action = save(session, fresh, apply_action, action_input)
        return outcome(action_view(action), Area.MINUTES, Area.ACTIONS)


def add_declaration(
    db: Database, meeting_id: int, data: DeclarationInput
) -> Outcome[DeclarationView]:
    """An interest declared at the meeting; from the register when `interest_id` is given."""
    with db.write() as session:
        minutes = editable(session, meeting_id)
        _item(session, meeting_id, data.agenda_item_id)
        name, text = data.name.strip(), data.text.strip()
        if data.interest_id is not None:
            missing = "That register entry no longer exists."
            entry = load(session, Interest, data.interest_id, missing)
            name = name or entry.person.name
            text = text or ", ".join(p for p in (entry.interest, entry.organisation) if p)
            person_id: int | None = entry.person_id
        else:
            person_id = data.person_id
            if person_id is not None:
                person = load(session, Person, person_id, "That person no longer exists.")
                name = name or person.name
        if not name:
            raise ValidationError("Say who declared the interest.", "name")
        if not text:
            raise ValidationError("Say what the interest is.", "text")
        declaration = Declaration(
            minutes_id=minutes.id,
            agenda_item_id=data.agenda_item_id,
            person_id=person_id,
            name=name,
            interest_id=data.interest_id,
            text=text,
            participation=data.participation.strip(),
        )
        session.add(declaration)
        session.flush()
        return outcome(declaration_view(declaration), Area.MINUTES)


def remove_declaration(db: Database, declaration_id: int) -> Outcome[None]:
    with db.write() as session:
        declaration = load(
            session, Declaration, declaration_id, "That declaration no longer exists."
        )
        minutes = session.get(Minutes, declaration.minutes_id)
        assert minutes is not None
        editable(session, minutes.meeting_id)
        session.delete(declaration)
        return outcome(None, Area.MINUTES)
