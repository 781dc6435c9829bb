"""The invitation compliance record a secretary shows at a DfE stocktake, on screen and on file.

Built on `compliance_record`: every meeting of a board, each required role, whether a holder was
invited before the meeting and when, with any later invitations listed beside that evidence. A
role first invited only after the meeting started is LATE and counts against the board. Meetings
still ahead whose invitations have not gone out yet, and meetings cancelled before anything was
sent, are listed but not counted against the board.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from sendboard import clock
from sendboard.domain.governance import BoardKind, StatutoryRole
from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.wording import counted
from sendboard.errors import NotFoundError, SendboardError
from sendboard.outputs.sheets import Fill, write_csv, write_xlsx
from sendboard.services import boards
from sendboard.services.boards import BoardView
from sendboard.services.meetings.compliance_record import (
    MeetingCompliance,
    RoleInvitation,
    compliance_record,
)
from sendboard.store.database import Database

LONDON = ZoneInfo("Europe/London")


class CellState(StrEnum):
    INVITED = "invited"  # before the meeting started
    LATE = "late"  # first invited only after the meeting started
    MISSING = "missing"  # due, and nobody holding the role was invited
    NOT_YET = "not_yet"  # an upcoming meeting whose invitations have not been sent
    CANCELLED = "cancelled"  # cancelled before any invitation went out: none needed


#: Background and text colours shared by the screen and the spreadsheet (Excel's own good/bad).
COLOURS = {
    CellState.INVITED: ("#C6EFCE", "#006100"),
    CellState.LATE: ("#FFEB9C", "#9C5700"),
    CellState.MISSING: ("#FFC7CE", "#9C0006"),
    CellState.NOT_YET: ("#EDEDED", "#404040"),
    CellState.CANCELLED: ("#EDEDED", "#404040"),
}


@dataclass(frozen=True)
class LaterHandOff:
    """An invitation to a holder after the one the cell shows: a re-send, or a late one."""

    at: datetime  # London time
    channel: str
    late: bool  # after the meeting started

    @property
    def text(self) -> str:
        how = ", ".join(part for part in (self.channel, "late" if self.late else "") if part)
        return f"{when(self.at)}" + (f" ({how})" if how else "")


@dataclass(frozen=True)
class RoleCell:
    role: StatutoryRole
    state: CellState
    holder: str
    #: London time of the evidence (INVITED) or of the first, late, invitation (LATE).
    invited_at: datetime | None
    channel: str
    hand_offs: int
    later: tuple[LaterHandOff, ...] = ()

    @property
    def text(self) -> str:
        """The wording the command line and the spreadsheet use."""
        channel = f" ({self.channel})" if self.channel else ""
        if self.state is CellState.INVITED and self.invited_at is not None:
            return f"invited {when(self.invited_at)}{channel}"
        if self.state is CellState.LATE and self.invited_at is not None:
            return f"LATE: first invited after the start, {when(self.invited_at)}{channel}"
        if self.state is CellState.NOT_YET:
            return "NOT INVITED (not sent yet)"
        if self.state is CellState.CANCELLED:
            return "NOT INVITED (cancelled before sending)"
        return "NOT INVITED"

    @property
    def later_text(self) -> str:
        """The invitations after the one shown, listed beside it ("" if none)."""
        if not self.later:
            return ""
        return "later: " + "; ".join(h.text for h in self.later)


@dataclass(frozen=True)
class MeetingRow:
    meeting_id: int
    label: str
    starts_at: datetime
    status: MeetingStatus
    cells: tuple[RoleCell, ...]
    counted: bool  # due for invitations, so it counts in the summary
    compliant: bool

    @property
    def note(self) -> str:
        if self.status is MeetingStatus.CANCELLED and not self.counted:
            return "Cancelled before invitations went out"
        if not self.counted:
            return "Upcoming: invitations not sent yet"
        if self.compliant:
            return "Every required role invited"
        parts = []
        for state, wording in ((CellState.MISSING, "Not invited"), (CellState.LATE, "Late")):
            labels = [c.role.label for c in self.cells if c.state is state]
            if labels:
                parts.append(f"{wording}: " + ", ".join(labels))
        return "; ".join(parts)

    @property
    def late(self) -> bool:
        return any(c.state is CellState.LATE for c in self.cells)


@dataclass(frozen=True)
class ComplianceReport:
    board_id: int
    board_name: str
    roles: tuple[StatutoryRole, ...]
    rows: tuple[MeetingRow, ...]

    @property
    def counted(self) -> int:
        return sum(1 for r in self.rows if r.counted)

    @property
    def compliant(self) -> int:
        return sum(1 for r in self.rows if r.counted and r.compliant)

    @property
    def summary(self) -> str:
        if not self.roles:
            return f"{self.board_name} has no required roles, so no invitation is required."
        text = (
            f"{self.compliant} of {counted(self.counted, 'meeting')} "
            "had every required role invited"
        )
        late = sum(1 for r in self.rows if r.counted and r.late)
        if late:
            text += f"; {late} had a role first invited only after the meeting started"
        upcoming = sum(
            1 for r in self.rows if not r.counted and r.status is not MeetingStatus.CANCELLED
        )
        cancelled = sum(
            1 for r in self.rows if not r.counted and r.status is MeetingStatus.CANCELLED
        )
        left_out = []
        if upcoming:
            left_out.append(f"{upcoming} upcoming not sent yet")
        if cancelled:
            left_out.append(f"{cancelled} cancelled before sending")
        if left_out:
            text += " (not counted: " + "; ".join(left_out) + ")"
        return text + "."


def when(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M}"


def default_board(db: Database) -> BoardView:
    """The Improvement Board: the board the notice's invitation rule is about."""
    for board in boards.list_boards(db):
        if board.kind is BoardKind.IMPROVEMENT_BOARD:
            return board
    raise NotFoundError(
        "There is no board of the kind Improvement board; add it in People & Boards or "
        "name the board to report on."
    )


