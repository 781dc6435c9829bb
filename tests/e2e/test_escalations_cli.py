"""`sendboard escalations [--board NAME]`: open escalations to a board, with their age."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from sendboard.cli import main
from sendboard.services import risks
from sendboard.services.common.workspace import Database
from sendboard.services.measures.escalations import list_escalations
from tests.pg_server import target
from tests.store.risk_fixtures import basics, risk_input


def test_an_escalated_risk_is_listed_with_its_age_until_closed(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    b = basics(db)
    low = risks.create_risk(db, risk_input(b, board_id=b.delivery_id)).value
    risks.create_risk(db, risk_input(b, board_id=b.delivery_id, title="Kept below"))
    risks.escalate_risk(db, low.id, on=date(2027, 1, 4))
    [row] = list_escalations(db, today=date(2027, 1, 18))
    assert (row.reference, row.to_board, row.age_days) == (
        low.reference,
        "SEND Improvement Board",
        14,
    )
    assert row.from_board == "SEND Delivery Group"
    assert list_escalations(db, "send delivery group") == []

    path = target(db)
    with time_machine.travel(datetime(2027, 1, 18, 10, tzinfo=ZoneInfo("Europe/London"))):
        assert main(["escalations", "--db", path, "--board", "SEND Improvement Board"]) == 0
    out = capsys.readouterr().out
    assert low.reference in out and "04/01/2027" in out and "14 days" in out
    assert "Kept below" not in out
    assert main(["escalations", "--db", path, "--board", "Nonesuch"]) == 1
    assert "There is no board called 'Nonesuch'" in capsys.readouterr().err

    risks.close_risk(db, low.id)
    assert main(["escalations", "--db", path]) == 0
    assert "No open escalations." in capsys.readouterr().out
