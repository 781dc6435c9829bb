"""The risk register in the meeting pack comes from the live register."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from sendboard.cli import main
from sendboard.domain.meetings import StandingItem
from sendboard.services import risks
from sendboard.services.common.workspace import Database
from sendboard.services.risks.pack import pack_register
from sendboard.store.models import AgendaItem, Meeting
from tests.pg_server import target


def test_pack_register_matches_the_live_register(demo_db: Database) -> None:
    register = pack_register(demo_db)
    live = [v for v in risks.list_risks(demo_db) if v.live]
    assert [r.reference for r in register.rows] == [v.reference for v in live]
    top = register.rows[0]
    assert top.residual == (live[0].residual.likelihood, live[0].residual.impact)
    assert [b.label for b in register.bands] == ["Low", "Medium", "High", "Very high"]
    moved = [r for r in register.rows if r.change]
    assert moved and all("→" in r.change or "New risk" in r.change for r in moved)


def test_pack_pdf_shows_the_risk_register(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.read() as session:
        meeting = session.scalar(
            select(Meeting.id)
            .join(AgendaItem)
            .where(AgendaItem.standing == StandingItem.RISK_REGISTER)
            .where(Meeting.starts_at > datetime.now())
            .order_by(Meeting.starts_at)
        )
    assert meeting is not None
    out = tmp_path / "pack.pdf"
    assert (
        main(["pack", "--db", target(demo_db), "--meeting", str(meeting), "--out", str(out)]) == 0
    )
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    top = next(v for v in risks.list_risks(demo_db) if v.live)
    assert "Register, highest residual score first" in text
    assert top.reference in text
