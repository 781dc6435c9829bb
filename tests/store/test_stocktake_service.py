"""The notice's requirements, their coverage, the engagement log's workbook and judgements."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import time_machine
from openpyxl import load_workbook

from sendboard.domain.brag import Brag
from sendboard.domain.meetings import MeetingKind
from sendboard.domain.stocktake.engagement import EventFormat
from sendboard.domain.stocktake.judgement import Flag
from sendboard.errors import ImportRejected, ValidationError
from sendboard.services import stocktake
from sendboard.services.common.workspace import Database
from sendboard.services.stocktake import EngagementInput
from sendboard.store.models import ActionUpdate, Meeting
from tests.store.risk_fixtures import basics, meeting

NOTICE = """This Improvement Notice is issued to Anytown Council on 3 March 2026.
1. To ensure there is clear evidence of progression:
 a. the improvement board must assign accountabilities for all actions;
 b. reports to the board include evidence of impact;
 c. the board keeps an action and impact log.
2. Invitations must be sent each time to the advisers.
"""


@pytest.fixture
def linked(db: Database) -> Database:
    b = basics(db)
    with db.write() as session:
        for action_id, rating in zip(b.action_ids, (Brag.RED, Brag.AMBER, Brag.GREEN), strict=True):
            session.add(ActionUpdate(action_id=action_id, on=date(2026, 9, 1), progress=rating))
    draft = stocktake.draft_from_text(NOTICE)
    stocktake.save_notice(db, draft)
    stocktake.link_by_reference(db, [("1a", "action", "A1"), ("1a", "action", "A2")])
    stocktake.link_by_reference(db, [("1b", "action", "A3")])
    return db


@time_machine.travel("2026-10-01 09:00 +0000")
def test_coverage_flags_nothing_linked_and_all_slipping(linked: Database) -> None:
    notice = stocktake.get_notice(linked)
    assert (notice.council, notice.issued_on, notice.requirements) == (
        "Anytown Council",
        date(2026, 3, 3),
        5,
    )
    rows = {r.reference: r for r in stocktake.coverage(linked)}
    assert not rows["1"].tracked and rows["1"].flags == ()  # a lead-in
    assert rows["1a"].flags == (Flag.ALL_SLIPPING,)
    assert [a.letter for a in rows["1a"].actions] == ["R", "A"]
    assert rows["1b"].flags == () and rows["1b"].suggestion.rag is Brag.GREEN
    assert rows["1c"].flags == (Flag.NOTHING_LINKED,)
    assert rows["2"].flags == (Flag.NOTHING_LINKED,)


def test_pasting_again_updates_wording_and_keeps_links(linked: Database) -> None:
    draft = stocktake.draft_from_text(NOTICE.replace("evidence of impact", "impact evidence"))
    preview = stocktake.preview_notice(linked, draft)
    assert [r.status.value for r in preview.rows] == ["unchanged", "unchanged", "update"] + [
        "unchanged"
    ] * 2
    stocktake.save_notice(linked, draft)
    rows = {r.reference: r for r in stocktake.coverage(linked)}
    assert rows["1b"].text.endswith("impact evidence;") and len(rows["1b"].actions) == 1


def test_a_duplicated_reference_saves_nothing(db: Database) -> None:
    draft = stocktake.draft_from_text(NOTICE + "2. Again.\n")
    with pytest.raises(ImportRejected, match="appears twice"):
        stocktake.save_notice(db, draft)
    assert stocktake.get_notice(db).requirements == 0


def test_coverage_export_imports_back_as_the_same_requirements(
    linked: Database, tmp_path: Path
) -> None:
    out = tmp_path / "coverage.xlsx"
    assert stocktake.export_coverage(linked, out) == 5
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Reference", "Heading", "Requirement", "Needs actions"]
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["1c"][header.index("Flags")] == "Nothing linked"
    assert values["1a"][header.index("Actions (BRAG)")] == "A1 (R Red); A2 (A Amber)"
    preview = stocktake.preview_notice(linked, stocktake.draft_from_file(out))
    assert preview.ok and all(r.status.value == "unchanged" for r in preview.rows)


def _event(**changes) -> EngagementInput:  # type: ignore[no-untyped-def]
    values = dict(
        held_on=date(2026, 6, 4),
        title="Parent carer survey",
        format=EventFormat.SURVEY,
        participants=("Parents and carers", "Parent Carer Forum"),
        number=120,
        said="Plans are late.",
        changed="Families now get a named contact.",
        areas=("P5",),
        actions=("A1",),
        requirements=("1a",),
    )
    values.update(changes)
    return EngagementInput(**values)  # type: ignore[arg-type]


def test_engagement_workbook_round_trip_and_all_or_nothing(
    linked: Database, tmp_path: Path
) -> None:
    stocktake.create_event(linked, _event())
    stocktake.create_event(linked, _event(title="Young people's panel", number=None, changed=""))
    out = tmp_path / "engagement.xlsx"
    assert stocktake.export_events(linked, out) == 2
    preview = stocktake.preview_events(linked, out)
    assert preview.ok and [r.status.value for r in preview.rows] == ["unchanged", "unchanged"]

    book = load_workbook(out)
    sheet = book.active
    sheet["D2"] = "Parent carer survey (second wave)"
    sheet.append(["", "13/07/2026", "workshop", "New workshop", "Schools", 9, "", "", "", "", "1b"])
    sheet.append(["", "not a date", "party", "Broken", "", "", "", "", "P9", "", "9z"])
    book.save(out)
    preview = stocktake.preview_events(linked, out)
    assert [r.status.value for r in preview.rows] == ["update", "unchanged", "new", "error"]
    broken = preview.rows[-1].messages
    assert any("not a date" in m for m in broken) and any("party" in m for m in broken)
    with pytest.raises(ImportRejected):
        stocktake.import_events(linked, out)
    assert [e.title for e in stocktake.list_events(linked)] == [
        "Parent carer survey",
        "Young people's panel",
    ]
    sheet.delete_rows(sheet.max_row)
    book.save(out)
    stocktake.import_events(linked, out)
    events = stocktake.list_events(linked)
    assert next(e.title for e in events) == "Parent carer survey (second wave)"
    added = events[-1]
    assert (added.reference, added.format, added.requirements) == (
        "E03",
        EventFormat.WORKSHOP,
        ("1b",),
    )
    rows = {r.reference: r for r in stocktake.coverage(linked)}
    assert len(rows["1a"].engagement) == 2


def test_a_judgement_unlike_the_suggestion_needs_a_reason(linked: Database) -> None:
    b_board = 1
    first = meeting(linked, b_board, date(2026, 4, 10))
    second = meeting(linked, b_board, date(2026, 10, 9))
    with linked.write() as session:
        for meeting_id in (first, second):
            session.get(Meeting, meeting_id).kind = MeetingKind.STOCKTAKE
    rows = {r.reference: r for r in stocktake.coverage(linked)}
    one_a = rows["1a"]
    stocktake.save_judgement(linked, first, one_a.id, judgement=Brag.RED, suggested=Brag.RED)
    with pytest.raises(ValidationError, match="give the reason"):
        stocktake.save_judgement(linked, second, one_a.id, judgement=Brag.AMBER, suggested=Brag.RED)
    stocktake.save_judgement(
        linked,
        second,
        one_a.id,
        judgement=Brag.AMBER,
        suggested=Brag.RED,
        reason="The backlog plan started in September.",
        narrative="Slipping actions reset with new owners.",
    )
    assessment = stocktake.draft_assessment(linked, second, today=date(2026, 10, 1))
    item = next(r for r in assessment.requirements if r.reference == "1a")
    assert (item.rag, item.previous, item.movement) == (Brag.AMBER, Brag.RED, "↑ better")
    assert item.differs and item.reason.startswith("The backlog plan")
    assert assessment.period_from == date(2026, 4, 10)
    assert "Nothing linked" in next(r for r in assessment.requirements if r.reference == "1c").flags
