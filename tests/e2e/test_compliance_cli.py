from pathlib import Path

import pytest
from openpyxl import load_workbook

from sendboard.cli import main
from sendboard.services.common.workspace import Database
from tests.invitation_fixtures import sent_without_case_lead
from tests.pg_server import target

pytestmark = pytest.mark.dated


def test_prints_each_meeting_and_role_with_a_summary(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = target(demo_db)
    demo_db.close()
    assert main(["compliance", "--db", path]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Invitation compliance record: SEND Improvement Board"
    october = lines.index(next(line for line in lines if line.startswith("Wed 14 Oct 2026 14:00")))
    assert "Held" in lines[october]
    lead = lines[october + 3]
    assert lead.split()[:3] == ["DfE", "case", "lead"]
    assert lead.split("lead", 1)[1].strip().startswith("invited ")
    assert lead.endswith("to Daniel Osei") and ("(outlook)" in lead or "(eml)" in lead)
    assert lines[-1].startswith("13 of 13 meetings had every required role invited")


def test_missing_case_lead_shows_not_invited_and_writes_a_sheet(
    demo_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sent_without_case_lead(demo_db)
    path = target(demo_db)
    demo_db.close()
    out = tmp_path / "record.xlsx"
    code = main(
        ["compliance", "--db", path, "--board", "SEND Improvement Board", "--out", str(out)]
    )
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Wed 18 Nov 2026"))
    block = lines[start : start + 4]
    assert "Not invited: DfE case lead" in block[0]
    assert block[3].split() == ["DfE", "case", "lead", "NOT", "INVITED"]
    assert lines[-2].startswith("13 of 14 meetings had every required role invited")
    assert lines[-1] == f"Written to {out}"
    sheet = load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert "✗ NOT INVITED — Daniel Osei" in next(v for v in values if "18 November" in str(v[2]))


def test_unknown_board_is_an_error(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    path = target(demo_db)
    demo_db.close()
    assert main(["compliance", "--db", path, "--board", "Nowhere"]) == 1
    assert "no board called 'Nowhere'" in capsys.readouterr().err
