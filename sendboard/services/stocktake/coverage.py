"""The coverage view: each requirement with what answers it (actions and their BRAG, measures
and their status, risks, evidence and engagement), flagged when nothing is linked or when
everything linked is slipping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain.actions import ActionStatus
from sendboard.domain.brag import Brag
from sendboard.domain.measures import Status
from sendboard.domain.stocktake.judgement import (
    SLIPPING_BRAG,
    SLIPPING_STATUS,
    Flag,
    Linked,
    Suggestion,
    flags,
    suggest,
)
from sendboard.errors import SendboardError
from sendboard.outputs.sheets import Fill, write_csv, write_xlsx
from sendboard.services.actions.queries import build_views
from sendboard.services.actions.settings import read_thresholds
from sendboard.services.measures.views import read_measures
from sendboard.store.database import Database
from sendboard.store.models import EngagementEvent, Requirement, Risk

GREY = ("#d0d0d0", "#000000")


@dataclass(frozen=True)
class LinkedItem:
    id: int
    reference: str
    title: str
    letter: str  # "G", "A", "–"
    label: str  # "Green", "At risk", "Score 12"
    colour: str = GREY[0]
    text_colour: str = GREY[1]
    slipping: bool = False

    @property
    def text(self) -> str:
        return f"{self.reference} ({self.letter} {self.label})".replace("– ", "")


@dataclass(frozen=True)
class CoverageRow:
    id: int
    reference: str
    text: str
    heading: str
    tracked: bool
    actions: tuple[LinkedItem, ...]
    measures: tuple[LinkedItem, ...]
    risks: tuple[LinkedItem, ...]
    evidence: tuple[str, ...]
    engagement: tuple[str, ...]
    flags: tuple[Flag, ...]
    suggestion: Suggestion

    @property
    def flag_text(self) -> str:
        return "; ".join(f.label for f in self.flags)


def action_item(view: Any) -> LinkedItem:
    done = view.status in (ActionStatus.COMPLETE, ActionStatus.CLOSED)
    rating = Brag.BLUE if done else view.progress
    if view.status is ActionStatus.SUPERSEDED:
        return LinkedItem(view.id, view.reference, view.title, "–", "Superseded")
    if rating is None:
        return LinkedItem(view.id, view.reference, view.title, "–", "Not rated")
    return LinkedItem(
        view.id,
        view.reference,
        view.title,
        rating.letter,
        rating.label,
        rating.colour,
        rating.text_colour,
        rating in SLIPPING_BRAG,
    )


def measure_item(view: Any) -> LinkedItem:
    status: Status = view.status
    return LinkedItem(
        view.id,
        view.reference,
        view.name,
        status.letter,
        status.label,
        status.colour,
        status.text_colour,
        status in SLIPPING_STATUS,
    )


def rating_of(item: LinkedItem) -> Brag | None:
    return Brag(item.letter) if item.letter in ("B", "R", "A", "G") else None


def risk_score(risk: Risk, day: date | None) -> int:
    """The residual score now, or with `day` the one given at the last review on or before it."""
    reviews = [r for r in risk.reviews if day is not None and r.reviewed_on <= day]
    if day is None or not reviews:
        return risk.residual_likelihood * risk.residual_impact
    last = max(reviews, key=lambda r: (r.reviewed_on, r.id))
    return last.residual_likelihood * last.residual_impact


def read_coverage(session: Session, today: date, *, as_it_stood: bool = False) -> list[CoverageRow]:
    """Each requirement with what answers it; with `as_it_stood`, as things stood at the end of
    `today` (a held stocktake's day): later updates, values, reviews, evidence and events are
    left out, and actions raised or risks recorded later are not listed."""
    stood = today if as_it_stood else None
    requirements = session.scalars(
        select(Requirement)
        .options(
            selectinload(Requirement.actions),
            selectinload(Requirement.measures),
            selectinload(Requirement.risks).selectinload(Risk.reviews),
            selectinload(Requirement.evidence),
        )
        .order_by(Requirement.position, Requirement.id)
    ).all()
    views = build_views(session, today, read_thresholds(session), as_it_stood=as_it_stood)
    actions = {v.id: action_item(v) for v in views}
    measure_views = read_measures(session, as_at=stood)
    statuses = {v.id: v.status for v in measure_views}
    measures = {v.id: measure_item(v) for v in measure_views}
    engagement: dict[int, list[tuple[date, str]]] = {}
    for event in session.scalars(
        select(EngagementEvent).options(selectinload(EngagementEvent.requirements))
    ):
        if stood is not None and event.held_on > stood:
            continue
        for requirement in event.requirements:
            engagement.setdefault(requirement.id, []).append(
                (event.held_on, f"{event.held_on:%d/%m/%Y} {event.title}")
            )
    rows = []
    for record in requirements:
        linked_actions = tuple(actions[a.id] for a in record.actions if a.id in actions)
        linked_measures = tuple(measures[m.id] for m in record.measures if m.id in measures)
        risks = tuple(
            LinkedItem(
                r.id,
                r.reference,
                r.title,
                "–",
                f"score {risk_score(r, stood)}",
            )
            for r in record.risks
            if stood is None or r.created_on <= stood
        )
        evidence = tuple(e.title for e in record.evidence if stood is None or e.added_on <= stood)
        events = tuple(text for _, text in sorted(engagement.get(record.id, ())))
        linked = Linked(
            actions=tuple(rating_of(a) for a in linked_actions),
            measures=tuple(statuses[m.id] for m in linked_measures),
            evidence=len(evidence),
            engagement=len(events),
            risks=len(risks),
        )
        rows.append(
            CoverageRow(
                id=record.id,
                reference=record.reference,
                text=record.text,
                heading=record.heading,
                tracked=record.tracked,
                actions=linked_actions,
                measures=linked_measures,
                risks=risks,
                evidence=evidence,
                engagement=events,
                flags=flags(linked) if record.tracked else (),
                suggestion=suggest(linked),
            )
        )
    return rows


def coverage(db: Database, today: date | None = None) -> tuple[CoverageRow, ...]:
    """Every requirement in the notice's order, with what answers it and any flags."""
    with db.read() as session:
        return tuple(read_coverage(session, today or clock.today()))


COLUMNS = (
    ("reference", "Reference", 10),
    ("heading", "Heading", 22),
    ("text", "Requirement", 60),
    ("tracked", "Needs actions", 10),
    ("actions", "Actions (BRAG)", 30),
    ("measures", "Measures (status)", 30),
    ("risks", "Risks", 20),
    ("evidence", "Evidence", 30),
    ("engagement", "Engagement", 30),
    ("suggested", "Suggested RAG", 12),
    ("flags", "Flags", 26),
)


def coverage_rows(rows: tuple[CoverageRow, ...], *, fills: bool) -> list[list[Any]]:
    out = []
    for row in rows:
        rag = row.suggestion.rag if row.tracked else None
        suggested: Any = f"{rag.letter} {rag.label}" if rag else ""
        if fills and rag:
            suggested = Fill(suggested, rag.colour, rag.text_colour)
        out.append(
            [
                row.reference,
                row.heading,
                row.text,
                "Yes" if row.tracked else "No",
                "; ".join(a.text for a in row.actions),
                "; ".join(m.text for m in row.measures),
                "; ".join(r.text for r in row.risks),
                "; ".join(row.evidence),
                "; ".join(row.engagement),
                suggested,
                row.flag_text,
            ]
        )
    return out


def export_coverage(db: Database, path: Path, today: date | None = None) -> int:
    """The coverage view, one row per requirement; its first four columns import back."""
    path = Path(path)
    rows = coverage(db, today)
    header = [h for _, h, _ in COLUMNS]
    if path.suffix.lower() == ".xlsx":
        data = coverage_rows(rows, fills=True)
        write_xlsx(path, "Requirements", header, data, widths=[w for _, _, w in COLUMNS])
    elif path.suffix.lower() == ".csv":
        write_csv(path, header, coverage_rows(rows, fills=False))
    else:
        raise SendboardError(f"{path.name}: choose a .xlsx or .csv file name.")
    return len(rows)
