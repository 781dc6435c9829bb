"""The action services: references, the fixed original due date, updates as history."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from sendboard.domain.actions import ActionSource, ActionStatus
from sendboard.domain.brag import Brag
from sendboard.domain.governance import BoardKind
from sendboard.domain.highlights import HighlightThresholds
from sendboard.errors import ValidationError
from sendboard.services import actions
from sendboard.services.actions import ActionInput, UpdateInput
from sendboard.services.boards.priority_areas import PriorityAreaInput, create_priority_area
from sendboard.services.common.changes import Area
from sendboard.services.people import PersonInput, create_person
from sendboard.store.models import ActionUpdate, AuditEntry, Board, Meeting

pytestmark = pytest.mark.dated


@pytest.fixture
def setup(db):
    owner = create_person(db, PersonInput("Helen Marsh", organisation="Kingsmere Council")).value
    area = create_priority_area(db, PriorityAreaInput("P2", "Communication")).value
    with db.write() as session:
        board = Board(name="Sub-group 2", kind=BoardKind.SUB_GROUP)
        session.add(board)
    return owner, area, board


def _input(owner, area, **kw) -> ActionInput:
    values = dict(
        title="Refresh the Local Offer",
        owner_id=owner.id,
        priority_area_id=area.id,
        original_due=date(2027, 3, 31),
    )
    values.update(kw)
    return ActionInput(**values)


def test_reference_is_numbered_from_the_priority_area(db, setup) -> None:
    owner, area, _ = setup
    first = actions.create_action(db, _input(owner, area)).value
    second = actions.create_action(db, _input(owner, area)).value
    general = actions.create_action(db, _input(owner, area, priority_area_id=None)).value
    assert (first.row.reference, second.row.reference) == ("P2.01", "P2.02")
    assert general.row.reference == "A.01"


def test_reference_is_editable_and_unique(db, setup) -> None:
    owner, area, _ = setup
    made = actions.create_action(db, _input(owner, area, reference=" p2.07 ")).value
    assert made.row.reference == "P2.07"
    assert actions.create_action(db, _input(owner, area)).value.row.reference == "P2.08"
    with pytest.raises(ValidationError, match=r"P2\.07 is already used") as caught:
        actions.create_action(db, _input(owner, area, reference="P2.07"))
    assert caught.value.field == "reference"


def test_owner_is_required(db, setup) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.create_action(db, ActionInput(title="Something", owner_id=None))
    assert caught.value.field == "owner_id"


def test_original_due_is_fixed_once_set(db, setup) -> None:
    owner, area, _ = setup
    made = actions.create_action(db, _input(owner, area, original_due=None)).value
    later = actions.update_action(db, made.row.id, _input(owner, area)).value
    assert later.row.original_due == date(2027, 3, 31)
    with pytest.raises(ValidationError, match="fixed once set") as caught:
        actions.update_action(db, made.row.id, _input(owner, area, original_due=date(2027, 6, 1)))
    assert caught.value.field == "original_due"
    with pytest.raises(ValidationError, match="fixed once set"):
        actions.update_action(db, made.row.id, _input(owner, area, original_due=None))
    assert actions.get_action(db, made.row.id).row.original_due == date(2027, 3, 31)


def test_revised_due_needs_a_reason(db, setup) -> None:
    owner, area, _ = setup
    made = actions.create_action(db, _input(owner, area)).value
    with pytest.raises(ValidationError) as caught:
        actions.update_action(db, made.row.id, _input(owner, area, revised_due=date(2027, 6, 30)))
    assert caught.value.field == "revised_reason"
    revised = actions.update_action(
        db,
        made.row.id,
        _input(owner, area, revised_due=date(2027, 6, 30), revised_reason="Recruitment delayed"),
    ).value
    assert revised.row.due == date(2027, 6, 30)
    assert revised.revised_reason == "Recruitment delayed"


def test_partners_and_source_meeting(db, setup) -> None:
    owner, area, board = setup
    options = actions.action_options(db)
    council = next(o for o in options.organisations if o.label == "Kingsmere Council")
    with db.write() as session:
        meeting = Meeting(
            board_id=board.id,
            starts_at=datetime(2026, 10, 14, 14),
            ends_at=datetime(2026, 10, 14, 16),
        )
        session.add(meeting)
        session.flush()
        meeting_id = meeting.id
    made = actions.create_action(
        db,
        _input(
            owner,
            area,
            source=ActionSource.MEETING,
            meeting_id=meeting_id,
            partner_ids=(council.id,),
        ),
    ).value
    assert made.row.partners == ("Kingsmere Council",)
    assert made.meeting_label == "Sub-group 2, 14 October 2026"
    with pytest.raises(ValidationError) as caught:
        actions.create_action(db, _input(owner, area, source=ActionSource.MEETING))
    assert caught.value.field == "meeting_id"


def test_updates_are_rows_and_history_is_complete(db, setup) -> None:
    owner, area, _ = setup
    made = actions.create_action(db, _input(owner, area)).value
    first = UpdateInput(made.row.id, "Started", Brag.GREEN, Brag.AMBER, on=date(2026, 9, 9))
    actions.add_update(db, first)
    result = actions.add_update(
        db, UpdateInput(made.row.id, "Delayed", Brag.RED, Brag.RED, on=date(2026, 10, 14))
    )
    assert result.changes.touches(Area.ACTIONS)
    history = actions.action_history(db, made.row.id)
    assert [(u.on, u.text, u.progress) for u in history] == [
        (date(2026, 9, 9), "Started", Brag.GREEN),
        (date(2026, 10, 14), "Delayed", Brag.RED),
    ]
    current = actions.get_action(db, made.row.id).row
    assert (current.progress, current.impact, current.last_update) == (
        Brag.RED,
        Brag.RED,
        "Delayed",
    )
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ActionUpdate)) == 2
        creates = session.scalar(
            select(func.count()).where(
                AuditEntry.entity == "ActionUpdate", AuditEntry.action == "create"
            )
        )
        assert creates == 2


def test_blank_update_is_refused(db, setup) -> None:
    owner, area, _ = setup
    made = actions.create_action(db, _input(owner, area)).value
    with pytest.raises(ValidationError):
        actions.add_update(db, UpdateInput(made.row.id, "  "))


def test_close_and_supersede(db, setup) -> None:
    owner, area, _ = setup
    one = actions.create_action(db, _input(owner, area)).value
    two = actions.create_action(db, _input(owner, area)).value
    closed = actions.close_action(db, one.row.id, on=date(2026, 11, 1)).value
    assert (closed.row.status, closed.row.closed_on) == (ActionStatus.CLOSED, date(2026, 11, 1))
    with pytest.raises(ValidationError, match="reopen"):
        actions.add_update(db, UpdateInput(one.row.id, "More", Brag.GREEN))
    gone = actions.supersede_action(db, two.row.id, by_reference="p2.01").value
    assert gone.row.status is ActionStatus.SUPERSEDED
    assert gone.superseded_by == "P2.01"
    with pytest.raises(ValidationError):
        actions.supersede_action(db, two.row.id, by_reference="P9.99")
    reopened = actions.set_status(db, one.row.id, ActionStatus.OPEN).value
    assert reopened.row.closed_on is None


def test_highlights_and_update_round(db, setup) -> None:
    owner, area, _ = setup
    today = date(2026, 11, 23)
    stuck = actions.create_action(db, _input(owner, area, raised_on=date(2026, 1, 1))).value
    fine = actions.create_action(db, _input(owner, area, raised_on=date(2026, 1, 1))).value
    for on in (date(2026, 10, 1), date(2026, 11, 1)):
        actions.add_update(db, UpdateInput(stuck.row.id, "Stuck", Brag.RED, on=on))
    actions.add_update(db, UpdateInput(fine.row.id, "Fine", Brag.GREEN, on=date(2026, 11, 20)))
    rows = {v.reference: v for v in actions.list_actions(db, today=today)}
    assert rows["P2.01"].highlights == ("Red at the last 2 meetings",)
    assert rows["P2.02"].highlights == ()
    assert [v.reference for v in actions.update_round(db, today=today)] == []
    later = date(2026, 12, 30)  # a cycle (31 days, no meetings) later, both need updates
    assert [v.reference for v in actions.update_round(db, today=later)] == ["P2.01", "P2.02"]
    assert (
        "No update since 20 November"
        in {v.reference: v for v in actions.list_actions(db, today=later)}["P2.02"].highlights
    )


def test_cycle_follows_the_boards_meetings(db, setup) -> None:
    owner, area, board = setup
    made = actions.create_action(db, _input(owner, area, board_id=board.id)).value
    actions.add_update(db, UpdateInput(made.row.id, "Fine", Brag.GREEN, on=date(2026, 11, 5)))
    with db.write() as session:
        session.add(
            Meeting(
                board_id=board.id,
                starts_at=datetime(2026, 11, 11, 14),
                ends_at=datetime(2026, 11, 11, 16),
            )
        )
    (row,) = actions.update_round(db, today=date(2026, 11, 23))
    assert row.highlights == ("No update since 5 November",)


def test_thresholds_are_saved_and_used(db, setup) -> None:
    owner, area, _ = setup
    made = actions.create_action(db, _input(owner, area)).value
    actions.add_update(db, UpdateInput(made.row.id, "Hmm", Brag.RED, on=date.today()))
    assert actions.list_actions(db)[0].highlights == ()
    actions.save_thresholds(db, HighlightThresholds(red_run=1))
    assert actions.get_thresholds(db).red_run == 1
    assert actions.list_actions(db)[0].highlights == ("Red at the last meeting",)


def test_evidence_files_are_kept_in_the_database(db, setup, tmp_path: Path) -> None:
    owner, area, _ = setup
    made = actions.create_action(db, _input(owner, area)).value
    source = tmp_path / "survey.pdf"
    source.write_bytes(b"%PDF-1.4 survey results")
    attached = actions.attach_evidence(db, made.row.id, source).value
    (evidence,) = attached.files
    assert (evidence.name, evidence.size) == ("survey.pdf", 23)
    source.unlink()
    out = actions.save_evidence(db, made.row.id, evidence.id, tmp_path / "copy.pdf")
    assert out.read_bytes() == b"%PDF-1.4 survey results"


#: The demo log: 12 actions in each of five priority areas, and six arising from minutes.
DEMO_ACTIONS = 66


def test_list_is_a_few_queries_whatever_the_size(demo_db) -> None:
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(demo_db.engine, "before_cursor_execute", listener)
    try:
        views = actions.list_actions(demo_db)
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", listener)
    assert len(views) == DEMO_ACTIONS
    selects = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert len(selects) <= 6, selects


def test_demo_log_highlights_a_weak_partner(demo_db) -> None:
    views = actions.list_actions(demo_db, today=date(2026, 11, 23))
    assert len(views) == DEMO_ACTIONS
    assert {v.priority_area_code for v in views} == {"P1", "P2", "P3", "P4", "P5"}
    assert 5 <= sum(v.highlighted for v in views) <= 30
    partners = actions.list_partner_highlights(demo_db, today=date(2026, 11, 23))
    assert [p.organisation for p in partners] == ["Dunmoor College"]
    history = actions.action_history(demo_db, views[0].id)
    assert len(history) >= 5
