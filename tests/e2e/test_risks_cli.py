"""`sendboard risks export` and `sendboard risks import` from the command line."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from sendboard.cli import main
from sendboard.services.common.workspace import Database, check, open_database
from tests.pg_server import target

pytestmark = pytest.mark.dated


def _count(path: str) -> int:
    db = open_database(path)
    try:
        return check(db).counts["risk_reviews"]
    finally:
        db.close()


def test_export_register_plan_and_as_at(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = target(demo_db)
    demo_db.close()
    out = tmp_path / "register.xlsx"
    assert main(["risks", "export", "--db", db, "--out", str(out)]) == 0
    assert "25 risks" in capsys.readouterr().out and out.stat().st_size > 0
    past = tmp_path / "feb.csv"
    assert main(["risks", "export", "--db", db, "--out", str(past), "--as-at", "28/02/2026"]) == 0
    with past.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert 0 < len(rows) < 25
    reviewed = [
        datetime.strptime(r["Last reviewed"], "%d/%m/%Y") for r in rows if r["Last reviewed"]
    ]
    assert max(reviewed) <= datetime(2026, 2, 28)
    plan = tmp_path / "plan.csv"
    assert main(["risks", "export", "--mitigation-plan", "--db", db, "--out", str(plan)]) == 0
    assert "Mitigation plan" in capsys.readouterr().out
    assert main(["risks", "export", "--db", db, "--out", str(plan), "--as-at", "31/31/2026"]) == 1
    assert "--as-at" in capsys.readouterr().err


def test_import_dry_run_and_errors_leave_db_unchanged(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = target(demo_db)
    demo_db.close()
    source = tmp_path / "in.csv"
    source.write_text(
        "Ref,Risk,Owner,Likelihood,Impact,Inherent\n"
        "R01,Assessments late,Priya Raman,2,2,5x4\n"
        "R99,New risk,Helen Marsh,3,3,4x4\n",
        encoding="utf-8",
    )
    before = _count(path)
    assert main(["risks", "import", "--db", str(path), str(source), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "2 rows, 1 new, 1 to update" in out and "Dry run" in out
    assert _count(path) == before

    bad = tmp_path / "bad.csv"
    bad.write_text(source.read_text() + "R98,Broken,Nobody,3,3,4x4\n", encoding="utf-8")
    assert main(["risks", "import", "--db", str(path), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "row 4 (R98)" in err and "Nobody" in err
    assert _count(path) == before

    assert main(["risks", "import", "--db", str(path), str(source)]) == 0
    assert _count(path) == before + 2
