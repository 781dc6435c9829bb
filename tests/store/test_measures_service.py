"""Measures through their services: targets from the notice date, values kept as rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import time_machine
from sqlalchemy import func, select

from sendboard.domain.measures import Direction, Frequency, Status
from sendboard.errors import ValidationError
from sendboard.services import measures
from sendboard.services.common.changes import Area
from sendboard.services.common.workspace import Database
from sendboard.services.measures import FurtherMilestone, MeasureInput, ValueEntry
from sendboard.store.models import Action, AuditEntry, MeasureValue, Person, PriorityArea


def area_and_owner(db: Database) -> tuple[int, int]:
    with db.write() as session:
        area = PriorityArea(code="P2", title="EHC plans")
        owner = Person(name="Helen Marsh", email="helen@example.org")
        session.add_all([area, owner])
        session.flush()
        return area.id, owner.id


def timeliness(area_id: int, owner_id: int, **changes) -> MeasureInput:
    values = dict(
        name="EHC plans issued within 20 weeks",
        priority_area_id=area_id,
        unit="%",
        owner_id=owner_id,
        data_source="SEN2 return",
        baseline_value=40.0,
        baseline_date=date(2026, 5, 31),
        targets={3: 45.0, 6: 50.0, 12: 60.0, 24: 75.0},
    )
    values.update(changes)
    return MeasureInput(**values)


def test_targets_count_from_the_notice_date(db: Database) -> None:
    area_id, owner_id = area_and_owner(db)
    made = measures.create_measure(db, timeliness(area_id, owner_id))
    assert made.changes.touches(Area.MEASURES)
    view = made.value
    assert view.reference == "P2-M1"
    # no notice date yet: counted from the baseline date
    assert [t.due for t in view.targets] == [
        date(2026, 8, 31),
        date(2026, 11, 30),
        date(2027, 5, 31),
        date(2028, 5, 31),
    ]
    measures.set_notice_date(db, date(2026, 6, 15))
    view = measures.get_measure(db, view.id)
    assert [(t.label, t.due) for t in view.targets] == [
        ("3-month target", date(2026, 9, 15)),
        ("6-month target", date(2026, 12, 15)),
        ("12-month target", date(2027, 6, 15)),
        ("24-month target", date(2028, 6, 15)),
    ]
    assert measures.get_notice_date(db) == date(2026, 6, 15)
    second = measures.create_measure(db, timeliness(area_id, owner_id, name="Second"))
    assert second.value.reference == "P2-M2"


def test_a_period_of_values_and_a_correction_are_rows(db: Database) -> None:
    area_id, owner_id = area_and_owner(db)
    measures.set_notice_date(db, date(2026, 6, 15))
    view = measures.create_measure(db, timeliness(area_id, owner_id)).value
    values = [41, 42, 44, 45, 46, 47, 50, 51, 52, 53, 53, 48, 47]
    day = date(2026, 6, 10)
    with time_machine.travel(date(2027, 7, 1)):
        for value in values:
            measures.record_values(db, [ValueEntry(view.id, value)], period=day, entered_by="HM")
            day = Frequency.MONTHLY.next_end(day)
        # a correction of June 2027: a new row naming the one it corrects
        result = measures.record_values(
            db, [ValueEntry(view.id, 48.0, "validated return")], period=date(2027, 6, 1)
        ).value
    assert (result.added, result.corrected) == (0, 1)
    view = measures.get_measure(db, view.id)
    assert view.latest is not None and view.latest.note == "validated return"
    assert view.latest.corrections == 1
    assert view.slippage == ("12-month target 60% missed: 48% at Jun 2027",)
    assert view.status is Status.OFF_TRACK
    history = measures.measure_history(db, view.id)
    assert len(history) == 14
    newest, replaced = history[0], history[1]
    assert newest.corrects_id == replaced.id and newest.current and not replaced.current
    assert replaced.value == 47.0 and replaced.entered_by == "HM"
    # the same value again adds nothing
    again = measures.record_values(
        db, [ValueEntry(view.id, 48.0, "validated return")], period=date(2027, 6, 30)
    )
    assert again.value.unchanged == 1
    with db.read() as session:
        assert session.scalar(select(func.count(MeasureValue.id))) == 14
        audited = session.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.entity == "MeasureValue")
        )
        assert audited == 14


def test_a_measure_with_values_cannot_be_deleted(db: Database) -> None:
    area_id, owner_id = area_and_owner(db)
    view = measures.create_measure(db, timeliness(area_id, owner_id)).value
    measures.record_values(db, [ValueEntry(view.id, 41.0)], period=date(2026, 6, 30))
    with pytest.raises(ValidationError, match="kept as evidence"):
        measures.delete_measure(db, view.id)
    empty = measures.create_measure(db, timeliness(area_id, owner_id, name="Empty")).value
    measures.delete_measure(db, empty.id)
    assert [m.name for m in measures.list_measures(db)] == [view.name]


def test_checks_and_further_milestones(db: Database) -> None:
    area_id, owner_id = area_and_owner(db)
    with pytest.raises(ValidationError, match="name"):
        measures.create_measure(db, timeliness(area_id, owner_id, name=" "))
    with pytest.raises(ValidationError, match="baseline"):
        measures.create_measure(db, timeliness(area_id, owner_id, baseline_date=None))
    with pytest.raises(ValidationError, match="not at 9 months"):
        measures.create_measure(db, timeliness(area_id, owner_id, targets={9: 50.0}))
    further = (FurtherMilestone(date(2029, 3, 31), 80.0, "Exit milestone"),)
    view = measures.create_measure(
        db,
        timeliness(
            area_id,
            owner_id,
            direction=Direction.LOWER,
            frequency=Frequency.TERMLY,
            further=further,
        ),
    ).value
    assert view.further[0].label == "Exit milestone" and view.further[0].due == date(2029, 3, 31)
    changed = measures.update_measure(
        db,
        view.id,
        replace(measures.input_from(view), unit="weeks"),
    ).value
    assert changed.unit == "weeks" and changed.further == view.further
    with pytest.raises(ValidationError, match="already P2-M1"):
        measures.create_measure(db, timeliness(area_id, owner_id, reference="p2-m1"))


def test_action_milestones(db: Database) -> None:
    with db.write() as session:
        owner = Person(name="Tom", email="tom@example.org")
        action = Action(reference="A1", title="Action", owner=owner)
        session.add_all([owner, action])
        session.flush()
        action_id = action.id
    measures.set_notice_date(db, date(2026, 6, 15))
    out = measures.set_action_milestones(db, action_id, {3: "Panel in place", 12: "All trained"})
    assert [(m.months, m.text, m.due) for m in out.value] == [
        (3, "Panel in place", date(2026, 9, 15)),
        (12, "All trained", date(2027, 6, 15)),
    ]
    out = measures.set_action_milestones(db, action_id, {3: "", 12: "All staff trained"})
    assert [(m.months, m.text) for m in out.value] == [(12, "All staff trained")]
    with pytest.raises(ValidationError):
        measures.set_action_milestones(db, action_id, {5: "x"})