def _cell(role: RoleInvitation, meeting: MeetingCompliance, due: bool) -> RoleCell:
    shown, later = role.evidence, role.later
    if shown is None and role.late:
        shown, later = later[0], later[1:]
    if role.invited:
        state = CellState.INVITED
    elif role.late:
        state = CellState.LATE
    elif due:
        state = CellState.MISSING
    elif meeting.status is MeetingStatus.CANCELLED:
        state = CellState.CANCELLED
    else:
        state = CellState.NOT_YET
    return RoleCell(
        role=role.role,
        state=state,
        holder=role.holder,
        invited_at=shown.at.astimezone(LONDON) if shown else None,
        channel=shown.channel if shown else "",
        hand_offs=role.hand_offs,
        later=tuple(LaterHandOff(s.at.astimezone(LONDON), s.channel, s.late) for s in later),
    )


def _row(meeting: MeetingCompliance, now: datetime) -> MeetingRow:
    anything_sent = any(r.hand_offs for r in meeting.roles)
    if meeting.status is MeetingStatus.CANCELLED:
        due = anything_sent
    else:
        due = meeting.starts_at <= now or meeting.status is MeetingStatus.HELD or anything_sent
    cells = tuple(_cell(r, meeting, due) for r in meeting.roles)
    return MeetingRow(
        meeting_id=meeting.meeting_id,
        label=meeting.label,
        starts_at=meeting.starts_at,
        status=meeting.status,
        cells=cells,
        counted=due,
        compliant=all(c.state is CellState.INVITED for c in cells),
    )


def build_report(
    db: Database, board_id: int | None = None, now: datetime | None = None
) -> ComplianceReport:
    """The record for one board (default: the Improvement Board), oldest meeting first.

    `now` is London wall-clock time (meetings are stored that way); it decides which meetings
    are still ahead.
    """
    board = boards.get_board(db, board_id) if board_id is not None else default_board(db)
    moment = now or clock.local_now()
    rows = tuple(_row(m, moment) for m in compliance_record(db, board.id))
    return ComplianceReport(board.id, board.name, board.required_roles, rows)


def sheet_rows(report: ComplianceReport) -> tuple[list[str], list[list[object]]]:
    """Header and rows for a spreadsheet: coloured role cells that also say what they mean."""
    header = ["Date", "Time", "Meeting", "Status", *(r.label for r in report.roles), "Result"]
    rows: list[list[object]] = []
    for row in report.rows:
        cells: list[object] = [
            row.starts_at.date(),
            row.starts_at.time(),
            row.label,
            row.status.label,
        ]
        for cell in row.cells:
            background, foreground = COLOURS[cell.state]
            mark = "✓ " if cell.state is CellState.INVITED else "✗ "
            holder = f" — {cell.holder}" if cell.holder else ""
            later = f"; {cell.later_text}" if cell.later_text else ""
            cells.append(Fill(mark + cell.text + holder + later, background, foreground))
        cells.append(row.note)
        rows.append(cells)
    return header, rows


def export_report(report: ComplianceReport, path: Path) -> Path:
    """Write the record to .xlsx (formatted, coloured) or .csv, the summary as the last row."""
    header, rows = sheet_rows(report)
    blank = [""] * len(header)
    summary = ["Summary", "", report.summary, *blank[3:]]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        plain = [[c.text if isinstance(c, Fill) else c for c in r] for r in rows]
        write_csv(path, header, [*plain, blank, summary])
    elif suffix == ".xlsx":
        widths = [12, 7, 44, 11, *([54] * len(report.roles)), 36]
        title = f"Invitations {report.board_name}"
        write_xlsx(path, title, header, rows, widths=widths, footer=[blank, summary])
    else:
        raise SendboardError(f"{path.name}: choose a file ending in .xlsx or .csv.")
    return path
