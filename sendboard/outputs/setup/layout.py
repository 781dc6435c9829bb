"""The sheets of a setup workbook, their columns, and the headings each column may go by.

The template writes exactly these headings; the import also takes the common variants, compared
ignoring case and punctuation, so a workbook tidied up by hand still reads.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    field: str
    heading: str
    width: int
    note: str  # what the cell holds, for the Instructions sheet
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()  # offered as a drop-down list in the template


@dataclass(frozen=True)
class SheetLayout:
    name: str
    columns: tuple[Column, ...]
    required: tuple[str, ...]  # fields the header row must name
    purpose: str

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(c.heading for c in self.columns)

    @property
    def aliases(self) -> dict[str, tuple[str, ...]]:
        return {c.field: (c.heading, *c.aliases) for c in self.columns}


TIERS = ("improvement board", "delivery group", "sub-group", "other")
ROLES = ("chair", "vice-chair", "member", "adviser", "secretary", "officer")
STATUTORY = ("DfE SEND adviser", "NHS England adviser", "DfE case lead")
YES_NO = ("yes", "no")

BOARDS = SheetLayout(
    "Boards",
    (
        Column(
            "board", "Board", 40, "The board's full name, as on its papers", ("name", "board name")
        ),
        Column("short_name", "Short name", 14, "How papers abbreviate it (optional)", ("short",)),
        Column(
            "parent",
            "Parent board",
            36,
            "The board it reports to (blank for the Improvement Board)",
            ("parent", "reports to"),
        ),
        Column(
            "tier",
            "Tier",
            18,
            "improvement board, delivery group, sub-group or other",
            ("kind", "type"),
            TIERS,
        ),
        Column(
            "cadence",
            "Cadence",
            40,
            "When it meets, as the schedule dialog reads it, e.g. monthly, first Wednesday, "
            "14:00–16:00 (blank: schedule it later)",
            ("meets", "frequency", "timetable"),
        ),
        Column(
            "first",
            "First meeting on or after",
            16,
            "The timetable starts here and runs for a year (blank: today)",
            ("first meeting", "start date", "from"),
        ),
        Column("location", "Location", 30, "Where it meets (optional)", ("venue", "place")),
        Column(
            "online_link",
            "Online link",
            36,
            "The Teams or Zoom link, starting https:// (optional)",
            ("link", "teams link", "meeting link"),
        ),
    ),
    ("board", "tier"),
    "One row per board or group, the Improvement Board first.",
)

PEOPLE = SheetLayout(
    "People",
    (
        Column("name", "Name", 28, "Full name", ("full name",)),
        Column(
            "email",
            "Email",
            36,
            "Email address: how every other sheet refers to the person",
            ("e-mail", "email address"),
        ),
        Column(
            "organisation", "Organisation", 34, "Their organisation (optional)", ("organization",)
        ),
        Column("title", "Job title", 34, "Their job title (optional)", ("title", "position")),
        Column(
            "statutory_role",
            "Statutory role",
            22,
            "DfE SEND adviser, NHS England adviser, DfE case lead, or blank",
            ("statutory", "adviser role"),
            STATUTORY,
        ),
    ),
    ("name", "email"),
    "Everyone you invite, including the three advisers the Improvement Notice names.",
)

MEMBERSHIPS = SheetLayout(
    "Memberships",
    (
        Column(
            "board",
            "Board",
            40,
            "A board on the Boards sheet (or already in sendboard)",
            ("board name",),
        ),
        Column(
            "email",
            "Email",
            36,
            "A person on the People sheet (or already in sendboard)",
            ("e-mail", "member email"),
        ),
        Column(
            "role",
            "Role",
            14,
            "chair, vice-chair, member, adviser, secretary or officer",
            ("board role",),
            ROLES,
        ),
        Column(
            "voting",
            "Voting",
            10,
            "yes or no (blank: chairs and members vote, others do not)",
            ("votes",),
            YES_NO,
        ),
        Column(
            "from",
            "From",
            14,
            "First day on the board (blank: from the start)",
            ("from date", "start"),
        ),
        Column("to", "To", 14, "Last day on the board (blank: still serving)", ("to date", "end")),
    ),
    ("board", "email"),
    "Who sits on which board, in what role, and since when.",
)

PRIORITY_AREAS = SheetLayout(
    "Priority areas",
    (
        Column("code", "Code", 10, "Short code, e.g. PA1", ("ref", "reference")),
        Column(
            "title",
            "Title",
            48,
            "The priority area as the improvement plan words it",
            ("priority area",),
        ),
        Column(
            "lead",
            "Lead (email)",
            36,
            "Email of the lead (a person on the People sheet)",
            ("lead", "lead email"),
        ),
        Column(
            "sub_group",
            "Sub-group (board)",
            40,
            "The sub-group that oversees it (a board)",
            ("sub group", "board"),
        ),
    ),
    ("code", "title"),
    "The priority areas of the improvement plan, each with its lead and sub-group.",
)

SECRETARY = SheetLayout(
    "Secretary",
    (
        Column("name", "Name", 28, "Your name: invitations come from you", ("secretary",)),
        Column(
            "email", "Email", 36, "Your email address: the organiser of invitations", ("e-mail",)
        ),
        Column("organisation", "Organisation", 34, "Your organisation", ("organization",)),
    ),
    ("name", "email"),
    "Your own details (one row).",
)

SHEETS: tuple[SheetLayout, ...] = (BOARDS, PEOPLE, MEMBERSHIPS, PRIORITY_AREAS, SECRETARY)
INSTRUCTIONS = "Instructions"
