"""A database with two measures (one slipping, one with no values yet), for several tests."""

from __future__ import annotations

from datetime import date

import time_machine
from sqlalchemy import select

from sendboard.domain.measures import Direction, Frequency
from sendboard.services import measures
from sendboard.services.common.workspace import Database
from sendboard.services.measures import FurtherMilestone, MeasureInput, ValueEntry
from sendboard.store.models import Person, PriorityArea

NOTICE = date(2026, 6, 15)


def measures_board(db: Database) -> Database:
    with db.write() as session:
        session.add_all(
            [
                PriorityArea(code="P1", title="Timeliness"),
                PriorityArea(code="P3", title="Inclusion"),
                Person(name="Helen Marsh", email="helen@example.org"),
            ]
        )
    with db.read() as session:
        area_id = session.scalar(select(PriorityArea.id).where(PriorityArea.code == "P1"))
        owner_id = session.scalar(select(Person.id))
    measures.set_notice_date(db, NOTICE)
    plans = measures.create_measure(
        db,
        MeasureInput(
            name="EHC plans issued within 20 weeks",
            priority_area_id=area_id,
            unit="%",
            owner_id=owner_id,
            data_source="SEN2",
            baseline_value=40.0,
            baseline_date=date(2026, 5, 31),
            targets={3: 45.0, 6: 50.0, 12: 60.0, 24: 75.0},
            further=(FurtherMilestone(date(2029, 3, 31), 80.0, "Exit milestone"),),
        ),
    ).value
    measures.create_measure(
        db,
        MeasureInput(
            name="Tribunal appeals registered",
            priority_area_id=area_id,
            unit="",
            direction=Direction.LOWER,
            frequency=Frequency.QUARTERLY,
            baseline_value=32.0,
            baseline_date=date(2026, 3, 31),
            targets={12: 24.0},
        ),
    )
    values = [41, 42, 44, 45, 46, 47, 50, 51, 52, 53, 53, 48, 48]
    end = date(2026, 6, 30)
    with time_machine.travel(date(2027, 7, 10)):
        for value in values:
            measures.record_values(db, [ValueEntry(plans.id, value)], period=end)
            end = Frequency.MONTHLY.next_end(end)
    return db
