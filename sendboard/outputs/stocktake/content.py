"""The self-assessment as plain frozen data: the writers never touch the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendboard.domain.brag import Brag


@dataclass(frozen=True)
class Rated:
    """A linked action or measure as printed: reference, title and its rating in words."""

    reference: str
    title: str
    letter: str  # "G", "A", "–"
    label: str  # "Green", "At risk"
    colour: str = "#d0d0d0"
    text_colour: str = "#000000"

    @property
    def text(self) -> str:
        rating = f"{self.letter} {self.label}" if self.letter not in ("", "–") else self.label
        return f"{self.reference} {self.title} ({rating})"


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class EvidenceSection:
    """One part of the evidence appendix: a few lines of figures and, where useful, a table."""

    key: str  # "governance", "attendance", … (a minutes section would be "minutes")
    title: str
    summary: tuple[str, ...]
    table: Table | None = None


@dataclass(frozen=True)
class RequirementJudgement:
    reference: str
    text: str
    heading: str
    suggested: Brag
    suggested_reason: str
    judgement: Brag | None  # set by the secretary or lead; None: the suggestion stands
    reason: str  # why the judgement differs from the suggestion
    narrative: str
    previous: Brag | None  # the judgement at the previous stocktake
    movement: str  # "↑ better", "→ same", "new"
    flags: tuple[str, ...]
    actions: tuple[Rated, ...] = ()
    measures: tuple[Rated, ...] = ()
    risks: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    engagement: tuple[str, ...] = ()
    requirement_id: int = 0
    judged_on: date | None = None  # when the judgement that stands was saved
    #: What the data suggests for the period the assessment covers (today's data for a
    #: stocktake ahead, the data as it stood on the day for a held one); `suggested` is the
    #: suggestion saved with the judgement when there is one.
    data_suggested: Brag | None = None
    data_reason: str = ""
    held: bool = False

    @property
    def rag(self) -> Brag:
        return self.judgement or self.suggested

    @property
    def differs(self) -> bool:
        return self.judgement is not None and self.judgement is not self.suggested

    @property
    def suggested_label(self) -> str:
        """'Suggested from the data' (and when, for a suggestion saved with a judgement)."""
        when = f" when judged on {_day(self.judged_on)}" if self.judged_on else ""
        return f"Suggested from the data{when}"

    @property
    def suggested_text(self) -> str:
        """'Amber (A): 1 of 3 linked actions and measures slipping.'"""
        reason = f": {self.suggested_reason}" if self.suggested_reason else "."
        return f"{self.suggested.label} ({self.suggested.letter}){reason}"

    @property
    def reason_text(self) -> str:
        """Why the judgement differs from the suggestion; '' when it does not."""
        if not self.differs:
            return ""
        return self.reason or "none was recorded with the judgement."

    @property
    def data_moved(self) -> str:
        """How the data's suggestion now differs from the one saved with the judgement."""
        data = self.data_suggested
        if data is None or data is self.suggested:
            return ""
        why = f": {self.data_reason}" if self.data_reason else "."
        said = f"{data.label} ({data.letter}){why}"
        if self.held:
            return f"On the day of the stocktake the data suggested {said}"
        return f"The data has moved since: it now suggests {said}"


@dataclass(frozen=True)
class SelfAssessment:
    council: str
    notice_date: date | None
    board: str
    meeting_id: int
    meeting_title: str
    meeting_on: date
    period_from: date | None  # the previous stocktake (exclusive); None: from the start
    period_to: date
    previous_title: str  # "DfE six-monthly stocktake on 17 June 2026", or ""
    requirements: tuple[RequirementJudgement, ...]
    evidence: tuple[EvidenceSection, ...]
    prepared_on: date

    @property
    def flagged(self) -> tuple[RequirementJudgement, ...]:
        return tuple(r for r in self.requirements if r.flags)

    def count(self, rag: Brag) -> int:
        return sum(1 for r in self.requirements if r.rag is rag)

    @property
    def period_text(self) -> str:
        start = _day(self.period_from) if self.period_from else "the notice"
        return f"{start} to {_day(self.period_to)}"

    @property
    def title(self) -> str:
        who = self.council or self.board
        return f"{who}: self-assessment for the DfE stocktake".strip(": ")


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
