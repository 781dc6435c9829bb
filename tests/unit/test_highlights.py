"""Slow-to-progress and partner rules, with the reasons a board reads."""

from __future__ import annotations

from datetime import date

import pytest

from sendboard.domain.actions import ActionStatus, next_reference, reference_key
from sendboard.domain.brag import Brag
from sendboard.domain.highlights import (
    ActionFacts,
    HighlightThresholds,
    cycle_ends,
    cycle_start,
    needs_update,
    partner_highlights,
    progress_by_cycle,
    slow_reasons,
)

R, A, G, B = Brag.RED, Brag.AMBER, Brag.GREEN, Brag.BLUE
TODAY = date(2026, 11, 23)
START = date(2026, 11, 12)
T = HighlightThresholds()


def facts(**kw) -> ActionFacts:
    values = dict(
        status=ActionStatus.OPEN,
        due=date(2027, 3, 31),
        raised_on=date(2026, 1, 14),
        last_update_on=date(2026, 11, 18),
        progress=G,
        cycle_progress=(G,),
    )
    values.update(kw)
    return ActionFacts(**values)


def test_on_track_action_is_not_slow() -> None:
    assert slow_reasons(facts(), TODAY, START, T) == ()


def test_overdue_names_the_due_date() -> None:
    reasons = slow_reasons(facts(due=date(2026, 10, 12)), TODAY, START, T)
    assert reasons == ("Overdue since 12 October 2026",)


def test_due_today_is_not_overdue() -> None:
    assert slow_reasons(facts(due=TODAY), TODAY, START, T) == ()


def test_red_at_the_last_two_meetings() -> None:
    assert slow_reasons(facts(cycle_progress=(R, R, G)), TODAY, START, T) == (
        "Red at the last 2 meetings",
    )


def test_red_run_reports_its_full_length() -> None:
    reasons = slow_reasons(facts(cycle_progress=(R, R, R)), TODAY, START, T)
    assert reasons == ("Red at the last 3 meetings",)


def test_one_red_is_not_slow() -> None:
    assert slow_reasons(facts(cycle_progress=(R, G, G)), TODAY, START, T) == ()


def test_amber_or_red_at_the_last_three() -> None:
    reasons = slow_reasons(facts(cycle_progress=(A, R, A)), TODAY, START, T)
    assert reasons == ("Amber or Red at the last 3 meetings",)
    assert slow_reasons(facts(cycle_progress=(A, A, G)), TODAY, START, T) == ()


def test_unrated_update_breaks_a_run() -> None:
    assert slow_reasons(facts(cycle_progress=(R, None, R)), TODAY, START, T) == ()


def test_no_update_this_cycle_says_since_when() -> None:
    reasons = slow_reasons(facts(last_update_on=date(2026, 3, 4)), TODAY, START, T)
    assert reasons == ("No update since 4 March",)
    older = slow_reasons(facts(last_update_on=date(2025, 3, 4)), TODAY, START, T)
    assert older == ("No update since 4 March 2025",)


def test_never_updated_action_raised_before_the_cycle() -> None:
    reasons = slow_reasons(facts(last_update_on=None, cycle_progress=()), TODAY, START, T)
    assert reasons == ("No update yet (raised 14 January)",)


def test_action_raised_this_cycle_needs_no_update_yet() -> None:
    new = facts(last_update_on=None, cycle_progress=(), raised_on=date(2026, 11, 20))
    assert slow_reasons(new, TODAY, START, T) == ()
    assert needs_update(new, START)


def test_several_reasons_together() -> None:
    reasons = slow_reasons(
        facts(due=date(2026, 9, 1), cycle_progress=(R, R), last_update_on=date(2026, 10, 1)),
        TODAY,
        START,
        T,
    )
    assert reasons == (
        "Overdue since 1 September 2026",
        "Red at the last 2 meetings",
        "No update since 1 October",
    )


@pytest.mark.parametrize("status", [ActionStatus.CLOSED, ActionStatus.COMPLETE])
def test_finished_actions_are_never_slow(status: ActionStatus) -> None:
    late = facts(status=status, due=date(2026, 1, 1), cycle_progress=(R, R))
    assert slow_reasons(late, TODAY, START, T) == ()
    assert not needs_update(late, START)


def test_blue_latest_rating_is_not_slow() -> None:
    assert slow_reasons(facts(due=date(2026, 1, 1), progress=B), TODAY, START, T) == ()


def test_thresholds_are_configurable() -> None:
    strict = HighlightThresholds(red_run=1, amber_red_run=2)
    assert slow_reasons(facts(cycle_progress=(R, G)), TODAY, START, strict) == (
        "Red at the last meeting",
    )
    assert slow_reasons(facts(cycle_progress=(A, A, G)), TODAY, START, strict) == (
        "Amber or Red at the last 2 meetings",
    )


def test_thresholds_refuse_nonsense() -> None:
    with pytest.raises(ValueError):
        HighlightThresholds(red_run=0)
    with pytest.raises(ValueError):
        HighlightThresholds(partner_share=1.5)


def test_cycle_starts_after_the_previous_meeting_or_a_cycle_ago() -> None:
    assert cycle_start(date(2026, 11, 11), TODAY, T) == date(2026, 11, 12)
    assert cycle_start(None, TODAY, T) == date(2026, 10, 23)
    assert cycle_start(None, TODAY, HighlightThresholds(cycle_days=14)) == date(2026, 11, 9)


