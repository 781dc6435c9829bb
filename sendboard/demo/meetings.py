"""The demo borough's meetings: board, delivery group and sub-groups, with agendas.

Statuses are set as they stand on the day the demo is built, so the demo always has held
meetings behind it and planned ones ahead, whenever it is built.
"""

from __future__ import annotations

import io
import uuid
from datetime import date, datetime, time

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from sendboard.demo import DemoContext
from sendboard.demo.timeline import add_months, month_end
from sendboard.domain.meetings import MeetingKind, MeetingStatus, Purpose, StandingItem
from sendboard.domain.schedules import HolidayRule, parse_cadence, plan
from sendboard.domain.working_days import key_dates
from sendboard.outputs.pack.fonts import BOLD, REGULAR, register_fonts
from sendboard.services.meetings.agenda import DEFAULT_TEMPLATE, AgendaItemInput
from sendboard.store.files import store_bytes
from sendboard.store.models import AgendaItem, Board, Meeting, MeetingSeries, Paper

STRATEGY = "SEND sufficiency strategy"
CIVIC_CENTRE = "Kingsmere Civic Centre, Committee Room 1"
TEAMS = "https://teams.example.com/l/meetup-join/kingsmere-{slug}"

#: Items the board takes besides its standing ones: (title, lead, purpose, minutes, exempt).
BOARD_ITEMS = [
    (STRATEGY, "Tom Whitcombe", Purpose.DECISION, 20, False),
    ("EHC plan timeliness: deep dive", "Priya Raman", Purpose.ASSURANCE, 20, False),
    ("Parent Carer Forum: what families tell us", "Grace O'Connell", Purpose.DISCUSSION, 15, False),
    (
        "Waiting times for speech and language therapy",
        "Dr Amrit Sandhu",
        Purpose.ASSURANCE,
        15,
        False,
    ),
    (
        "Independent specialist placements: contract award",
        "Tom Whitcombe",
        Purpose.DECISION,
        10,
        True,
    ),
    ("SEND service staffing and recruitment", "Zoë Hartley", Purpose.INFORMATION, 10, True),
]
SUB_GROUP_ITEMS = [
    ("Welcome and apologies", "Chair", Purpose.INFORMATION, 5, False),
    ("Actions from the last meeting", "Chair", Purpose.ASSURANCE, 15, False),
    (
        "Progress against the priority area plan",
        "Priority area lead",
        Purpose.DISCUSSION,
        30,
        False,
    ),
    ("Data and impact measures", "Performance Analyst", Purpose.ASSURANCE, 20, False),
    ("Any other business", "Chair", Purpose.DISCUSSION, 5, False),
]


def build(ctx: DemoContext) -> None:
    board: Board = ctx.made["board"]  # type: ignore[assignment]
    delivery: Board = ctx.made["delivery"]  # type: ignore[assignment]
    sub_groups: list[Board] = ctx.made["sub_groups"]  # type: ignore[assignment]
    made: list[Meeting] = []

    first, last = ctx.when.history_start, ctx.when.horizon
    board_meetings = _series(ctx, board, first, last, "board")
    for number, meeting in enumerate(board_meetings):
        _agenda(meeting, DEFAULT_TEMPLATE, _board_extras(ctx, number))
        if meeting.starts_at.month == 8:
            meeting.status = MeetingStatus.CANCELLED
            meeting.sequence += 1
            meeting.notes = "Cancelled: summer recess; business taken by the Delivery Group."
    made += board_meetings
    made += [_stocktake(ctx, board, day) for day in ctx.when.stocktakes()]

    delivery_meetings = _series(ctx, delivery, first, last, "delivery")
    for meeting in delivery_meetings:
        _agenda(meeting, DEFAULT_TEMPLATE[:4] + DEFAULT_TEMPLATE[6:], [])
    made += delivery_meetings

    # The small demo schedules its sub-groups only a quarter ahead, to stay quick to build.
    sub_last = last if ctx.large else month_end(add_months(ctx.today, 3))
    for number, sub in enumerate(sub_groups, start=1):
        for meeting in _series(ctx, sub, first, sub_last, f"sub-group-{number}"):
            _agenda(meeting, (), SUB_GROUP_ITEMS)
            made.append(meeting)

    _papers(ctx, board_meetings)
    made.sort(key=lambda m: m.starts_at)
    ctx.made["meetings"] = made


def _stocktake(ctx: DemoContext, board: Board, day: date) -> Meeting:
    stocktake = _meeting(
        ctx,
        board,
        datetime.combine(day, time(10)),
        datetime.combine(day, time(12, 30)),
        kind=MeetingKind.STOCKTAKE,
        title="DfE six-monthly stocktake",
    )
    # the self-assessment item carries the council's self-assessment and evidence in the pack
    assessment = AgendaItemInput(
        "Council self-assessment",
        "Siân Pritchard",
        Purpose.DISCUSSION,
        45,
        standing=StandingItem.SELF_ASSESSMENT,
    )
    _agenda(
        stocktake,
        (assessment,),
        [
            (
                "Progress against the Improvement Notice",
                "Zoë Hartley",
                Purpose.ASSURANCE,
                60,
                False,
            ),
            ("Next steps and DfE feedback", "Daniel Osei", Purpose.INFORMATION, 30, False),
        ],
    )
    return stocktake


def _uid(ctx: DemoContext) -> str:
    return f"{uuid.UUID(int=ctx.rng.getrandbits(128), version=4)}@sendboard"


def _status(starts_at: datetime, today: date) -> MeetingStatus:
    return MeetingStatus.HELD if starts_at.date() < today else MeetingStatus.PLANNED


