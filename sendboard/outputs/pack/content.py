"""Everything a pack shows, as plain frozen data: the renderer never touches the database.

A pack-data service fills these from live records; tests and the benchmark can build them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sendboard.domain.brag import Brag
from sendboard.domain.escalations import AreaFigures
from sendboard.domain.measures import Status
from sendboard.domain.meetings import StandingItem
from sendboard.outputs.stocktake.content import SelfAssessment


@dataclass(frozen=True)
class PaperDoc:
    """One attached paper: its PDF bytes (None when the stored file is missing)."""

    title: str
    version: int
    data: bytes | None
    late: bool = False


@dataclass(frozen=True)
class PackItem:
    number: str
    title: str
    lead: str = ""
    purpose: str = ""
    minutes: int = 0
    starts: str = ""  # "14:20": when the item is due to start
    exempt: bool = False
    standing: StandingItem | None = None
    papers: tuple[PaperDoc, ...] = ()
    #: Lines the agenda prints under the item (escalations awaiting the board's response).
    notes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"Item {self.number}"


@dataclass(frozen=True)
class ActionRow:
    reference: str
    title: str
    owner: str
    organisation: str = ""
    area_code: str = ""
    area_title: str = ""
    target: str = ""
    original_due: date | None = None
    revised_due: date | None = None
    progress: Brag | None = None
    impact: Brag | None = None
    update: str = ""
    #: Why the log highlights this action (slow progress, partner contribution…); empty if not.
    highlights: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartnerNote:
    """A partner whose contribution needs strengthening, and why."""

    organisation: str
    reason: str


@dataclass(frozen=True)
class ActionLog:
    rows: tuple[ActionRow, ...]
    partners: tuple[PartnerNote, ...] = ()


@dataclass(frozen=True)
class ScoreBand:
    lowest: int
    highest: int
    label: str
    colour: str
    text_colour: str = "#000000"


@dataclass(frozen=True)
class RiskRow:
    reference: str
    title: str
    owner: str
    inherent: tuple[int, int]  # (likelihood, impact)
    residual: tuple[int, int]
    target: tuple[int, int] | None = None
    trend: str = ""  # "↑ worse", "↓ better", "→ same", "new"
    controls: str = ""
    last_reviewed: date | None = None
    change: str = ""  # what changed since the last review, in words

    @property
    def residual_score(self) -> int:
        return self.residual[0] * self.residual[1]

    @property
    def inherent_score(self) -> int:
        return self.inherent[0] * self.inherent[1]


@dataclass(frozen=True)
class RiskRegister:
    rows: tuple[RiskRow, ...]
    bands: tuple[ScoreBand, ...]
    #: The previous meeting of the pack's board, which changes are measured from (None: none).
    last_review: date | None = None
    board: str = ""  # the board whose meeting that was


@dataclass(frozen=True)
class AreaProgress:
    code: str
    title: str
    lead: str
    counts: dict[Brag | None, int] = field(default_factory=dict)  # None: not yet rated

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class HighlightSummary:
    """A sub-group's highlight report for one priority area, as the board above reads it."""

    board: str  # the sub-group
    area: str  # "P2 Communication and joined-up systems"
    lead: str
    meeting_day: date
    figures: AreaFigures
    narrative: str = ""


@dataclass(frozen=True)
class EscalationNote:
    """An escalation to the pack's board still awaiting its response."""

    kind: str  # "Action", "Risk", "Issue"
    subject: str  # "P5.03 Clear the backlog", or the issue
    from_board: str
    raised_on: date
    age: str  # "23 days"
    reason: str
    ask: str


@dataclass(frozen=True)
class PriorityProgress:
    areas: tuple[AreaProgress, ...]
    #: The latest highlight reports of the board's sub-groups since the board last met.
    reports: tuple[HighlightSummary, ...] = ()
    escalations: tuple[EscalationNote, ...] = ()
    #: The board's previous meeting, which the reports are counted from (None: none).
    since: date | None = None


@dataclass(frozen=True)
class MeasureChart:
    """One measure as the dashboard draws it: values, the target trajectory and milestones."""

    reference: str
    name: str
    area: str  # "P1 Timeliness"
    status: Status
    reason: str  # "48% at Jun 2027 against 60% planned"
    trend: str  # "Improving"
    latest: str = ""  # "48% at Jun 2027"
    next_target: str = ""  # "24-month target 75% by Jun 2028"
    values: tuple[tuple[date, float], ...] = ()
    line: tuple[tuple[date, float], ...] = ()  # baseline, then each milestone
    milestones: tuple[tuple[date, float, str], ...] = ()  # day, value, short label ("12m")
    slippage: tuple[str, ...] = ()
    higher_is_better: bool = True


@dataclass(frozen=True)
class Dashboard:
    measures: tuple[MeasureChart, ...]
    notice_date: date | None = None


@dataclass(frozen=True)
class IssuedPack:
    """A pack already issued in the same run of page numbers, as a supplement names it."""

    supplement: bool
    version: int  # the main pack's version, or the supplement's number
    issued_on: date
    first_page: int
    last_page: int

    @property
    def label(self) -> str:
        return f"Supplement {self.version}" if self.supplement else f"Pack version {self.version}"

    @property
    def page_range(self) -> str:
        return f"pages {self.first_page}–{self.last_page}"


@dataclass(frozen=True)
class PackContent:
    board: str
    meeting_title: str
    starts_at: datetime
    ends_at: datetime
    venue: str = ""
    online_link: str = ""
    classification: str = "OFFICIAL"
    secretary_name: str = ""
    secretary_email: str = ""
    secretary_phone: str = ""
    version: int = 1
    issued_on: date | None = None
    items: tuple[PackItem, ...] = ()
    public: bool = False
    supplement: bool = False
    action_log: ActionLog | None = None
    risks: RiskRegister | None = None
    progress: PriorityProgress | None = None
    dashboard: Dashboard | None = None
    #: A DfE stocktake's self-assessment, with its evidence appendix.
    self_assessment: SelfAssessment | None = None
    #: The printed number of the first page: a supplement numbers on from the pack it follows.
    first_page: int = 1
    #: For a supplement, the packs it follows in order: the main pack first, then earlier
    #: supplements to it.
    earlier: tuple[IssuedPack, ...] = ()

    @property
    def main_pack(self) -> IssuedPack | None:
        return self.earlier[0] if self.earlier else None

    def printed_page(self, page: int) -> int:
        """The number printed on the `page`-th page of this file (counting from 1)."""
        return self.first_page + page - 1

    @property
    def kind_label(self) -> str:
        visibility = "Public pack" if self.public else "Confidential pack"
        if self.supplement:
            return f"Supplement {self.version} — {visibility.lower()}"
        return visibility

    @property
    def when(self) -> str:
        day = f"{self.starts_at:%A} {self.starts_at.day} {self.starts_at:%B %Y}"
        return f"{day}, {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"
