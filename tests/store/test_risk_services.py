"""Risk services: reviews are kept as rows, the past register, not-reviewed flags, links."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sendboard.domain.meetings import MeetingStatus
from sendboard.domain.risk import Appetite, Band, RiskStatus, Trend
from sendboard.errors import NotFoundError, ValidationError
from sendboard.services import risks
from sendboard.services.common.changes import Area
from sendboard.services.common.workspace import Database
from sendboard.services.risks import ReviewInput
from sendboard.services.risks import scales as risk_scales
from tests.store.risk_fixtures import basics, meeting, risk_input


def _review(day: date, rl: int, ri: int, note: str = "", **kw) -> ReviewInput:
    return ReviewInput(day, 5, 4, rl, ri, note=note, **kw)


def test_create_records_first_review_and_next_reference(db: Database) -> None:
    b = basics(db)
    made = risks.create_risk(db, risk_input(b))
    assert made.changes.touches(Area.RISKS)
    view = made.value
    assert view.reference == "R01"
    assert view.residual.text == "16 Very high"
    assert view.inherent.score == 20
    assert view.trend is Trend.NEW
    assert view.last_reviewed == date(2026, 1, 5)
    assert [h.note for h in risks.history(db, view.id)] == ["Initial assessment"]
    assert risks.next_reference(db) == "R02"


def test_validation_messages(db: Database) -> None:
    b = basics(db)
    with pytest.raises(ValidationError, match="cannot be higher than the inherent") as err:
        risks.create_risk(db, risk_input(b, residual_likelihood=5, residual_impact=5))
    assert err.value.field == "residual_likelihood"
    with pytest.raises(ValidationError, match="1 to 5"):
        risks.create_risk(db, risk_input(b, inherent_impact=6))
    with pytest.raises(ValidationError, match="title is required"):
        risks.create_risk(db, risk_input(b, title="  "))
    risks.create_risk(db, risk_input(b, reference="r7"))
    with pytest.raises(ValidationError, match="R7 is already used"):
        risks.create_risk(db, risk_input(b, reference="R7"))
    with pytest.raises(ValidationError, match="both target"):
        risks.create_risk(db, risk_input(b, target_likelihood=2))


def test_reviews_are_rows_and_never_overwritten(db: Database) -> None:
    b = basics(db)
    risk_id = risks.create_risk(db, risk_input(b)).value.id
    risks.review_risk(db, risk_id, _review(date(2026, 2, 11), 4, 3, "Locums in post"))
    view = risks.review_risk(db, risk_id, _review(date(2026, 3, 11), 3, 3, "Recruitment")).value
    assert view.residual.text == "9 Medium"
    assert view.trend is Trend.BETTER
    assert view.previous_residual is not None and view.previous_residual.score == 12
    assert "12 High → 9 Medium" in view.movement
    rows = risks.history(db, risk_id)
    assert [(r.reviewed_on.month, r.residual.score) for r in rows] == [(1, 16), (2, 12), (3, 9)]
    assert [r.trend for r in rows] == [Trend.NEW, Trend.BETTER, Trend.BETTER]
    # A late-entered review for an earlier cycle is kept, without replacing the current scores.
    risks.review_risk(db, risk_id, _review(date(2026, 1, 20), 4, 4, "Late entry"))
    assert risks.get_risk(db, risk_id).residual.score == 9
    assert len(risks.history(db, risk_id)) == 4
    with pytest.raises(ValidationError, match="future"):
        risks.review_risk(db, risk_id, _review(date.today() + timedelta(days=1), 3, 3))
    with pytest.raises(ValidationError, match="before the risk was raised"):
        risks.review_risk(db, risk_id, _review(date(2025, 12, 1), 3, 3))


def test_editing_scores_adds_a_review(db: Database) -> None:
    b = basics(db)
    risk_id = risks.create_risk(db, risk_input(b)).value.id
    risks.update_risk(db, risk_id, risk_input(b, reference="R01", title="Renamed"))
    assert len(risks.history(db, risk_id)) == 1
    view = risks.update_risk(
        db, risk_id, risk_input(b, reference="R01", residual_likelihood=2, residual_impact=4)
    ).value
    assert view.residual.score == 8
    assert [h.note for h in risks.history(db, risk_id)][-1] == "Scores changed on edit"


def test_register_as_at_a_past_date_differs_from_today(db: Database) -> None:
    b = basics(db)
    first = risks.create_risk(db, risk_input(b)).value.id
    risks.review_risk(db, first, _review(date(2026, 3, 11), 2, 3))
    later = risks.create_risk(db, risk_input(b, created_on=date(2026, 4, 2), title="Later")).value
    gone = risks.create_risk(db, risk_input(b, title="Gone")).value.id
    risks.close_risk(db, gone, date(2026, 2, 1))

    today = {v.reference: v for v in risks.list_risks(db)}
    assert today["R01"].residual.score == 6
    assert today["R03"].status is RiskStatus.CLOSED

    february = {v.reference: v for v in risks.register_as_at(db, date(2026, 2, 20))}
    assert set(february) == {"R01"}  # R02 not yet raised, R03 closed before
    assert february["R01"].residual.score == 16
    assert february["R01"].last_reviewed == date(2026, 1, 5)

    closing_day = {v.reference: v for v in risks.register_as_at(db, date(2026, 2, 1))}
    assert closing_day["R03"].status is RiskStatus.CLOSED
    assert later.reference == "R02"
    with pytest.raises(ValidationError):
        risks.register_as_at(db, date.today() + timedelta(days=2))


def test_not_reviewed_since_the_boards_last_meeting(db: Database) -> None:
    b = basics(db)
    on_board = risks.create_risk(db, risk_input(b)).value.id
    on_delivery = risks.create_risk(db, risk_input(b, board_id=b.delivery_id)).value.id
    unowned = risks.create_risk(db, risk_input(b, board_id=None)).value.id
    meeting(db, b.board_id, date(2026, 2, 11))
    meeting(db, b.delivery_id, date(2026, 1, 3))
    meeting(db, b.board_id, date(2026, 3, 11), status=MeetingStatus.CANCELLED)
    flags = {v.id: v.not_reviewed for v in risks.list_risks(db)}
    assert flags == {on_board: True, on_delivery: False, unowned: True}
    risks.review_risk(db, on_board, _review(date(2026, 2, 11), 3, 3))
    assert risks.get_risk(db, on_board).not_reviewed is False
    # As it stood before the February meeting, nothing was overdue for review.
    assert not any(v.not_reviewed for v in risks.register_as_at(db, date(2026, 2, 10)))


def test_link_and_unlink_actions(db: Database) -> None:
    b = basics(db)
    risk_id = risks.create_risk(db, risk_input(b)).value.id
    risks.link_action(db, risk_id, b.action_ids[1])
    risks.link_action(db, risk_id, b.action_ids[0])
    view = risks.link_action(db, risk_id, b.action_ids[0]).value  # twice is harmless
    assert [a.reference for a in view.actions] == ["A1", "A2"]
    assert view.actions[0].owner == "Tom Whitcombe"
    assert view.actions[0].due == date(2026, 9, 1)
    view = risks.unlink_action(db, risk_id, b.action_ids[0]).value
    assert [a.reference for a in view.actions] == ["A2"]
    with pytest.raises(NotFoundError):
        risks.link_action(db, risk_id, 9999)


def test_close_reopen_escalate(db: Database) -> None:
    b = basics(db)
    top = risks.create_risk(db, risk_input(b)).value.id
    low = risks.create_risk(db, risk_input(b, board_id=b.delivery_id)).value.id
    with pytest.raises(ValidationError, match="no parent board"):
        risks.escalate_risk(db, top)
    view = risks.escalate_risk(db, low).value
    assert view.status is RiskStatus.ESCALATED
    assert view.escalated_to == "SEND Improvement Board"
    closed = risks.close_risk(db, top).value
    assert closed.status is RiskStatus.CLOSED and closed.closed_on == date.today()
    with pytest.raises(ValidationError, match="reopen"):
        risks.review_risk(db, top, _review(date.today(), 3, 3))
    assert risks.reopen_risk(db, top).value.status is RiskStatus.OPEN
    risks.delete_risk(db, top)
    with pytest.raises(NotFoundError):
        risks.get_risk(db, top)


def test_appetite_and_bands_are_configurable(db: Database) -> None:
    b = basics(db)
    view = risks.create_risk(db, risk_input(b, category="Partnership")).value
    assert view.appetite is not None and view.appetite.level is Appetite.OPEN
    assert view.above_appetite  # 16 > 12
    risk_scales.set_appetite(db, "partnership", Appetite.EAGER)
    assert not risks.get_risk(db, view.id).above_appetite
    risk_scales.set_appetite(db, "Finance", Appetite.AVERSE, 2)
    found = {a.category: a for a in risk_scales.list_appetites(db)}
    assert found["Finance"].highest_score == 2 and found["Finance"].stored

    risk_scales.save_bands(
        db, [Band(1, 10, "Tolerable", "#00ff00"), Band(11, 25, "Intolerable", "#ff0000")]
    )
    assert risks.get_risk(db, view.id).residual.text == "16 Intolerable"
    with pytest.raises(ValidationError):
        risk_scales.save_bands(db, [Band(1, 10, "Tolerable", "#00ff00")])
    risk_scales.reset_bands(db)
    assert risks.get_risk(db, view.id).residual.label == "Very high"


def test_heat_map_counts_live_risks(db: Database) -> None:
    b = basics(db)
    risks.create_risk(db, risk_input(b, target_likelihood=2, target_impact=2))
    risks.create_risk(db, risk_input(b))
    closed = risks.create_risk(db, risk_input(b)).value.id
    risks.close_risk(db, closed)
    residual = risks.heat_map(db, "residual")
    assert residual.counts == {(4, 4): 2}
    assert residual.count(4, 4) == 2 and residual.count(1, 1) == 0
    assert risks.heat_map(db, "inherent").counts == {(5, 4): 2}
    assert risks.heat_map(db, "target").counts == {(2, 2): 1}
    with pytest.raises(ValidationError):
        risks.heat_map(db, "sideways")
