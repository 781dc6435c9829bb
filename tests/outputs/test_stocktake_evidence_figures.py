"""The self-assessment's evidence figures against the data, counted here straight from the rows
with plain SQL (measures' statuses from the measures service), then read back from the .docx:
attendance by organisation, actions completed, on track and slipping, measures against their
milestones, and the risks' movement."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import docx
import pytest
from sqlalchemy import text

from sendboard.domain.measures import Status
from sendboard.services import measures, stocktake
from sendboard.services.common.workspace import Database


@pytest.fixture
def demo_db(pinned_demo_db: Database) -> Database:
    return pinned_demo_db


def _day(value) -> date:  # type: ignore[no-untyped-def]
    """A date or datetime column as SQLite (text) or PostgreSQL (objects) gives it back."""
    return value if type(value) is date else date.fromisoformat(str(value)[:10])


def _inside(value, since: date | None, until: date) -> bool:  # type: ignore[no-untyped-def]
    return value is not None and (since is None or _day(value) > since) and _day(value) <= until


def _rows(db: Database, sql: str) -> list:
    with db.read() as session:
        return list(session.execute(text(sql)))


def _document(db: Database, meeting_id: int, out: Path):  # type: ignore[no-untyped-def]
    stocktake.write_assessment(db, meeting_id, out)
    document = docx.Document(str(out))
    return document, [p.text for p in document.paragraphs]


def _after(paragraphs: list[str], heading: str) -> list[str]:
    start = paragraphs.index(heading)
    return paragraphs[start + 1 :]


def _table(document, header: tuple[str, ...]) -> list[list[str]]:  # type: ignore[no-untyped-def]
    table = next(t for t in document.tables if tuple(c.text for c in t.rows[0].cells) == header)
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({round(100 * part / whole)}%)"


def _attendance(db: Database, since: date | None, until: date) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for organisation, attendance, starts_at in _rows(
        db,
        "SELECT i.organisation, i.attendance, m.starts_at FROM invitations i "
        "JOIN meetings m ON m.id = i.meeting_id JOIN boards b ON b.id = m.board_id "
        "WHERE b.kind = 'improvement_board' AND m.status = 'held' AND i.removed_at IS NULL",
    ):
        if not _inside(starts_at, since, until):
            continue
        row = counts[organisation or "No organisation"]
        row["invited"] += 1
        row["attended"] += attendance in ("present", "substitute", "in_attendance")
        row["apologies"] += attendance == "apologies"
    return counts


def _actions(db: Database, since: date | None, until: date) -> tuple[int, Counter[str | None]]:
    """Actions closed in the window, and the open ones by their latest update's progress."""
    rows = _rows(
        db,
        "SELECT a.status, a.closed_on, (SELECT u.progress FROM action_updates u WHERE u.action_id "
        '= a.id ORDER BY u."on" DESC, u.id DESC LIMIT 1) FROM actions a',
    )
    completed = sum(
        1
        for status, closed, _ in rows
        if status in ("complete", "closed") and _inside(closed, since, until)
    )
    progress = Counter(latest for status, _, latest in rows if status == "open")
    return completed, progress


def _risks(db: Database, since: date | None, until: date) -> dict[str, tuple[str, str, str]]:
    """Each risk's residual score at the last review on or before `since`, now, and the word."""
    found = {}
    for risk_id, reference, closed, likelihood, impact in _rows(
        db,
        "SELECT id, reference, closed_on, residual_likelihood, residual_impact FROM risks",
    ):
        if closed is not None and not _inside(closed, since, until):
            continue
        reviews = [
            (_day(on), review_id, score)
            for on, review_id, score in _rows(
                db,
                "SELECT reviewed_on, id, residual_likelihood * residual_impact FROM risk_reviews "
                f"WHERE risk_id = {int(risk_id)}",
            )
            if since is not None and _day(on) <= since
        ]
        now = likelihood * impact
        if not reviews:
            found[reference] = ("", str(now), "new")
            continue
        then = max(reviews)[2]
        word = "reduced" if now < then else "increased" if now > then else "unchanged"
        found[reference] = (str(then), str(now), word)
    return found


