"""The Boards sheet: each row's board (matched by name) and the year of meetings its cadence gives.

A board's timetable is scheduled once: when the board has a series of that cadence from that
date already, the row leaves it be; when meetings are already booked from that date on (made by
hand, or by another cadence), the row says so and leaves them for the Meetings page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.governance import BoardKind
from sendboard.domain.schedules import Cadence, CadenceError, HolidayRule, day_label, parse_cadence
from sendboard.domain.schedules import plan as plan_dates
from sendboard.domain.setup import TIER_NAMES, parse_tier
from sendboard.domain.wording import counted
from sendboard.errors import ValidationError
from sendboard.outputs.setup.layout import BOARDS
from sendboard.outputs.sheets import Sheet, SheetRow, parse_date
from sendboard.services.common.imports import RowFinding, RowStatus
from sendboard.services.meetings import clean_place
from sendboard.services.setup.reading import Known, key

#: How far ahead a board's timetable is scheduled from its first date.
SERIES_DAYS = 364


@dataclass
class BoardPlan:
    row: int
    name: str
    board_id: int | None
    kind: BoardKind
    short_name: str
    parent: str  # name of the parent board, or ""
    cadence: Cadence | None
    first: date
    venue: str
    online_link: str
    schedule: bool = False
    messages: list[str] = field(default_factory=list)


def _shown(value: str) -> str:
    return value or "(blank)"


class BoardsPlanner:
    def __init__(self, known: Known, sheet: Sheet) -> None:
        self.known = known
        self.sheet = sheet
        self.today = clock.today()
        self.rows: dict[str, int] = {}
        self.plans: list[BoardPlan] = []
        self.findings: list[RowFinding] = []

    def plan(self) -> None:
        """First every name the sheet adds (rows may name a parent further down), then rows."""
        for row in self.sheet.rows:
            name = validation.clean(row.text("board"))
            if name and key(name) not in self.known.boards:
                self.known.new_boards.setdefault(key(name), name)
        for row in self.sheet.rows:
            self._plan_row(row)
        self._check_loops()

    def _error(self, row: SheetRow, name: str, errors: list[str]) -> None:
        self.findings.append(
            RowFinding(row.number, name, RowStatus.ERROR, tuple(errors), BOARDS.name)
        )

    def _plan_row(self, row: SheetRow) -> None:
        errors = list(row.problems)
        name = validation.clean(row.text("board"))
        if not name:
            errors.append("Board is missing")
        elif self.rows.setdefault(key(name), row.number) != row.number:
            errors.append(f"{name} is also on row {self.rows[key(name)]}")
        kind = BoardKind.SUB_GROUP
        try:
            kind = parse_tier(row.text("tier"))
        except ValueError as exc:
            errors.append(str(exc))
        parent = validation.clean(row.text("parent"))
        if parent and not self.known.board_known(parent):
            errors.append(f"Parent board '{parent}' is not on the Boards sheet nor in sendboard")
        elif parent and name and key(parent) == key(name):
            errors.append("A board cannot be its own parent")
        cadence = None
        if row.text("cadence"):
            try:
                cadence = parse_cadence(row.text("cadence"))
            except CadenceError as exc:
                errors.append(f"Cadence: {exc}")
        first = self.today
        try:
            first = parse_date(row.values.get("first")) or self.today
        except ValueError as exc:
            errors.append(f"First meeting on or after: {exc}")
        venue, link = "", ""
        try:
            venue, link = clean_place(row.text("location"), row.text("online_link"))
        except ValidationError as exc:
            errors.append(str(exc).rstrip("."))
        if errors:
            self._error(row, name, errors)
            return
        existing = self.known.boards.get(key(name))
        plan = BoardPlan(
            row=row.number,
            name=name,
            board_id=existing.id if existing else None,
            kind=kind,
            short_name=validation.clean(row.text("short_name")),
            parent=parent,
            cadence=cadence,
            first=first,
            venue=venue,
            online_link=link,
        )
        if existing is not None:
            plan.messages.extend(self._differences(plan))
        self._plan_series(plan)
        status = RowStatus.NEW if existing is None else RowStatus.UNCHANGED
        changed = any(not m.startswith("Note:") for m in plan.messages)
        if existing is not None and changed:
            status = RowStatus.UPDATE
        if status is not RowStatus.UNCHANGED:
            self.plans.append(plan)
        self.findings.append(
            RowFinding(row.number, name, status, tuple(plan.messages), BOARDS.name)
        )

    def _differences(self, plan: BoardPlan) -> list[str]:
        board = self.known.boards[key(plan.name)]
        changes = []
        if board.name != plan.name:
            changes.append(f"name: {board.name} → {plan.name}")
        if board.kind != plan.kind:
            changes.append(f"tier: {TIER_NAMES[board.kind]} → {TIER_NAMES[plan.kind]}")
        parent = board.parent.name if board.parent else ""
        if key(parent) != key(plan.parent):
            changes.append(f"parent board: {_shown(parent)} → {_shown(plan.parent)}")
        cadence = plan.cadence.describe() if plan.cadence else ""
        if board.cadence.casefold() != cadence.casefold():
            changes.append(f"cadence: {_shown(board.cadence)} → {_shown(cadence)}")
        short = self.known.short_name(board)
        if short != plan.short_name:
            changes.append(f"short name: {_shown(short)} → {_shown(plan.short_name)}")
        return changes

    def _plan_series(self, plan: BoardPlan) -> None:
        if plan.cadence is None:
            return
        wording = plan.cadence.describe().casefold()
        if plan.board_id is not None:
            for series in self.known.series.get(plan.board_id, []):
                if series.cadence.casefold() == wording and series.first_date == plan.first:
                    if (series.venue, series.online_link) != (plan.venue, plan.online_link):
                        plan.messages.append(
                            "Note: the meetings already scheduled keep their location and "
                            "link; change them on the Meetings page"
                        )
                    return
            booked = [d for d in self.known.booked_from.get(plan.board_id, []) if d >= plan.first]
            if booked:
                plan.messages.append(
                    f"Note: meetings are already booked from {day_label(min(booked))}; the "
                    "timetable is left as it is (schedule a series on the Meetings page)"
                )
                return
        last = plan.first + timedelta(days=SERIES_DAYS)
        dates = plan_dates(plan.cadence, plan.first, last, HolidayRule.MOVE)
        if dates:
            plan.schedule = True
            plan.messages.append(
                f"Schedules {counted(len(dates), 'meeting')}, {day_label(dates[0].day)} to "
                f"{day_label(dates[-1].day)}"
            )

    def _check_loops(self) -> None:
        """A parent chain that comes back to where it started is an error on each row in it."""
        parent_of = {
            key(b.name): key(b.parent.name) for b in self.known.boards.values() if b.parent
        }
        for plan in self.plans:
            parent_of[key(plan.name)] = key(plan.parent) if plan.parent else ""
        looped = set()
        for start in parent_of:
            seen, current = set(), start
            while current and current not in seen:
                seen.add(current)
                current = parent_of.get(current, "")
            if current == start:
                looped.add(start)
        if not looped:
            return
        for index, finding in enumerate(self.findings):
            if finding.status is not RowStatus.ERROR and key(finding.key) in looped:
                self.findings[index] = RowFinding(
                    finding.row,
                    finding.key,
                    RowStatus.ERROR,
                    ("Its parent boards lead back to itself; one of them must be the top",),
                    BOARDS.name,
                )
        self.plans = [p for p in self.plans if key(p.name) not in looped]
