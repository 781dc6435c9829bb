"""The Memberships, Priority areas and Secretary sheets: each row checked and matched.

A membership is matched by board, person and From date; when none has that date and the person
has exactly one membership of the board, that one is updated (its dates corrected).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sendboard import clock
from sendboard.domain import validation
from sendboard.domain.governance import MemberRole
from sendboard.domain.setup import ROLE_NAMES, parse_role, parse_voting
from sendboard.errors import ValidationError
from sendboard.outputs.setup.layout import MEMBERSHIPS, PRIORITY_AREAS, SECRETARY
from sendboard.outputs.sheets import Sheet, SheetRow, parse_date
from sendboard.services.common.imports import RowFinding, RowStatus
from sendboard.services.setup.reading import Known, key
from sendboard.store.models import Membership


@dataclass
class MembershipPlan:
    board: str
    email: str
    role: MemberRole
    voting: bool
    from_date: date | None
    to_date: date | None
    membership_id: int | None = None
    chair: bool = False  # the row makes the person the board's chair


@dataclass
class AreaPlan:
    code: str
    title: str
    lead: str  # email or ""
    sub_group: str  # board name or ""
    area_id: int | None = None


@dataclass
class SecretaryPlan:
    name: str
    email: str
    organisation: str


@dataclass
class RecordsPlan:
    memberships: list[MembershipPlan] = field(default_factory=list)
    areas: list[AreaPlan] = field(default_factory=list)
    secretary: SecretaryPlan | None = None
    findings: list[RowFinding] = field(default_factory=list)


def _email(row: SheetRow, name: str, errors: list[str], known: Known, label: str) -> str:
    try:
        email = validation.email(row.text(name)) or ""
    except ValidationError as exc:
        errors.append(str(exc).rstrip("."))
        return ""
    if email and not known.email_known(email):
        errors.append(f"{label} {email} is not on the People sheet nor in sendboard")
    return email


def _date(row: SheetRow, name: str, label: str, errors: list[str]) -> date | None:
    try:
        return parse_date(row.values.get(name))
    except ValueError as exc:
        errors.append(f"{label}: {exc}")
        return None


def _day(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "(blank)"


class RecordsPlanner:
    def __init__(self, known: Known) -> None:
        self.known = known
        self.result = RecordsPlan()
        self.today = clock.today()

    def _add(self, sheet: str, row: int, label: str, status: RowStatus, messages: list[str]):  # type: ignore[no-untyped-def]
        self.result.findings.append(RowFinding(row, label, status, tuple(messages), sheet))

    # -- memberships ----------------------------------------------------------------------
    def memberships(self, sheet: Sheet) -> None:
        seen: dict[tuple[str, str, date | None], int] = {}
        for row in sheet.rows:
            errors = list(row.problems)
            board = validation.clean(row.text("board"))
            if not board:
                errors.append("Board is missing")
            elif not self.known.board_known(board):
                errors.append(f"Board '{board}' is not on the Boards sheet nor in sendboard")
            email = _email(row, "email", errors, self.known, "The email")
            if not row.text("email"):
                errors.append("Email is missing")
            role = MemberRole.MEMBER
            try:
                role = parse_role(row.text("role"))
            except ValueError as exc:
                errors.append(str(exc))
            voting = False
            try:
                voting = parse_voting(row.text("voting"), role)
            except ValueError as exc:
                errors.append(str(exc))
            start = _date(row, "from", "From", errors)
            end = _date(row, "to", "To", errors)
            if start and end and end < start:
                errors.append("The membership ends (To) before it starts (From)")
            label = f"{board} · {email or row.text('email')}"
            first = seen.setdefault((key(board), email, start), row.number)
            if first != row.number:
                errors.append(f"Row {first} already gives this membership")
            if errors:
                self._add(MEMBERSHIPS.name, row.number, label, RowStatus.ERROR, errors)
                continue
            plan = MembershipPlan(board, email, role, voting, start, end)
            status, messages = self._match_membership(plan)
            if status in (RowStatus.NEW, RowStatus.UPDATE):
                self.result.memberships.append(plan)
            self._add(MEMBERSHIPS.name, row.number, label, status, messages)

    def _match_membership(self, plan: MembershipPlan) -> tuple[RowStatus, list[str]]:
        board = self.known.boards.get(key(plan.board))
        person = self.known.people.get(plan.email)
        current = plan.to_date is None or plan.to_date >= self.today
        plan.chair = plan.role is MemberRole.CHAIR and current
        becomes_chair = plan.chair and (board is None or board.chair_id != (person and person.id))
        chair_note = [f"Becomes chair of {plan.board}"] if becomes_chair else []
        if board is None or person is None:
            return RowStatus.NEW, [f"Joins as {ROLE_NAMES[plan.role]}", *chair_note]
        held = self.known.memberships.get((person.id, board.id), [])
        same = [m for m in held if m.from_date == plan.from_date]
        match: Membership | None = same[0] if same else held[0] if len(held) == 1 else None
        if match is None:
            if plan.to_date is None and any(m.to_date is None for m in held):
                return RowStatus.ERROR, [
                    f"{person.name} is already a current member of {board.name}; give that "
                    "membership's From date to update it"
                ]
            return RowStatus.NEW, [f"Joins as {ROLE_NAMES[plan.role]}", *chair_note]
        plan.membership_id = match.id
        changes = [
            f"{label}: {old} → {new}"
            for label, old, new in (
                ("role", ROLE_NAMES[match.role], ROLE_NAMES[plan.role]),
                ("voting", "yes" if match.voting else "no", "yes" if plan.voting else "no"),
                ("from", _day(match.from_date), _day(plan.from_date)),
                ("to", _day(match.to_date), _day(plan.to_date)),
            )
            if old != new
        ]
        changes += chair_note
        return (RowStatus.UPDATE if changes else RowStatus.UNCHANGED), changes

    # -- priority areas -------------------------------------------------------------------
    def areas(self, sheet: Sheet) -> None:
        seen: dict[str, int] = {}
        for row in sheet.rows:
            errors = list(row.problems)
            code = validation.clean(row.text("code")).upper()
            title = validation.clean(row.text("title"))
            if not code:
                errors.append("Code is missing")
            elif seen.setdefault(code, row.number) != row.number:
                errors.append(f"{code} is also on row {seen[code]}")
            if len(code) > 16:
                errors.append("Code is longer than 16 characters")
            if not title:
                errors.append("Title is missing")
            lead = _email(row, "lead", errors, self.known, "The lead")
            board = validation.clean(row.text("sub_group"))
            if board and not self.known.board_known(board):
                errors.append(f"Sub-group '{board}' is not on the Boards sheet nor in sendboard")
            label = f"{code} {title}".strip()
            if errors:
                self._add(PRIORITY_AREAS.name, row.number, label, RowStatus.ERROR, errors)
                continue
            plan = AreaPlan(code, title, lead, board)
            existing = self.known.areas.get(code)
            if existing is None:
                self.result.areas.append(plan)
                self._add(PRIORITY_AREAS.name, row.number, label, RowStatus.NEW, [])
                continue
            plan.area_id = existing.id
            old_lead = (existing.lead.email or "") if existing.lead else ""
            old_board = existing.sub_group.name if existing.sub_group else ""
            changes = [
                f"{label}: {old or '(blank)'} → {new or '(blank)'}"
                for label, old, new, same in (
                    ("title", existing.title, title, existing.title == title),
                    ("lead", old_lead, lead, old_lead == lead),
                    ("sub-group", old_board, board, key(old_board) == key(board)),
                )
                if not same
            ]
            if changes:
                self.result.areas.append(plan)
            status = RowStatus.UPDATE if changes else RowStatus.UNCHANGED
            self._add(PRIORITY_AREAS.name, row.number, label, status, changes)

    # -- secretary ------------------------------------------------------------------------
    def secretary(self, sheet: Sheet) -> None:
        for index, row in enumerate(sheet.rows):
            errors = list(row.problems)
            name = validation.clean(row.text("name"))
            if index:
                errors.append(f"Only one secretary: the first is on row {sheet.rows[0].number}")
            if not name:
                errors.append("Name is missing")
            email = ""
            try:
                email = validation.email(row.text("email")) or ""
            except ValidationError as exc:
                errors.append(str(exc).rstrip("."))
            if not row.text("email"):
                errors.append("Email is missing: invitations are sent from it")
            if errors:
                self._add(SECRETARY.name, row.number, name, RowStatus.ERROR, errors)
                continue
            organisation = validation.clean(row.text("organisation"))
            plan = SecretaryPlan(name, email, organisation)
            stored = self.known.settings
            changes = [
                f"{label}: {stored.get(setting) or '(blank)'} → {new or '(blank)'}"
                for label, setting, new in (
                    ("name", "secretary_name", name),
                    ("email", "secretary_email", email),
                    ("organisation", "secretary_organisation", organisation),
                )
                if stored.get(setting, "") != new
            ]
            first = not stored.get("secretary_name") and not stored.get("secretary_email")
            status = (
                RowStatus.NEW if first else RowStatus.UPDATE if changes else RowStatus.UNCHANGED
            )
            if status is not RowStatus.UNCHANGED:
                self.result.secretary = plan
            self._add(SECRETARY.name, row.number, name, status, [] if first else changes)