def test_the_evidence_figures_match_the_data(demo_db: Database, tmp_path: Path) -> None:
    meeting_id = stocktake.next_stocktake(demo_db)
    assessment = stocktake.draft_assessment(demo_db, meeting_id)
    since, until = assessment.period_from, assessment.period_to
    document, paragraphs = _document(demo_db, meeting_id, tmp_path / "sa.docx")

    # attendance at the Improvement Board's held meetings, by organisation
    counts = _attendance(demo_db, since, until)
    invited = sum(c["invited"] for c in counts.values())
    came = sum(c["attended"] for c in counts.values())
    assert 0 < came < invited
    line = _after(paragraphs, "Attendance by organisation")[0]
    assert line.endswith(f"meetings held; {_share(came, invited)} of invitations attended.")
    table = _table(document, ("Organisation", "Invited", "Attended", "Apologies", "Share"))
    assert {row[0]: row[1:4] for row in table} == {
        name: [str(c["invited"]), str(c["attended"]), str(c["apologies"])]
        for name, c in counts.items()
    }
    assert len(table) > 2

    # actions completed in the period, and the open ones on track and slipping
    completed, progress = _actions(demo_db, since, until)
    lines = _after(paragraphs, "Actions: completed, on track and slipping")
    assert lines[0] == f"{completed} actions completed in the period."
    assert lines[1] == (
        f"Of {sum(progress.values())} open actions: {progress['G']} on track (G), "
        f"{progress['A']} with some slippage (A), {progress['R']} off track (R), "
        f"{progress[None]} not yet rated."
    )
    assert completed > 0 and progress["G"] > 0 and progress["A"] + progress["R"] > 0

    # measures against their milestones, as the measures service reports each one
    views = measures.list_measures(demo_db)
    by_status = Counter(v.status for v in views)
    summary = "; ".join(f"{by_status[s]} {s.label.lower()}" for s in Status if by_status[s])
    assert _after(paragraphs, "Measures against their milestones")[0] == (
        f"{len(views)} measures: {summary}."
    )
    slipping = {v.reference for v in views if v.status in (Status.AT_RISK, Status.OFF_TRACK)}
    listed = _table(document, ("Measure", "Name", "Status", "Slippage"))
    assert slipping and slipping <= {row[0] for row in listed}

    # risks: residual score at the previous stocktake and now
    risks = _risks(demo_db, since, until)
    moved = Counter(word for _, _, word in risks.values())
    assert _after(paragraphs, "Risks: movement in residual score")[0] == (
        f"{len(risks)} risks: {moved['reduced']} reduced, {moved['unchanged']} unchanged, "
        f"{moved['increased']} increased, {moved['new']} new."
    )
    table = _table(document, ("Risk", "Title", "Then", "Now", "Movement"))
    assert {row[0]: (row[2], row[3], row[4]) for row in table} == risks
    assert moved["reduced"] + moved["increased"] > 0


def test_a_held_stocktakes_action_figures_stop_at_its_day(
    demo_db: Database, tmp_path: Path
) -> None:
    held = next(m for m in stocktake.list_stocktakes(demo_db) if m.status.value == "held")
    assessment = stocktake.draft_assessment(demo_db, held.id)
    since, until = assessment.period_from, assessment.period_to
    assert until == held.day
    rows = _rows(
        demo_db,
        "SELECT a.status, a.closed_on, a.raised_on, (SELECT u.progress FROM action_updates u "
        f"WHERE u.action_id = a.id AND u.\"on\" <= '{held.day.isoformat()}' "
        'ORDER BY u."on" DESC, u.id DESC LIMIT 1) FROM actions a',
    )
    completed = sum(
        1
        for status, closed, _, _ in rows
        if status in ("complete", "closed") and _inside(closed, since, until)
    )
    open_then = [
        latest
        for status, closed, raised, latest in rows
        if (raised is None or _day(raised) <= until)
        and (status == "open" or (closed is not None and _day(closed) > until))
    ]
    progress = Counter(open_then)
    _, paragraphs = _document(demo_db, held.id, tmp_path / "held.docx")
    lines = _after(paragraphs, "Actions: completed, on track and slipping")
    assert lines[0] == f"{completed} actions completed in the period."
    assert lines[1].startswith(
        f"Of {len(open_then)} open actions: {progress['G']} on track (G), "
        f"{progress['A']} with some slippage (A), {progress['R']} off track (R)"
    )