def _meeting(
    ctx: DemoContext,
    board: Board,
    starts_at: datetime,
    ends_at: datetime,
    *,
    kind: MeetingKind = MeetingKind.ORDINARY,
    title: str = "",
    slug: str = "board",
) -> Meeting:
    meeting = Meeting(
        board=board,
        kind=kind,
        title=title,
        status=_status(starts_at, ctx.today),
        starts_at=starts_at,
        ends_at=ends_at,
        venue=CIVIC_CENTRE,
        online_link=TEAMS.format(slug=slug),
        uid=_uid(ctx),
        sequence=0,
        schedule_note="",
        notes="",
    )
    ctx.session.add(meeting)
    return meeting


def _series(ctx: DemoContext, board: Board, first: date, last: date, slug: str) -> list[Meeting]:
    cadence = parse_cadence(board.cadence)
    series = MeetingSeries(
        board=board,
        cadence=cadence.describe(),
        holiday_rule=HolidayRule.MOVE,
        first_date=first,
        last_date=last,
        venue=CIVIC_CENTRE,
        online_link=TEAMS.format(slug=slug),
    )
    ctx.session.add(series)
    meetings = []
    for occurrence in plan(cadence, first, last, HolidayRule.MOVE):
        meeting = _meeting(ctx, board, occurrence.starts_at, occurrence.ends_at, slug=slug)
        meeting.series = series
        meeting.schedule_note = occurrence.note
        meetings.append(meeting)
    upcoming = [m for m in meetings if m.status is MeetingStatus.PLANNED]
    if upcoming:
        upcoming[0].status = MeetingStatus.CONFIRMED
    return meetings


def _board_extras(ctx: DemoContext, number: int) -> list[tuple[str, str, Purpose, int, bool]]:
    picked = ctx.rng.sample(BOARD_ITEMS[:4], k=1)
    if number % 3 == 2:
        picked.append(BOARD_ITEMS[4 + (number // 3) % 2])
    return picked


def _agenda(
    meeting: Meeting,
    standing: tuple[AgendaItemInput, ...],
    extras: list[tuple[str, str, Purpose, int, bool]],
) -> None:
    """Standing items with the extras before any other business (exempt ones last of those)."""
    rows = [
        AgendaItem(
            title=s.title, lead=s.lead, purpose=s.purpose, minutes=s.minutes, standing=s.standing
        )
        for s in standing
    ]
    extra_rows = [
        AgendaItem(title=t, lead=lead, purpose=p, minutes=m, exempt=e)
        for t, lead, p, m, e in sorted(extras, key=lambda x: x[4])
    ]
    closing = next(
        (i for i, r in enumerate(rows) if r.standing and r.standing.value == "aob"), None
    )
    at = len(rows) if closing is None else closing
    rows[at:at] = extra_rows
    for position, row in enumerate(rows):
        row.position = position
    meeting.agenda = rows


def _pdf(title: str, lines: list[str]) -> bytes:
    """A one-page paper; `invariant` keeps the bytes the same on every build."""
    buffer = io.BytesIO()
    register_fonts()  # embedded, as a council's own papers would have them
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=REGULAR)
    canvas.setTitle(title)
    canvas.setFont(BOLD, 16)
    canvas.drawString(72, 770, title)
    canvas.setFont(REGULAR, 11)
    for number, line in enumerate(lines):
        canvas.drawString(72, 740 - 18 * number, line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _papers(ctx: DemoContext, board_meetings: list[Meeting]) -> None:
    """Papers for the next board meeting: a dashboard, and a strategy in two versions."""
    upcoming = next(
        m
        for m in board_meetings
        if m.starts_at.date() >= ctx.today and m.status is not MeetingStatus.CANCELLED
    )
    items = {i.standing.value if i.standing else i.title: i for i in upcoming.agenda}
    dashboard = items["dashboard"]
    pack_issue = key_dates(upcoming.starts_at, upcoming.board.papers_deadline_days).pack_issue
    month = f"{add_months(upcoming.starts_at.date(), -1):%B %Y}"
    march = add_months(upcoming.starts_at.date(), 3)
    march = date(march.year if march.month <= 3 else march.year + 1, 3, 1)
    dashboard_pdf = _pdf(
        f"SEND performance dashboard: {month}",
        [
            f"EHC plans issued within 20 weeks: 41% (target 60% by {march:%B %Y})",
            "Annual reviews completed on time: 58% (target 80%)",
            "Children waiting over 18 weeks for therapy: 212 (down from 305)",
        ],
    )
    ctx.session.add(
        Paper(
            item=dashboard,
            title="Performance dashboard",
            version=1,
            file=store_bytes(ctx.session, dashboard_pdf, "application/pdf"),
            original_name=f"Performance dashboard {month}.pdf",
            late=pack_issue < ctx.today,
        )
    )
    strategy = items.get(STRATEGY) or items["priority_updates"]
    years = f"{ctx.today.year}–{ctx.today.year + 3}"
    for version in (1, 2):
        content = _pdf(
            f"SEND sufficiency strategy {years} (draft {version})",
            [
                f"Forecast demand for specialist places to {ctx.today.year + 3}.",
                "Options: resourced provision in mainstream schools; a new special free school.",
                f"Draft {version}: {'for comment' if version == 1 else 'for decision'}.",
            ],
        )
        ctx.session.add(
            Paper(
                item=strategy,
                title="SEND sufficiency strategy",
                version=version,
                file=store_bytes(ctx.session, content, "application/pdf"),
                original_name=f"Sufficiency strategy draft {version}.pdf",
                late=False,
            )
        )