MEETINGS = (date(2026, 11, 11), date(2026, 10, 14), date(2026, 9, 9))


def test_cycles_end_at_the_boards_held_meetings() -> None:
    later = (date(2026, 12, 9), date(2026, 11, 23))  # not yet held, or held today
    assert cycle_ends(MEETINGS + later, TODAY, T) == MEETINGS
    assert cycle_ends([date(2026, 11, 11), date(2026, 11, 11)], TODAY, T) == (date(2026, 11, 11),)


def test_without_meetings_cycles_are_a_fixed_length_back_from_today() -> None:
    ends = cycle_ends([], TODAY, HighlightThresholds(cycle_days=10, red_run=2, amber_red_run=3))
    assert ends == (date(2026, 11, 12), date(2026, 11, 2), date(2026, 10, 23), date(2026, 10, 13))


def test_two_updates_in_one_cycle_count_once() -> None:
    updates = [(date(2026, 11, 10), R), (date(2026, 11, 9), R), (date(2026, 10, 1), G)]
    assert progress_by_cycle(updates, MEETINGS, 3) == (R, G, None)


def test_the_latest_update_in_a_cycle_gives_its_rating() -> None:
    updates = [(date(2026, 11, 10), G), (date(2026, 11, 2), R), (date(2026, 10, 14), R)]
    assert progress_by_cycle(updates, MEETINGS, 2) == (G, R)


def test_an_update_on_the_meeting_day_belongs_to_that_meeting() -> None:
    updates = [(date(2026, 11, 12), A), (date(2026, 11, 11), R), (date(2026, 10, 14), G)]
    assert progress_by_cycle(updates, MEETINGS, 3) == (A, R, G)


def test_the_current_cycle_counts_once_it_has_an_update() -> None:
    updates = [(date(2026, 11, 20), R), (date(2026, 11, 1), R)]
    assert progress_by_cycle(updates, MEETINGS, 2) == (R, R)
    assert progress_by_cycle(updates[1:], MEETINGS, 2) == (R, None)


def test_a_cycle_with_no_update_breaks_the_run() -> None:
    updates = [(date(2026, 11, 1), R), (date(2026, 9, 1), R)]
    assert progress_by_cycle(updates, MEETINGS, 3) == (R, None, R)
    facts_ = facts(cycle_progress=progress_by_cycle(updates, MEETINGS, 3))
    assert slow_reasons(facts_, TODAY, START, T) == ()


def test_red_in_one_cycle_twice_is_not_red_at_two_meetings() -> None:
    one_cycle = progress_by_cycle([(date(2026, 11, 5), R), (date(2026, 11, 4), R)], MEETINGS, 3)
    assert slow_reasons(facts(cycle_progress=one_cycle), TODAY, START, T) == ()
    two_cycles = progress_by_cycle([(date(2026, 11, 5), R), (date(2026, 10, 4), R)], MEETINGS, 3)
    assert slow_reasons(facts(cycle_progress=two_cycles), TODAY, START, T) == (
        "Red at the last 2 meetings",
    )


def test_update_round_membership() -> None:
    assert needs_update(facts(last_update_on=date(2026, 11, 11)), START)
    assert not needs_update(facts(last_update_on=date(2026, 11, 12)), START)


def test_partner_needing_strengthening_reads_as_a_share() -> None:
    links = [("Dunmoor College", slow) for slow in (True,) * 5 + (False,) * 3]
    links += [("Kingsmere Borough Council", slow) for slow in (True, False, False, False)]
    (found,) = partner_highlights(links, T)
    assert found.organisation == "Dunmoor College"
    assert found.reason == "5 of 8 actions slow or overdue (63%)"
    assert (found.actions, found.slow) == (8, 5)


def test_partner_at_exactly_the_threshold_is_not_highlighted() -> None:
    links = [("ICB", slow) for slow in (True, True, False, False)]
    assert partner_highlights(links, T) == []
    assert partner_highlights(links, HighlightThresholds(partner_share=0.4))


def test_partner_with_too_few_actions_is_not_highlighted() -> None:
    assert partner_highlights([("PCF", True), ("PCF", True)], T) == []


def test_partners_sorted_worst_first() -> None:
    links = [("B", True)] * 3 + [("A", True)] * 2 + [("A", False)]
    assert [p.organisation for p in partner_highlights(links, T)] == ["B", "A"]


def test_references_number_within_the_area() -> None:
    assert next_reference("P2", ["P1.03", "P2.01", "p2.07", "P2.x"]) == "P2.08"
    assert next_reference("P3", []) == "P3.01"
    assert next_reference(None, ["A.09"]) == "A.10"
    assert next_reference("P2", [f"P2.{n:02d}" for n in range(1, 100)]) == "P2.100"


def test_reference_sort_is_natural() -> None:
    refs = ["P2.10", "P10.01", "P2.9", "A.01"]
    assert sorted(refs, key=reference_key) == ["A.01", "P2.9", "P2.10", "P10.01"]


def test_status_parse() -> None:
    assert ActionStatus.parse("In progress") is ActionStatus.OPEN
    assert ActionStatus.parse("Completed") is ActionStatus.COMPLETE
    assert ActionStatus.parse("") is None
    with pytest.raises(ValueError, match="not a status"):
        ActionStatus.parse("Maybe")
