"""Imports say what they will not do: a changed cell that is not applied is a warning or an error
in the preview and the command's output, never silence; impossible dates name their cell."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sendboard import cli
from sendboard.services import actions
from sendboard.services.common.imports import RowStatus
from sendboard.services.risks import io as risks_io
from tests.pg_server import target


def exported(db, tmp_path: Path, kind: str) -> tuple[list[str], list[list[str]]]:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{kind}.csv"
    if kind == "actions":
        actions.export_actions(db, path)
    else:
        risks_io.export_register(db, path)
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    return rows[0], rows[1:]


def edited(tmp_path: Path, head: list[str], rows: list[list[str]], **cells: str) -> Path:
    first = list(rows[0])
    for heading, value in cells.items():
        first[head.index(heading.replace("_", " "))] = value
    path = tmp_path / "edited.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([head, first, *rows[1:]])
    return path


@pytest.mark.parametrize(
    ("cells", "said"),
    [
        ({"Action": ""}, "Action (B2) is blank; the action's wording in the log is kept"),
        ({"Owner": "", "Owner_email": ""}, "The owner is blank; the action keeps its owner"),
        ({"Original_due_date": ""}, "Original due date (K2) is blank; the fixed original due"),
    ],
)
def test_a_blank_cell_on_an_existing_action_is_a_warning_not_silence(
    demo_db, tmp_path: Path, capsys, cells: dict[str, str], said: str
) -> None:
    head, rows = exported(demo_db, tmp_path, "actions")
    path = edited(tmp_path, head, rows, **cells)
    preview = actions.preview_import(demo_db, path)
    first = preview.rows[0]
    assert first.status is RowStatus.UNCHANGED
    assert any(said in w for w in first.warnings)
    assert any(said in m for m in first.messages)  # what the window's preview shows
    assert "1 with cells not applied" in preview.summary()
    assert cli.main(["actions", "import", "--dry-run", "--db", target(demo_db), str(path)]) == 0
    out = capsys.readouterr().out
    assert said in out and "not applied" in out


def test_columns_sendboard_works_out_are_named_as_not_imported(demo_db, tmp_path: Path) -> None:
    head, rows = exported(demo_db, tmp_path, "actions")
    path = edited(tmp_path, head, rows, Highlights="Anything at all")
    preview = actions.preview_import(demo_db, path)
    assert "Owner organisation" in preview.derived_columns
    assert "Highlights" in preview.derived_columns
    assert "changes in them are not imported: Owner organisation, Highlights" in preview.report()


@pytest.mark.parametrize(
    ("heading", "cell"),
    [("Original due date", "K2"), ("Date raised", "J2"), ("Revised due date", "L2")],
)
def test_an_impossible_action_date_is_an_error_naming_its_cell(
    demo_db, tmp_path: Path, heading: str, cell: str
) -> None:
    head, rows = exported(demo_db, tmp_path, "actions")
    path = edited(tmp_path, head, rows, **{heading.replace(" ", "_"): "31/02/2026"})
    finding = actions.preview_import(demo_db, path).rows[0]
    assert finding.status is RowStatus.ERROR
    assert f"{heading} ({cell}): '31/02/2026' is not a date" in finding.messages[0]


def test_an_impossible_risk_date_is_an_error_naming_its_cell(demo_db, tmp_path: Path) -> None:
    head, rows = exported(demo_db, tmp_path, "risks")
    path = edited(tmp_path, head, rows, Target_date="31/02/2026")
    finding = risks_io.preview_import(demo_db, path).rows[0]
    assert finding.status is RowStatus.ERROR
    column = chr(ord("A") + head.index("Target date"))
    assert f"Target date ({column}2): '31/02/2026' is not a date" in finding.messages[0]


def test_an_earlier_last_reviewed_date_on_a_risk_is_a_warning(demo_db, tmp_path, capsys) -> None:
    head, rows = exported(demo_db, tmp_path, "risks")
    path = edited(tmp_path, head, rows, Last_reviewed="01/01/2000")
    preview = risks_io.preview_import(demo_db, path)
    first = preview.rows[0]
    assert first.status is RowStatus.UNCHANGED
    assert any("01/01/2000 is before the latest review" in w for w in first.warnings)
    assert "Appetite" in preview.derived_columns
    assert cli.main(["risks", "import", "--dry-run", "--db", target(demo_db), str(path)]) == 0
    assert "before the latest review" in capsys.readouterr().out


def test_a_blank_status_keeps_a_closed_risk_closed_and_says_so(demo_db, tmp_path: Path) -> None:
    head, rows = exported(demo_db, tmp_path, "risks")
    closed = edited(tmp_path, head, rows, Status="Closed")
    risks_io.import_risks(demo_db, closed)
    path = edited(tmp_path, head, rows, Status="")
    first = risks_io.preview_import(demo_db, path).rows[0]
    assert first.status is RowStatus.UNCHANGED
    assert any("Status is blank; the risk stays Closed" in w for w in first.warnings)
