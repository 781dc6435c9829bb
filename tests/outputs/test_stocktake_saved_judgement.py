"""A saved judgement keeps the suggestion saved with it when the data moves on, and a held
stocktake reads as it stood on its day: read back from Word (python-docx) and the pack (pypdf)."""

from __future__ import annotations

from pathlib import Path

import docx
from pypdf import PdfReader
from sqlalchemy import select

from sendboard import clock
from sendboard.domain.actions import ActionStatus
from sendboard.domain.brag import Brag
from sendboard.services import actions as actions_service
from sendboard.services import stocktake
from sendboard.services.actions.views import UpdateInput
from sendboard.services.common.workspace import Database
from sendboard.store.models import Action, ActionUpdate, Meeting

REASON = "Reason for the difference:"


def _section(paragraphs: list[str], reference: str) -> list[str]:
    """The paragraphs of one requirement's part of the assessment, up to the next heading."""
    start = next(i for i, p in enumerate(paragraphs) if p.startswith(f"{reference}  "))
    end = next(
        (i for i in range(start + 1, len(paragraphs)) if "  " in paragraphs[i][:12]),
        len(paragraphs),
    )
    return paragraphs[start:end]


def _no_empty_reason(text: list[str]) -> None:
    for line in text:
        if REASON in line:
            assert line.split(REASON, 1)[1].strip(), line


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


def test_a_saved_judgement_keeps_its_suggestion_when_the_data_moves(
    pinned_demo_db: Database, tmp_path: Path
) -> None:
    db = pinned_demo_db
    meeting_id = stocktake.next_stocktake(db)
    draft = stocktake.draft_assessment(db, meeting_id)
    item = next(
        r
        for r in draft.requirements
        if r.suggested is Brag.GREEN and r.judgement is None and r.actions
    )
    stocktake.save_judgement(
        db,
        meeting_id,
        item.requirement_id,
        judgement=Brag.GREEN,
        suggested=Brag.GREEN,
        narrative="Holding steady.",
    )
    # then the data moves: every linked action is reported off track
    with db.read() as session:
        linked = session.scalars(
            select(Action.id).where(
                Action.reference.in_([a.reference for a in item.actions]),
                Action.status == ActionStatus.OPEN,
            )
        ).all()
    assert linked
    for action_id in linked:
        actions_service.add_update(
            db, UpdateInput(action_id, "Stalled.", progress=Brag.RED, on=clock.today())
        )
    now = next(r for r in stocktake.coverage(db) if r.id == item.requirement_id)
    assert now.suggestion.rag is not Brag.GREEN

    out = stocktake.write_assessment(db, meeting_id, tmp_path / "sa.docx")
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    _no_empty_reason(paragraphs)
    part = _section(paragraphs, item.reference)
    today = f"{clock.today().day} {clock.today():%B %Y}"
    assert part[0] == f"{item.reference}  G Green"
    assert any(
        p.startswith(f"Judgement: Green (G). Suggested from the data when judged on {today}: Green")
        for p in part
    ), part
    assert not any(REASON in p for p in part)
    assert any(p.startswith("The data has moved since: it now suggests") for p in part)
    summary = docx.Document(str(out)).tables[0]
    row = next(r for r in summary.rows if r.cells[0].text == item.reference)
    assert [row.cells[2].text, row.cells[3].text] == ["G Green", "G Green"]

    pdf = tmp_path / "pack.pdf"
    stocktake.issue_pack(db, meeting_id, pdf)
    flat = _pdf_text(pdf)
    assert f"Suggested from the data when judged on {today}: Green (G)" in flat
    assert "The data has moved since: it now suggests" in flat
    assert f"{REASON} Since" not in flat
    for piece in flat.split(REASON)[1:]:
        assert piece.strip()[:1] not in ("", "S")  # never followed straight by the next line


def _held(db: Database) -> int:
    return next(m.id for m in stocktake.list_stocktakes(db) if m.day < clock.today())


def test_a_held_stocktake_reads_as_it_stood_on_its_day(
    pinned_demo_db: Database, tmp_path: Path
) -> None:
    db = pinned_demo_db
    held = _held(db)
    with db.read() as session:
        day = session.get(Meeting, held).starts_at.date()
    before = stocktake.draft_assessment(db, held)
    # an open action linked to a requirement, with an update on or before the day
    item, rated = next(
        (r, a) for r in before.requirements for a in r.actions if a.letter in ("G", "A", "R")
    )
    with db.read() as session:
        action = session.scalar(select(Action).where(Action.reference == rated.reference))
        then = session.scalar(
            select(ActionUpdate.progress)
            .where(ActionUpdate.action_id == action.id, ActionUpdate.on <= day)
            .order_by(ActionUpdate.on.desc(), ActionUpdate.id.desc())
        )
        action_id = action.id
    assert then is not None and rated.letter == then.letter
    later = Brag.GREEN if then is not Brag.GREEN else Brag.RED
    actions_service.add_update(
        db, UpdateInput(action_id, "Later.", progress=later, on=clock.today())
    )

    out = stocktake.write_assessment(db, held, tmp_path / "held.docx")
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    _no_empty_reason(paragraphs)
    part = _section(paragraphs, item.reference)
    listed = [p for p in part if p.startswith(f"{rated.reference} ")]
    assert listed == [f"{rated.reference} {rated.title} ({then.letter} {then.label})"]
    # the demo's held judgements that differ from the data's suggestion say why
    assert any(p.startswith(f"{REASON} ") and len(p) > len(REASON) + 5 for p in paragraphs)
    # every held judgement shows the suggestion saved with it: no unexplained difference
    for entry in stocktake.draft_assessment(db, held).requirements:
        assert not entry.differs or entry.reason
    # the stocktake ahead lists the action as it stands now
    ahead = stocktake.write_assessment(db, stocktake.next_stocktake(db), tmp_path / "next.docx")
    now = [p.text for p in docx.Document(str(ahead)).paragraphs]
    assert f"{rated.reference} {rated.title} ({later.letter} {later.label})" in now

    pdf = tmp_path / "held.pdf"
    stocktake.issue_pack(db, held, pdf)
    flat = _pdf_text(pdf)
    assert f"{rated.reference} {rated.title} ({then.letter} {then.label})" in flat
    for piece in flat.split(REASON)[1:]:
        assert not piece.strip().startswith("Since the previous stocktake")
