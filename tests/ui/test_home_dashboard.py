"""The Home dashboard over the demo: meeting countdown, compliance, action log and risk cards."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import time_machine

from sendboard.domain.actions import ActionStatus
from sendboard.services import actions, meetings, risks
from sendboard.services.risks import ReviewInput
from tests.store.risk_fixtures import basics, meeting, risk_input
from ui.app import make_context
from ui.common.dashboard_card import FINE, URGENT, WATCH
from ui.home.dashboard_text import actions_summary, risks_summary
from ui.home.next_meeting import deadline_figure, load_meetings
from ui.home.page import HomePage


def test_deadline_figure_counts_days_and_colours_by_urgency(demo_db) -> None:
    view = meetings.next_meeting(demo_db)
    assert view is not None
    deadline = view.papers_deadline
    assert deadline_figure(view, deadline - timedelta(days=1))[::2] == ("1 day", URGENT)
    assert deadline_figure(view, deadline - timedelta(days=4))[::2] == ("4 days", WATCH)
    assert deadline_figure(view, deadline - timedelta(days=9))[::2] == ("9 days", FINE)
    assert deadline_figure(view, deadline)[0] == "today"
    assert deadline_figure(view, deadline + timedelta(days=1))[0] == "passed"


def test_summaries_count_what_the_services_report(demo_db) -> None:
    log = actions.load_log(demo_db)
    today = date.today()
    summary = actions_summary(log, today)
    open_highlighted = [v for v in log.rows if v.status is ActionStatus.OPEN and v.highlights]
    assert summary.figure == str(len(open_highlighted))
    opened = sum(1 for v in log.rows if v.status is ActionStatus.OPEN)
    assert f"{opened:,} open actions" in summary.html
    assert all(p.organisation in summary.html for p in log.partners)

    views = risks.list_risks(demo_db)
    risk = risks_summary(views)
    assert risk.figure == str(sum(1 for v in views if v.live and v.above_appetite))
    top = min((v for v in views if v.live), key=lambda v: (-v.residual.score, v.reference))
    assert top.reference in risk.html and top.residual.text.replace(" ", "&nbsp;") in risk.html


def test_home_page_shows_the_next_improvement_board_meeting(qtbot, demo_db) -> None:
    ctx = make_context(demo_db)
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    summary = load_meetings(demo_db)
    assert summary.board_meeting is not None
    assert summary.board_meeting.board_name == "SEND Improvement Board"
    qtbot.waitUntil(lambda: "SEND Improvement Board" in page.next_meeting.text(), timeout=5000)
    qtbot.waitUntil(lambda: page.risks_card.figure.text() != "", timeout=5000)
    qtbot.waitUntil(lambda: page.actions_card.figure.text() != "", timeout=5000)
    assert "papers deadline" in page.meeting_card.caption.text()
    ctx.tasks.wait()


def test_homes_light_reads_agree_with_the_full_ones(demo_db) -> None:
    """Home reads the Improvement Board's id, and the risks without their actions, cheaply;
    what it shows must be what the full reads give."""
    from sendboard.domain.governance import BoardKind
    from sendboard.services import boards

    listed = boards.list_boards(demo_db)
    for kind in BoardKind:
        first = next((b.id for b in listed if b.kind is kind), None)
        assert boards.first_board_of_kind(demo_db, kind) == first
    full = risks.list_risks(demo_db)
    light = risks.list_risks(demo_db, with_actions=False)
    assert any(v.actions for v in full)
    assert all(v.actions == () for v in light)
    assert [replace(v, actions=()) for v in full] == light
    assert risks_summary(light) == risks_summary(full)


def test_risk_card_counts_risks_not_reviewed_since_their_own_board_met(db) -> None:
    b = basics(db)
    on_board = risks.create_risk(db, risk_input(b)).value.id
    risks.create_risk(db, risk_input(b, board_id=b.delivery_id))
    meeting(db, b.board_id, date(2026, 2, 11))
    meeting(db, b.delivery_id, date(2026, 1, 3))  # before its risk was assessed on 5 January
    with time_machine.travel(datetime(2026, 2, 20, 9), tick=False):
        html = risks_summary(risks.list_risks(db)).html
        assert "1 risk not reviewed since their board last met" in html
        risks.review_risk(db, on_board, ReviewInput(date(2026, 2, 11), 5, 4, 3, 3))
        html = risks_summary(risks.list_risks(db)).html
    assert "Every live risk reviewed since its board last met" in html


def test_home_lists_escalations_awaiting_a_response_until_answered(qtbot, demo_db) -> None:
    from sendboard.services import escalations

    waiting = escalations.awaiting_response(demo_db)
    assert [(b.board, b.count) for b in waiting] == [("SEND Delivery Group", 2)]
    upcoming = meetings.list_meetings(demo_db)
    group = next(m for m in upcoming if m.board_name == "SEND Delivery Group")
    assert waiting[0].next_meeting_id == group.id
    ctx = make_context(demo_db)
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.escalations.isVisible(), timeout=5000)
    text = page.escalations.text()
    assert f"href='meetings:meeting:{group.id}'>SEND Delivery Group</a>" in text
    assert "2 escalations, the oldest raised" in text
    for view in escalations.list_escalations(demo_db):
        escalations.respond(demo_db, view.id, "Agreed at the Delivery Group.")
    page.refresh()
    qtbot.waitUntil(lambda: not page.escalations.isVisible(), timeout=5000)
