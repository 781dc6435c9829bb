"""Risk register spreadsheets, read back with openpyxl and csv."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine
from openpyxl import Workbook, load_workbook

from sendboard.errors import ImportRejected, SendboardError
from sendboard.services import risks
from sendboard.services.common.imports import RowStatus
from sendboard.services.common.workspace import Database
from sendboard.services.risks import io as risks_io
from tests.store.risk_fixtures import basics, risk_input


def _sheet(
    path: Path, rows: list[list[object]], title: str | None = "Kingsmere risk register"
) -> Path:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.append([])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_xlsx_export_fills_score_cells_with_band_colour(db: Database, tmp_path: Path) -> None:
    b = basics(db)
    risk_id = risks.create_risk(
        db, risk_input(b, title='=HYPERLINK("http://x")', target_likelihood=1, target_impact=2)
    ).value.id
    risks.link_action(db, risk_id, b.action_ids[0])
    out = tmp_path / "register.xlsx"
    assert risks_io.export_register(db, out) == 1
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert row["Residual"].value == "16 Very high"
    assert row["Residual"].fill.fgColor.rgb.upper().endswith("C0392B")
    assert row["Residual"].font.color.rgb.upper().endswith("FFFFFF")
    assert row["Inherent"].value == "20 Very high"
    assert row["Target"].value == "2 Low"
    assert row["Target"].fill.fgColor.rgb.upper().endswith("7CC47F")
    # formula injection neutralised: a text cell, shown as written, with no visible quote
    assert row["Risk"].value == '=HYPERLINK("http://x")'
    assert row["Risk"].data_type == "s" and row["Risk"].quotePrefix
    assert row["Mitigating actions"].value == "A1"
    assert sheet.freeze_panes == "A2"


def test_csv_export_and_injection(db: Database, tmp_path: Path) -> None:
    b = basics(db)
    risks.create_risk(db, risk_input(b, cause="+SUM(A1:A9)", controls="@cmd"))
    out = tmp_path / "register.csv"
    risks_io.export_register(db, out)
    (row,) = _rows(out)
    assert row["Cause"] == "'+SUM(A1:A9)"
    assert row["Controls"] == "'@cmd"
    assert row["Residual"] == "16 Very high"
    assert row["Date raised"] == "05/01/2026"
    with pytest.raises(SendboardError, match=r"\.xlsx or \.csv"):
        risks_io.export_register(db, tmp_path / "register.pdf")


def test_export_as_at_shows_the_past_register(db: Database, tmp_path: Path) -> None:
    b = basics(db)
    risk_id = risks.create_risk(db, risk_input(b)).value.id
    risks.review_risk(db, risk_id, risks.ReviewInput(date(2026, 3, 11), 5, 4, 2, 2))
    out = tmp_path / "past.csv"
    risks_io.export_register(db, out, as_at=date(2026, 2, 1))
    assert _rows(out)[0]["Residual"] == "16 Very high"
    risks_io.export_register(db, out)
    assert _rows(out)[0]["Residual"] == "4 Low"


def test_mitigation_plan_lists_each_action(db: Database, tmp_path: Path) -> None:
    b = basics(db)
    first = risks.create_risk(db, risk_input(b)).value.id
    risks.create_risk(db, risk_input(b, title="No actions yet", residual_likelihood=1))
    risks.link_action(db, first, b.action_ids[0])
    risks.link_action(db, first, b.action_ids[1])
    out = tmp_path / "plan.xlsx"
    assert risks_io.export_mitigation_plan(db, out) == 3
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header == list(risks_io.PLAN_HEADER)
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [r[6] for r in rows] == ["A1", "A2", None]
    assert rows[0][8] == "Tom Whitcombe"
    assert rows[0][9].date() == date(2026, 9, 1)
    assert rows[0][10] == "Open"
    assert rows[2][7] == "No mitigating action linked yet"
    assert sheet.cell(2, 4).fill.fgColor.rgb.upper().endswith("C0392B")


def test_import_new_and_update_with_aliases(db: Database, tmp_path: Path) -> None:
    b = basics(db)
    risks.create_risk(db, risk_input(b, reference="R01"))
    path = _sheet(
        tmp_path / "in.xlsx",
        [
            [
                "Ref",
                "Description",
                "Risk Owner",
                "Category",
                "Inherent",
                "L",
                "I",
                "Status",
                "Mitigating actions",
                "Last reviewed",
                "Priority",
            ],
            [
                "R01",
                "Too few educational psychologists",
                "helen marsh",
                "Workforce",
                "5x4",
                3,
                4,
                "Open",
                "A1; A2",
                "11/03/2026",
                "P5",
            ],
            [
                None,
                "New risk from the sub-group",
                "Tom Whitcombe",
                "Financial",
                "4 x 4",
                2,
                4,
                "open",
                "",
                None,
                "EHC plans",
            ],
            [],
        ],
    )
    preview = risks_io.preview_import(db, path)
    assert preview.ok, preview.report()
    assert [r.status for r in preview.rows] == [RowStatus.UPDATE, RowStatus.NEW]
    assert len(risks.list_risks(db)) == 1  # a preview writes nothing
    risks_io.import_risks(db, path)
    found = {v.reference: v for v in risks.list_risks(db)}
    assert set(found) == {"R01", "R02"}
    assert found["R01"].residual.score == 12
    assert found["R01"].category == "Workforce"
    assert [a.reference for a in found["R01"].actions] == ["A1", "A2"]
    assert found["R02"].owner == "Tom Whitcombe"
    assert found["R02"].priority_area == "P5"
    history = risks.history(db, found["R01"].id)
    assert [(h.reviewed_on, h.residual.score) for h in history] == [
        (date(2026, 1, 5), 16),
        (date(2026, 3, 11), 12),
    ]
    # Importing the same file again changes nothing.
    assert {r.status for r in risks_io.preview_import(db, path).rows} == {
        RowStatus.UNCHANGED,
        RowStatus.NEW,
    }


def test_import_is_all_or_nothing_with_row_errors(db: Database, tmp_path: Path) -> None:
    b = basics(db)
    del b
    path = _sheet(
        tmp_path / "bad.xlsx",
        [
            ["Ref", "Risk", "Owner", "Inherent L", "Inherent I", "Residual L", "Residual I"],
            ["R10", "Good row", "Helen Marsh", 4, 4, 3, 3],
            ["R11", "Unknown owner", "Nobody Known", 4, 4, 3, 3],
            ["R12", "Worse after controls", "Helen Marsh", 2, 2, 4, 4],
            ["R13", "Out of range", "Helen Marsh", 7, 4, 3, 3],
            ["R10", "Duplicate", "Helen Marsh", 4, 4, 3, 3],
        ],
        title=None,
    )
    with pytest.raises(ImportRejected) as err:
        risks_io.import_risks(db, path)
    preview = err.value.preview
    messages = {f.row: " ".join(f.messages) for f in preview.errors}
    assert set(messages) == {3, 4, 5, 6}
    assert "Nobody Known" in messages[3]
    assert "cannot be higher than the inherent" in messages[4]
    assert "1 to 5" in messages[5]
    assert "also on row 2" in messages[6]
    assert risks.list_risks(db) == []
    assert "row 3 (R11)" in str(err.value)


def test_export_then_import_round_trip(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    risks_io.export_register(demo_db, out)
    preview = risks_io.preview_import(demo_db, out)
    assert preview.ok, preview.report()
    assert preview.unmapped_columns == ()
    assert {r.status for r in preview.rows} == {RowStatus.UNCHANGED}


@time_machine.travel(datetime(2026, 11, 23, 12, 0, tzinfo=UTC), tick=False)
def test_a_target_period_means_its_end_and_a_new_review_date_is_a_new_review(
    db: Database, tmp_path: Path
) -> None:
    b = basics(db)
    risks.create_risk(db, risk_input(b, reference="R01"))
    reviews = len(risks.history(db, risks.list_risks(db)[0].id))
    header = ["Ref", "Risk", "Owner", "Inherent", "Residual", "Target date", "Last reviewed"]
    path = _sheet(
        tmp_path / "in.xlsx",
        [
            header,
            ["R01", "Too few EPs", "Helen Marsh", "5x4", "4x4", "Q4 2026/27", "11/11/2026"],
            [None, "Tribunal costs", "Helen Marsh", "4x4", "3x3", "Summer term 2027", None],
        ],
    )
    preview = risks_io.preview_import(db, path)
    assert preview.ok, preview.report()
    assert [(r.status, r.messages) for r in preview.rows] == [
        (RowStatus.UPDATE, ("Target date: Q4 2026/27 read as 31 March 2027",)),
        (RowStatus.NEW, ("Target date: Summer term 2027 read as 31 July 2027",)),
    ]
    risks_io.import_risks(db, path)
    found = {v.reference: v for v in risks.list_risks(db)}
    assert found["R01"].target_date == date(2027, 3, 31)
    assert found["R02"].target_date == date(2027, 7, 31)
    history = risks.history(db, found["R01"].id)
    assert len(history) == reviews + 1  # the same scores, reviewed again at a new date
    assert (history[-1].reviewed_on, history[-1].residual.score) == (date(2026, 11, 11), 16)
    again = risks_io.preview_import(db, path).rows
    assert [r.status for r in again] == [RowStatus.UNCHANGED, RowStatus.NEW]  # R02 has no ref


def test_a_formula_never_calculated_rejects_the_register(db: Database, tmp_path: Path) -> None:
    basics(db)
    path = _sheet(
        tmp_path / "formula.xlsx",
        [
            ["Ref", "Risk", "Owner", "Residual L", "Residual I", "Residual", "Inherent"],
            ["R10", "Good row", "Helen Marsh", 3, 3, "=D2*E2", "4x4"],
        ],
        title=None,
    )
    with pytest.raises(ImportRejected) as err:
        risks_io.import_risks(db, path)
    (finding,) = err.value.preview.rows
    assert finding.status is RowStatus.ERROR
    assert finding.messages == (
        "Sheet 'Sheet' cell F2 holds a formula with no saved value; "
        "open and save the file in Excel first",
    )
    assert risks.list_risks(db) == []
