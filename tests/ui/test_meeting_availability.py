"""The Meetings page's commands: which may be used, and the reason given when one may not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from sendboard.domain.meetings import MeetingStatus
from sendboard.services import meetings
from sendboard.services.common.workspace import Database
from ui.meetings.availability import NO_BOARDS, availability


def test_without_boards_every_command_says_to_add_one() -> None:
    rules = availability(None, has_boards=False, has_template_board=False, today=date.today())
    assert {name for name, (ok, _) in rules.items() if ok} == set()
    assert {why for _, why in rules.values()} == {NO_BOARDS}


def test_a_confirmed_meeting_ahead_may_be_moved_but_not_marked_held(demo_db: Database) -> None:
    view = next(m for m in meetings.list_meetings(demo_db) if m.status is MeetingStatus.CONFIRMED)
    today = view.starts_at.date() - timedelta(days=3)
    rules = availability(view, has_boards=True, has_template_board=True, today=today)
    assert rules["reschedule"][0] and rules["cancel"][0] and rules["template"][0]
    assert not rules["confirm"][0] and "only a planned meeting" in rules["confirm"][1]
    assert rules["held"] == (False, "the meeting has not started yet: mark it on the day.")
    on_the_day = availability(view, True, True, view.starts_at.date())
    assert on_the_day["held"][0]
    cancelled = replace(view, status=MeetingStatus.CANCELLED)
    assert availability(cancelled, True, True, today)["reschedule"] == (
        False,
        "this meeting is cancelled; only planned or confirmed ones change.",
    )
