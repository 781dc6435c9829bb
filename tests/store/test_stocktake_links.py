"""What answers a requirement, linked from either end; evidence added to a requirement, its file
kept; engagement events saved with their files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sendboard.domain.stocktake.judgement import Flag
from sendboard.errors import NotFoundError, SendboardError
from sendboard.services import risks, stocktake
from sendboard.services.common.workspace import Database
from tests.store.risk_fixtures import basics, risk_input
from tests.store.test_stocktake_service import NOTICE, _event


@pytest.fixture
def notice(db: Database) -> Database:
    b = basics(db)
    risks.create_risk(db, risk_input(b))
    stocktake.save_notice(db, stocktake.draft_from_text(NOTICE))
    return db


def _ids(db: Database, kind: str) -> dict[str, int]:
    return {c.reference: c.id for c in stocktake.link_choices(db, kind)}


def _rows(db: Database) -> dict[str, stocktake.CoverageRow]:
    return {r.reference: r for r in stocktake.coverage(db)}


def test_links_saved_from_the_requirement_replace_the_previous_choice(notice: Database) -> None:
    actions, risk_ids = _ids(notice, "action"), _ids(notice, "risk")
    assert list(actions) == ["A1", "A2", "A3"] and list(risk_ids) == ["R01"]
    one_a = stocktake.find_requirement(notice, "1A")
    stocktake.save_links(
        notice, one_a, actions=[actions["A1"], actions["A2"]], measures=[], risks=[risk_ids["R01"]]
    )
    stocktake.save_links(notice, one_a, actions=[actions["A2"]], measures=[], risks=[])
    detail = stocktake.requirement_detail(notice, one_a)
    assert (detail.reference, detail.actions, detail.risks) == ("1a", (actions["A2"],), ())
    assert [a.reference for a in _rows(notice)["1a"].actions] == ["A2"]
    assert stocktake.requirements_of(notice, "action", actions["A2"]) == (one_a,)
    with pytest.raises(NotFoundError, match="no requirement 9z"):
        stocktake.find_requirement(notice, "9z")


def test_links_set_from_the_risk_add_and_remove_requirements(notice: Database) -> None:
    risk_id = _ids(notice, "risk")["R01"]
    refs = {c.reference: c.id for c in stocktake.requirement_choices(notice)}
    assert list(refs) == ["1a", "1b", "1c", "2"]  # the lead-in "1" is left out
    stocktake.set_requirements_of(notice, "risk", risk_id, [refs["1b"], refs["1c"]])
    stocktake.set_requirements_of(notice, "risk", risk_id, [refs["1c"], refs["2"]])
    rows = _rows(notice)
    assert [r.reference for r in rows["1c"].risks] == ["R01"]
    assert rows["1b"].risks == () and [r.reference for r in rows["2"].risks] == ["R01"]
    assert stocktake.requirements_of(notice, "risk", risk_id) == (refs["1c"], refs["2"])
    assert rows["2"].flags == (Flag.NO_ACTION,)


def test_evidence_with_a_file_is_kept_and_counts_in_coverage(
    notice: Database, tmp_path: Path
) -> None:
    one_c = stocktake.find_requirement(notice, "1c")
    assert _rows(notice)["1c"].flags == (Flag.NOTHING_LINKED,)
    survey = tmp_path / "survey results.pdf"
    survey.write_bytes(b"%PDF-1.4 results")
    stocktake.add_evidence(notice, one_c, "Parent survey results", "78% satisfied", survey)
    stocktake.add_evidence(notice, one_c, "Log reviewed at each meeting")
    detail = stocktake.requirement_detail(notice, one_c)
    assert [(e.title, e.file_name) for e in detail.evidence] == [
        ("Parent survey results", "survey results.pdf"),
        ("Log reviewed at each meeting", ""),
    ]
    folder = tmp_path / "out"
    folder.mkdir()
    out = stocktake.save_evidence_file(notice, detail.evidence[0].id, folder)
    assert out == folder / "survey results.pdf" and out.read_bytes() == b"%PDF-1.4 results"
    copy = stocktake.save_evidence_file(notice, detail.evidence[0].id, folder / "copy.pdf")
    assert copy.read_bytes() == b"%PDF-1.4 results"
    with pytest.raises(NotFoundError, match="is a note"):
        stocktake.save_evidence_file(notice, detail.evidence[1].id, folder)
    row = _rows(notice)["1c"]
    assert row.evidence == ("Parent survey results", "Log reviewed at each meeting")
    assert row.flags == (Flag.NO_ACTION,)


def test_an_event_and_its_files_are_saved_together_or_not_at_all(
    notice: Database, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"notes")
    with pytest.raises(SendboardError, match=r"missing\.pdf"):
        stocktake.create_event(notice, _event(), [notes, tmp_path / "missing.pdf"])
    assert stocktake.list_events(notice) == ()
    made = stocktake.create_event(notice, _event(), [notes]).value
    assert made.files == ("notes.docx",)
    photo = tmp_path / "wall.jpg"
    photo.write_bytes(b"jpeg")
    changed = stocktake.update_event(notice, made.id, _event(number=130), [photo]).value
    assert (changed.number, changed.files) == (130, ("notes.docx", "wall.jpg"))
