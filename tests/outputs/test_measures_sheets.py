"""The measures workbook out and back in: read with openpyxl, imported all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import time_machine
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from sendboard.errors import ImportRejected
from sendboard.services import measures
from sendboard.services.common.imports import RowStatus
from sendboard.services.common.workspace import Database
from sendboard.store.models import Measure, MeasureValue
from tests.outputs.measures_fixture import measures_board


@pytest.fixture
def board(db: Database) -> Database:
    return measures_board(db)


def count_values(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(MeasureValue.id))) or 0


def test_export_reads_back_and_imports_unchanged(board: Database, tmp_path: Path) -> None:
    out = tmp_path / "measures.xlsx"
    assert measures.export_measures(board, out) == 2
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    heading = rows[0]
    assert heading[:3] == ("Reference", "Priority area", "Measure")
    first = dict(zip(heading, rows[1], strict=True))
    assert first["Measure"] == "EHC plans issued within 20 weeks"
    assert first["12-month target"] == 60 and first["Baseline"] == 40
    assert first["Further milestones"] == "31/03/2029 80 Exit milestone"
    assert first["Latest value"] == 48 and first["Latest period"] == "Jun 2027"
    assert first["Status"] == "R Off track"
    assert first["Slippage"] == "12-month target 60% missed: 48% at Jun 2027"
    second = dict(zip(heading, rows[2], strict=True))
    assert second["Better"] == "Lower is better" and second["Frequency"] == "Quarterly"
    assert second["Status"] == "No data yet"

    before = count_values(board)
    preview = measures.preview_import(board, out)
    assert [r.status for r in preview.rows] == [RowStatus.UNCHANGED, RowStatus.UNCHANGED]
    assert preview.unmapped_columns == ()
    measures.import_measures(board, out)
    assert count_values(board) == before
    again = tmp_path / "again.xlsx"
    measures.export_measures(board, again)
    rows_again = list(load_workbook(again).active.iter_rows(values_only=True))
    assert rows_again == rows


def wide_workbook(path: Path, bad: object = "n/a") -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Performance return 2026/27"])
    sheet.append([])
    sheet.append(["Ref", "Measure", "Priority area", "Jul-27", "Aug 2027", "2027/28 Q2"])
    sheet.append(["P1-M1", "", "", 55, 58, None])
    sheet.append(["", "Tribunal appeals registered", "", None, None, bad])
    sheet.append(["", "Parents who would recommend the service", "P3", 61, "64%", None])
    book.save(path)


def test_a_wide_workbook_with_a_bad_cell_is_refused_naming_the_cell(
    board: Database, tmp_path: Path
) -> None:
    path = tmp_path / "return.xlsx"
    wide_workbook(path)
    before = count_values(board)
    preview = measures.preview_import(board, path)
    assert not preview.ok
    (error,) = preview.errors
    assert error.row == 5
    assert "2027/28 Q2 (F5): 'n/a' is not a number" in error.messages[0]
    with pytest.raises(ImportRejected, match="F5"):
        measures.import_measures(board, path)
    assert count_values(board) == before
    with board.read() as session:
        assert session.scalar(select(func.count(Measure.id))) == 2


def test_a_wide_workbook_adds_values_and_a_new_measure(board: Database, tmp_path: Path) -> None:
    path = tmp_path / "return.xlsx"
    wide_workbook(path, bad=23)
    preview = measures.preview_import(board, path)
    assert preview.ok, preview.report()
    assert [(r.status, r.messages) for r in preview.rows] == [
        (RowStatus.UPDATE, ("2 new values",)),
        (RowStatus.UPDATE, ("1 new value",)),
        (RowStatus.NEW, ("2 new values",)),
    ]
    with time_machine.travel(date(2027, 10, 5)):
        measures.import_measures(board, path, entered_by="Performance team")
    views = {v.name: v for v in measures.list_measures(board)}
    plans = views["EHC plans issued within 20 weeks"]
    assert [(v.period, v.value) for v in plans.values[-2:]] == [("Jul 2027", 55), ("Aug 2027", 58)]
    assert plans.values[-1].entered_by == "Performance team"
    appeals = views["Tribunal appeals registered"]
    assert [(v.period, v.value) for v in appeals.values] == [("Q2 2027/28", 23)]
    added = views["Parents who would recommend the service"]
    assert added.reference == "P3-M1" and added.area_code == "P3"
    assert [v.value for v in added.values] == [61, 64]
    # the same file again changes nothing
    again = measures.preview_import(board, path)
    assert {r.status for r in again.rows} == {RowStatus.UNCHANGED}


def test_a_period_return_filled_in_and_imported(board: Database, tmp_path: Path) -> None:
    path = tmp_path / "june.xlsx"
    assert measures.export_values(board, path, date(2027, 6, 1)) == 2
    book = load_workbook(path)
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Reference", "Measure", "Unit", "Period", "Value", "Note")
    assert rows[1][3:5] == ("Jun 2027", 48)
    assert rows[2][3:5] == ("Q1 2027/28", None)
    sheet["E2"] = 49
    sheet["F2"] = "validated"
    sheet["E3"] = 27
    book.save(path)
    preview = measures.preview_import(board, path)
    assert [(r.status, r.messages) for r in preview.rows] == [
        (RowStatus.UPDATE, ("Jun 2027: 48% corrected to 49%",)),
        (RowStatus.NEW, ("1 new value",)),
    ]
    measures.import_measures(board, path)
    views = {v.reference: v for v in measures.list_measures(board)}
    assert views["P1-M1"].latest.value == 49 and views["P1-M1"].latest.corrections == 1
    assert views["P1-M2"].latest.period == "Q1 2027/28"
