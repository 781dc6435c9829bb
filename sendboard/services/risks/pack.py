"""The risk register as the meeting pack shows it: live risks, worst first, with what moved."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sendboard import clock
from sendboard.domain.risk import Trend
from sendboard.outputs.pack.content import RiskRegister, RiskRow, ScoreBand
from sendboard.services.common.cycles import board_meetings
from sendboard.services.common.records import load
from sendboard.services.risks.register import list_risks
from sendboard.services.risks.scales import get_matrix
from sendboard.store.database import Database
from sendboard.store.models import Meeting


def pack_register(
    db: Database, meeting_id: int | None = None, today: date | None = None
) -> RiskRegister:
    """Open and escalated risks with their heat-map cells, trend and change since the previous
    meeting of the pack's board (its own, not another board's that met since), in the board's
    own scoring bands. Without a meeting, since the Improvement Board last met."""
    day = today or clock.today()
    before = datetime.combine(day + timedelta(days=1), time())
    board_id = None
    with db.read() as session:
        if meeting_id is not None:
            meeting = load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")
            board_id, before = meeting.board_id, min(before, meeting.starts_at)
        met = board_meetings(session, before)
    since, board = met.last(board_id), met.name(board_id)
    rows = []
    for view in list_risks(db):
        if not view.live:
            continue
        change = ""
        recent = since is None or (view.last_reviewed is not None and view.last_reviewed >= since)
        if since is not None and view.created_on > since:
            change = f"New risk: {view.residual.text}"
        elif recent and view.trend in (Trend.WORSE, Trend.BETTER):
            change = view.movement
        target = view.target
        rows.append(
            RiskRow(
                reference=view.reference,
                title=view.title,
                owner=view.owner,
                inherent=(view.inherent.likelihood, view.inherent.impact),
                residual=(view.residual.likelihood, view.residual.impact),
                target=(target.likelihood, target.impact) if target else None,
                trend=f"{view.trend.arrow} {view.trend.value}",  # short: a narrow column
                controls=view.controls,
                last_reviewed=view.last_reviewed,
                change=change,
            )
        )
    bands = tuple(
        ScoreBand(b.lowest, b.highest, b.label, b.colour, b.text_colour)
        for b in get_matrix(db).bands
    )
    return RiskRegister(rows=tuple(rows), bands=bands, last_review=since, board=board)
