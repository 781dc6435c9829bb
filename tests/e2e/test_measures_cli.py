"""`sendboard measures …` from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from sendboard.cli import main
from sendboard.services import measures
from sendboard.services.common.workspace import Database
from sendboard.services.measures import MeasureInput, ValueEntry
from sendboard.store.models import PriorityArea
from tests.pg_server import target


def test_measures_commands(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.write() as session:
        session.add(PriorityArea(code="P1", title="Timeliness"))
    view = measures.create_measure(
        db,
        MeasureInput(
            name="Annual reviews on time",
            priority_area_id=1,
            unit="%",
            baseline_value=50.0,
            baseline_date=date(2026, 5, 31),
            targets={3: 60.0},
        ),
    ).value
    measures.record_values(db, [ValueEntry(view.id, 52.0)], period=date(2026, 9, 30))
    where = target(db)
    db.close()
    args = ["--db", where]
    assert main(["measures", "notice-date", "15/06/2026", *args]) == 0
    assert "Notice date: 15/06/2026" in capsys.readouterr().out
    assert main(["measures", "list", *args]) == 0
    listed = capsys.readouterr().out
    assert "P1-M1" in listed and "Off track" in listed
    assert "slippage: 3-month target 60% missed: 52% at Sep 2026" in listed
    out = tmp_path / "measures.xlsx"
    assert main(["measures", "export", "--out", str(out), *args]) == 0
    assert "1 measure written" in capsys.readouterr().out
    assert load_workbook(out).active["C2"].value == "Annual reviews on time"
    form = tmp_path / "october.xlsx"
    assert main(["measures", "return", "--period", "Oct 2026", "--out", str(form), *args]) == 0
    book = load_workbook(form)
    assert book.active["D2"].value == "Oct 2026"
    book.active["E2"] = 58
    book.save(form)
    assert main(["measures", "import", str(form), "--dry-run", *args]) == 0
    assert "1 new" in capsys.readouterr().out
    assert main(["measures", "import", str(form), *args]) == 0
    assert "Imported." in capsys.readouterr().out

    wide = tmp_path / "wide.xlsx"
    book = Workbook()
    book.active.append(["Measure", "Nov-26", "Dec-26"])
    book.active.append(["Annual reviews on time", 60, "sixty"])
    book.save(wide)
    assert main(["measures", "import", str(wide), *args]) == 1
    printed = capsys.readouterr().out
    assert "Dec-26 (C2): 'sixty' is not a number" in printed
    assert "Nothing was imported." in printed
