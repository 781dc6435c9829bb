"""Risk scoring: the 5×5 matrix, its bands, labels, trend and appetite."""

from __future__ import annotations

import pytest

from sendboard.domain.risk import (
    DEFAULT_MATRIX,
    IMPACT_LABELS,
    LIKELIHOOD_LABELS,
    Appetite,
    Band,
    Matrix,
    Proximity,
    RiskStatus,
    Trend,
    above_appetite,
    check_bands,
    count_cells,
    parse_cell,
    score,
    trend,
)
from sendboard.errors import ValidationError


def test_score_is_likelihood_times_impact() -> None:
    assert score(4, 3) == 12
    assert score(1, 1) == 1
    assert score(5, 5) == 25


@pytest.mark.parametrize("bad", [0, 6, -1, 2.5, "3", None, True])
def test_levels_outside_one_to_five_are_refused(bad: object) -> None:
    with pytest.raises(ValidationError, match="1 to 5"):
        score(bad, 3)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        score(3, bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("likelihood", "impact", "label", "colour"),
    [
        (1, 1, "Low", "#7cc47f"),
        (2, 2, "Low", "#7cc47f"),
        (1, 5, "Medium", "#ffe066"),
        (3, 3, "Medium", "#ffe066"),
        (2, 5, "High", "#f59b42"),
        (5, 3, "High", "#f59b42"),
        (4, 4, "Very high", "#c0392b"),
        (5, 5, "Very high", "#c0392b"),
    ],
)
def test_default_bands(likelihood: int, impact: int, label: str, colour: str) -> None:
    rating = DEFAULT_MATRIX.rate(likelihood, impact)
    assert rating.label == label
    assert rating.band.colour == colour
    assert rating.text == f"{likelihood * impact} {label}"


def test_every_score_has_a_label_and_colour() -> None:
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            rating = DEFAULT_MATRIX.rate(likelihood, impact)
            assert rating.band.label and rating.band.colour.startswith("#")


def test_labels_for_each_level() -> None:
    assert LIKELIHOOD_LABELS[1] == "Rare" and LIKELIHOOD_LABELS[5] == "Almost certain"
    assert IMPACT_LABELS[1] == "Negligible" and IMPACT_LABELS[5] == "Severe"


def test_configured_bands_change_labels() -> None:
    bands = check_bands(
        [
            Band(13, 25, "Red", "#ff0000", "#ffffff"),
            Band(1, 6, "Green", "#00ff00"),
            Band(7, 12, "Amber", "#ffbf00"),
        ]
    )
    matrix = Matrix(bands)
    assert matrix.rate(3, 4).label == "Amber"
    assert matrix.rate(3, 5).label == "Red"
    assert matrix.rate(2, 3).label == "Green"


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([Band(1, 10, "Low", "#00ff00")], "reach 25"),
        ([Band(2, 25, "All", "#00ff00")], "start at 1"),
        ([Band(1, 10, "A", "#00ff00"), Band(12, 25, "B", "#ff0000")], "start at 11"),
        ([Band(1, 10, "A", "#00ff00"), Band(11, 25, "a", "#ff0000")], "Two bands"),
        ([Band(1, 25, "A", "green")], "#rrggbb"),
        ([], "at least one"),
    ],
)
def test_bad_bands_are_refused(bands: list[Band], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check_bands(bands)


def test_trend_since_previous_review() -> None:
    assert trend(None, 12) is Trend.NEW
    assert trend(9, 12) is Trend.WORSE
    assert trend(12, 9) is Trend.BETTER
    assert trend(12, 12) is Trend.SAME
    assert Trend.WORSE.text == "↑ Worsening"
    assert Trend.BETTER.text == "↓ Improving"
    assert Trend.SAME.text == "→ No change"


def test_appetite_flags_residual_above_it() -> None:
    assert above_appetite(10, Appetite.CAUTIOUS.default_score)
    assert not above_appetite(9, Appetite.CAUTIOUS.default_score)
    assert not above_appetite(25, None)
    scores = [a.default_score for a in Appetite]
    assert scores == sorted(scores)
    assert Appetite.parse(" Open ") is Appetite.OPEN


def test_parse_status_proximity_and_cells() -> None:
    assert RiskStatus.parse("Escalated to board") is RiskStatus.ESCALATED
    assert RiskStatus.parse("") is RiskStatus.OPEN
    with pytest.raises(ValueError):
        RiskStatus.parse("maybe")
    assert Proximity.parse("Short term (3–6 months)") is Proximity.SHORT
    assert Proximity.parse("imminent") is Proximity.IMMINENT
    assert Proximity.parse("") is None
    assert parse_cell("4x3") == (4, 3)
    assert parse_cell("4 × 3 High") == (4, 3)
    assert parse_cell("L2 I5") == (2, 5)
    assert parse_cell("12 High") is None
    assert parse_cell("6x1") is None


def test_count_cells() -> None:
    assert count_cells([(1, 2), (1, 2), (5, 5)]) == {(1, 2): 2, (5, 5): 1}
