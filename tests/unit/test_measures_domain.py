"""The rules of performance measures: periods, trajectory, status, slippage and trend."""

from __future__ import annotations

from datetime import date

import pytest

from sendboard.domain.measures import (
    Direction,
    Frequency,
    Milestone,
    Point,
    Status,
    Trend,
    add_months,
    assess,
    expected_at,
    format_value,
    target_milestones,
    trajectory,
)

NOTICE = date(2026, 6, 15)
BASELINE = Point(date(2026, 5, 31), 40.0)
TARGETS = target_milestones(NOTICE, {3: 45.0, 6: 50.0, 12: 60.0, 24: 75.0})


def monthly(*values: float, start: date = date(2026, 6, 30)) -> list[Point]:
    points, end = [], start
    for value in values:
        points.append(Point(end, value))
        end = Frequency.MONTHLY.next_end(end)
    return points


def run(points: list[Point], direction: Direction = Direction.HIGHER, unit: str = "%"):
    return assess(
        baseline=BASELINE,
        milestones=TARGETS,
        points=points,
        direction=direction,
        frequency=Frequency.MONTHLY,
        unit=unit,
    )


def test_period_ends_and_labels() -> None:
    assert Frequency.MONTHLY.period_end(date(2027, 2, 3)) == date(2027, 2, 28)
    assert Frequency.QUARTERLY.period_end(date(2027, 2, 3)) == date(2027, 3, 31)
    assert Frequency.QUARTERLY.label_for(date(2027, 3, 31)) == "Q4 2026/27"
    assert Frequency.QUARTERLY.label_for(date(2026, 6, 30)) == "Q1 2026/27"
    assert Frequency.TERMLY.period_end(date(2026, 9, 1)) == date(2026, 12, 31)
    assert Frequency.TERMLY.period_end(date(2027, 5, 1)) == date(2027, 7, 31)
    assert Frequency.TERMLY.label_for(date(2027, 7, 31)) == "Summer term 2027"
    assert Frequency.MONTHLY.label_for(date(2027, 6, 30)) == "Jun 2027"
    assert Frequency.TERMLY.periods(date(2026, 9, 1), date(2027, 7, 1)) == [
        date(2026, 12, 31),
        date(2027, 3, 31),
        date(2027, 7, 31),
    ]
    assert Frequency.MONTHLY.previous_end(date(2027, 1, 31)) == date(2026, 12, 31)
    assert Frequency.parse("Termly") is Frequency.TERMLY
    with pytest.raises(ValueError, match="monthly, termly or quarterly"):
        Frequency.parse("weekly")


def test_milestones_are_dated_from_the_notice() -> None:
    assert [(m.due, m.label) for m in TARGETS] == [
        (date(2026, 9, 15), "3-month target"),
        (date(2026, 12, 15), "6-month target"),
        (date(2027, 6, 15), "12-month target"),
        (date(2028, 6, 15), "24-month target"),
    ]
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_trajectory_runs_straight_between_milestones() -> None:
    line = trajectory(BASELINE, TARGETS)
    assert expected_at(line, date(2026, 5, 1)) is None
    assert expected_at(line, BASELINE.day) == 40.0
    assert expected_at(line, date(2026, 9, 15)) == 45.0
    halfway = expected_at(line, date(2027, 3, 16))  # half-way from 15 Dec to 15 Jun
    assert halfway == pytest.approx(55.0, abs=0.1)
    assert expected_at(line, date(2030, 1, 1)) == 75.0


def test_on_track_at_risk_and_off_track() -> None:
    planned = expected_at(trajectory(BASELINE, TARGETS), date(2026, 10, 31))
    assert planned is not None
    on = run(monthly(41, 43, 45, 46, planned + 0.5))
    assert on.status is Status.ON_TRACK
    assert on.trend is Trend.IMPROVING
    # the stretch from 45 (Sept) to 50 (Dec) plans 5 points: a shortfall of 1 is at risk
    at_risk = run(monthly(41, 43, 45, 46, planned - 1))
    assert at_risk.status is Status.AT_RISK
    assert f"against {format_value(planned, '%')} planned" in at_risk.reason
    off = run(monthly(41, 43, 45, 46, planned - 3))
    assert off.status is Status.OFF_TRACK


def test_a_missed_milestone_is_slippage_in_words() -> None:
    # Jun 2026 … Jun 2027: the 12-month target of 60% is assessed at Jun 2027
    values = [41, 42, 44, 45, 46, 47, 50, 51, 52, 53, 53, 48, 48]
    result = run(monthly(*values))
    texts = [s.text for s in result.slippage]
    assert texts == ["12-month target 60% missed: 48% at Jun 2027"]
    assert result.status is Status.OFF_TRACK
    assert "12-month target 60% not yet reached" in result.reason
    assert result.trend is Trend.WORSENING


def test_slippage_stays_listed_after_recovery() -> None:
    values = [41, 42, 44, 45, 46, 47, 50, 51, 52, 53, 53, 48, 48, 62, 64]
    result = run(monthly(*values))
    assert [s.milestone.label for s in result.slippage] == ["12-month target"]
    assert result.status is Status.ON_TRACK


def test_lower_is_better() -> None:
    baseline = Point(date(2026, 5, 31), 30.0)
    targets = target_milestones(NOTICE, {3: 26.0, 6: 22.0})
    result = assess(
        baseline=baseline,
        milestones=targets,
        points=monthly(29, 28, 27, 28),
        direction=Direction.LOWER,
        frequency=Frequency.MONTHLY,
        unit="weeks",
    )
    # the 3-month target (Sep) of 26 weeks is missed with 28 weeks
    assert [s.text for s in result.slippage] == [
        "3-month target 26 weeks missed: 28 weeks at Sep 2026"
    ]
    assert result.status is Status.OFF_TRACK
    assert result.trend is Trend.WORSENING


def test_without_values_or_targets() -> None:
    assert run([]).status is Status.NO_DATA
    bare = assess(
        baseline=None,
        milestones=(),
        points=monthly(3, 3),
        direction=Direction.HIGHER,
        frequency=Frequency.MONTHLY,
    )
    assert bare.status is Status.NO_TARGETS
    assert bare.trend is Trend.STEADY


def test_milestone_not_assessed_before_its_period_is_in() -> None:
    later = Milestone(date(2026, 8, 10), 90.0, "Milestone")
    result = assess(
        baseline=BASELINE,
        milestones=(later,),
        points=monthly(41, 42),  # Jun, Jul: August's value not in yet
        direction=Direction.HIGHER,
        frequency=Frequency.MONTHLY,
    )
    assert result.slippage == ()


def test_values_are_written_with_their_unit() -> None:
    assert format_value(48.0, "%") == "48%"
    assert format_value(12.25, "days") == "12.2 days" or format_value(12.25, "days") == "12.3 days"
    assert format_value(1204, "") == "1,204"
    assert Status.OFF_TRACK.letter == "R" and Status.OFF_TRACK.label == "Off track"
    assert Direction.parse("Lower is better") is Direction.LOWER
