"""What the action services hand out and take in: frozen, plain, free of sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sendboard.domain.actions import ActionSource, ActionStatus
from sendboard.domain.brag import Brag


@dataclass(frozen=True)
class ActionView:
    """One row of the log, with everything the table, filters and export show."""

    id: int
    reference: str
    title: str
    status: ActionStatus
    priority_area_id: int | None
    priority_area_code: str
    board_id: int | None
    board_name: str
    owner_id: int
    owner_name: str
    owner_organisation: str
    partners: tuple[str, ...]
    target: str
    original_due: date | None
    revised_due: date | None
    raised_on: date | None
    closed_on: date | None
    progress: Brag | None  # of the latest update
    impact: Brag | None
    last_update_on: date | None
    last_update: str
    evidence: str
    highlights: tuple[str, ...]
    needs_update: bool
    owner_email: str = ""
    #: Which save of the record this is (a save from an older version is refused).
    version: int = 0

    @property
    def due(self) -> date | None:
        return self.revised_due or self.original_due

    @property
    def highlighted(self) -> bool:
        return bool(self.highlights)

    @property
    def organisations(self) -> tuple[str, ...]:
        """The owner's organisation, then the contributing partners."""
        lead = (self.owner_organisation,) if self.owner_organisation else ()
        return lead + tuple(p for p in self.partners if p != self.owner_organisation)


@dataclass(frozen=True)
class ActionUpdateView:
    id: int
    on: date
    meeting_id: int | None
    meeting_label: str
    text: str
    progress: Brag | None
    impact: Brag | None
    evidence: str
    recorded_at: datetime


@dataclass(frozen=True)
class EvidenceFileView:
    id: int
    file_id: int
    name: str
    size: int
    update_id: int | None
    added_at: datetime


@dataclass(frozen=True)
class ActionDetail:
    """One action in full, with its whole history (oldest update first)."""

    row: ActionView
    description: str
    source: ActionSource
    meeting_id: int | None
    meeting_label: str
    agenda_item_id: int | None
    agenda_item_title: str
    partner_ids: tuple[int, ...]
    revised_reason: str
    superseded_by: str
    updates: tuple[ActionUpdateView, ...]
    files: tuple[EvidenceFileView, ...]


@dataclass(frozen=True)
class ActionInput:
    """A new action, or the new values of an existing one. A blank reference is numbered."""

    title: str
    owner_id: int | None
    priority_area_id: int | None = None
    board_id: int | None = None
    reference: str = ""
    description: str = ""
    source: ActionSource = ActionSource.IMPROVEMENT_PLAN
    meeting_id: int | None = None
    agenda_item_id: int | None = None
    partner_ids: tuple[int, ...] = ()
    target: str = ""
    original_due: date | None = None
    revised_due: date | None = None
    revised_reason: str = ""
    evidence: str = ""
    raised_on: date | None = None


@dataclass(frozen=True)
class UpdateInput:
    """An update for this cycle. Without a meeting, the board's next meeting is used if any."""

    action_id: int
    text: str = ""
    progress: Brag | None = None
    impact: Brag | None = None
    on: date | None = None
    meeting_id: int | None = None
    evidence: str = ""


@dataclass(frozen=True)
class Option:
    id: int
    label: str
    detail: str = ""


@dataclass(frozen=True)
class AgendaOption:
    id: int
    meeting_id: int
    label: str


@dataclass(frozen=True)
class ActionOptions:
    """Choices for the action form and the log's filters, read in one go."""

    people: tuple[Option, ...] = ()
    organisations: tuple[Option, ...] = ()
    priority_areas: tuple[Option, ...] = ()  # label is the code, detail the title
    boards: tuple[Option, ...] = ()
    meetings: tuple[Option, ...] = ()
    agenda_items: tuple[AgendaOption, ...] = field(default_factory=tuple)
    #: The sub-group of each priority area: the default board of a new action there.
    area_boards: dict[int, int] = field(default_factory=dict)
