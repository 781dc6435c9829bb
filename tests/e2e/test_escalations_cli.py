"""`sendboard escalations [--board NAME]`: open escalations to a board, with their age."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from sendboard.cli import main
from sendboard.domain.escalations import EscalationKind
from sendboard.services import escalations, risks
from sendboard.services.common.workspace import Database
from sendboard.services.escalations import EscalationInput, HighlightInput, list_escalations
from tests.pg_server import target
from tests.store.escalation_fixtures import ground
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


def test_the_list_shows_each_kind_with_reason_and_ask_and_respond_closes_one(
    db: Database, capsys: pytest.CaptureFixture[str], pinned_clock: None
) -> None:
    g = ground(db)
    risk = risks.create_risk(db, risk_input(g.b, board_id=g.sub_group_id)).value
    risks.escalate_risk(db, risk.id, on=date(2026, 11, 12))
    escalations.save_highlight_report(
        db,
        HighlightInput(
            g.sub_meeting_id,
            g.b.area_id,
            "",
            add=(
                EscalationInput(
                    EscalationKind.ACTION,
                    "No locums found",
                    "Fund agency psychologists",
                    action_id=g.b.action_ids[0],
                ),
                EscalationInput(
                    EscalationKind.ISSUE, "No data", "Chase the trust", title="Therapy data late"
                ),
            ),
        ),
    )
    path = target(db)
    assert main(["escalations", "--db", path, "--board", "SEND Delivery Group"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "Kind", "Escalated", "From", "To", "Raised", "Age"]
    kinds = [line.split()[1] for line in lines[2:] if line[:1].isdigit()]
    assert kinds == ["Action", "Issue", "Risk"]  # oldest first
    assert "A1 Action 1" in out and "Therapy data late" in out and risk.reference in out
    assert "Reason: No locums found" in out and "Ask: Fund agency psychologists" in out
    assert "13 days" in out and "11 days" in out
    assert "Sub-group 5: EHC plans" in out

    action_id = int(next(line for line in lines if " Action " in line).split()[0])
    assert (
        main(["escalations", "respond", str(action_id), "--response", "Funded", "--db", path]) == 0
    )
    assert "Recorded SEND Delivery Group's response to Action A1 Action 1" in (
        capsys.readouterr().out
    )
    assert main(["escalations", "--db", path]) == 0
    out = capsys.readouterr().out
    assert "A1 Action 1" not in out and "Therapy data late" in out
    assert main(["escalations", "respond", str(action_id), "--response", "x", "--db", path]) == 1
    assert "already responded" in capsys.readouterr().err
    assert main(["escalations", "respond", "999", "--response", "x", "--db", path]) == 1
    assert "There is no escalation 999" in capsys.readouterr().err
