"""What the minutes services hand out and take in: frozen, plain, free of sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sendboard.domain.meetings import MeetingStatus, StandingItem
from sendboard.domain.minutes import MinutesStatus, minutes_overdue


@dataclass(frozen=True)
class AttendeeView:
    name: str
    organisation: str
    role: str  # "Chair", "DfE SEND adviser", "Member"…
    substitute_for: str = ""


@dataclass(frozen=True)
class Attendance:
    present: tuple[AttendeeView, ...]
    apologies: tuple[AttendeeView, ...]
    substitutes: tuple[AttendeeView, ...]
    in_attendance: tuple[AttendeeView, ...]
    quorum_text: str
    quorate: bool


@dataclass(frozen=True)
class DecisionView:
    id: int
    reference: str
    agenda_item_id: int | None
    text: str
    version: int = 0


@dataclass(frozen=True)
class ActionArisingView:
    id: int
    reference: str
    agenda_item_id: int | None
    title: str
    owner: str
    due: date | None
    priority_area: str


@dataclass(frozen=True)
class DeclarationView:
    id: int
    agenda_item_id: int | None
    person_id: int | None
    name: str
    text: str
    participation: str


@dataclass(frozen=True)
class ErratumView:
    id: int
    agenda_item_id: int | None
    text: str
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class InterestView:
    id: int
    person_id: int
    person: str
    interest: str
    organisation: str
    from_date: date | None
    to_date: date | None
    reviewed_on: date | None
    version: int = 0


@dataclass(frozen=True)
class SavedText:
    """A minute's text as saved: when, and its version now (the next save sends it)."""

    at: datetime
    version: int


@dataclass(frozen=True)
class SectionView:
    """One agenda item's minute, with what was resolved and what is to be done."""

    agenda_item_id: int
    number: int
    title: str
    lead: str
    exempt: bool
    standing: StandingItem | None
    text: str
    decisions: tuple[DecisionView, ...]
    actions: tuple[ActionArisingView, ...]
    declarations: tuple[DeclarationView, ...]
    errata: tuple[ErratumView, ...]
    #: Register entries of the people on the item (its lead, or the board's members present).
    offered_interests: tuple[InterestView, ...] = ()
    #: The version of the text read (0: nothing saved yet); an autosave sends it back.
    version: int = 0


@dataclass(frozen=True)
class PreviousMinutes:
    """What this meeting did with the minutes of the board's previous meeting."""

    meeting_id: int
    meeting_label: str
    meeting_date: date
    status: MinutesStatus | None  # None: no minutes were written for it
    approved_here: bool
    amendments: str


@dataclass(frozen=True)
class MinutesView:
    id: int
    meeting_id: int
    meeting_label: str
    meeting_status: MeetingStatus
    board_id: int
    board_name: str
    board_code: str
    starts_at: datetime
    ends_at: datetime
    venue: str
    status: MinutesStatus
    status_changed_at: datetime
    approved_on: date | None
    approved_at_label: str
    approved_at_date: date | None  # the day of the meeting that approved them
    amendments: str
    minutes_due: date
    attendance: Attendance
    sections: tuple[SectionView, ...]
    matters_arising: str
    #: The minutes that came to this meeting to be agreed, oldest first (usually one meeting's).
    previous_minutes: tuple[PreviousMinutes, ...]
    general_declarations: tuple[DeclarationView, ...]
    general_errata: tuple[ErratumView, ...]
    saved_at: datetime | None
    matters_version: int = 0

    @property
    def locked(self) -> bool:
        return self.status.locked

    @property
    def previous(self) -> PreviousMinutes | None:
        """The board's previous meeting's minutes, as this meeting dealt with them."""
        return self.previous_minutes[-1] if self.previous_minutes else None

    def section(self, agenda_item_id: int) -> SectionView:
        return next(s for s in self.sections if s.agenda_item_id == agenda_item_id)


@dataclass(frozen=True)
class MinutesListRow:
    """A meeting in the Minutes page's picker, with where its minutes stand."""

    meeting_id: int
    label: str
    board_name: str
    starts_at: datetime
    meeting_status: MeetingStatus
    status: MinutesStatus | None
    minutes_due: date

    @property
    def status_label(self) -> str:
        return self.status.label if self.status else "Not started"

    def overdue(self, today: date) -> bool:
        """Still a draft after the day the minutes were due."""
        return minutes_overdue(self.status, self.minutes_due, today)


@dataclass(frozen=True)
class ActionArisingInput:
    title: str
    owner_id: int | None
    due: date | None = None
    priority_area_id: int | None = None
    target: str = ""


@dataclass(frozen=True)
class DeclarationInput:
    name: str
    text: str
    person_id: int | None = None
    agenda_item_id: int | None = None
    interest_id: int | None = None
    participation: str = ""


@dataclass(frozen=True)
class InterestInput:
    person_id: int
    interest: str
    organisation: str = ""
    from_date: date | None = None
    to_date: date | None = None
    reviewed_on: date | None = None


@dataclass(frozen=True)
class DecisionLogRow:
    reference: str
    board: str
    meeting: str
    meeting_date: date
    item: str
    text: str
    minutes_status: MinutesStatus
