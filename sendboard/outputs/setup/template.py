"""The blank setup workbook: instructions first, then one sheet per kind of record, each with an
example row (in grey) showing what a cell holds, and drop-down lists where the choices are fixed.

The example rows import cleanly as they stand, so a secretary can try the import before typing
her own; the instructions say to replace them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sendboard import clock
from sendboard.errors import SendboardError
from sendboard.outputs.setup.layout import (
    BOARDS,
    INSTRUCTIONS,
    MEMBERSHIPS,
    PEOPLE,
    PRIORITY_AREAS,
    SECRETARY,
    SHEETS,
    SheetLayout,
)
from sendboard.outputs.written import workbook_bytes, write_whole

#: Enough rows for the largest board structure; drop-downs and date formats cover these.
FORM_ROWS = 500


def example_rows(today: date) -> dict[str, list[tuple[Any, ...]]]:
    """One example row per sheet, dated from `today` (the first meeting next month)."""
    first = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    board = "Example SEND Improvement Board"
    email = "sam.example@council.example.gov.uk"
    return {
        BOARDS.name: [
            (
                board,
                "SEND IB",
                "",
                "improvement board",
                "monthly, second Wednesday, 14:00–16:00",
                first,
                "Town Hall, Committee Room 1",
                "",
            )
        ],
        PEOPLE.name: [
            ("Sam Example", email, "Example Council", "Director of Children's Services", "")
        ],
        MEMBERSHIPS.name: [(board, email, "member", "yes", None, None)],
        PRIORITY_AREAS.name: [("PA1", "Early identification of need", email, board)],
        SECRETARY.name: [("Your Name", "your.name@council.example.gov.uk", "Example Council")],
    }


def _instructions(sheet: Any) -> None:
    from openpyxl.styles import Alignment, Font

    lines: list[tuple[str, bool]] = [
        ("Setting up sendboard from this workbook", True),
        ("", False),
        (
            "Fill in one sheet for each kind of record, replacing the example row (in grey) "
            "on each. Keep the headings in the first row. Leave a sheet empty if you have "
            "nothing for it yet.",
            False,
        ),
        (
            "Then import it: in sendboard, Home → Import a setup workbook…, or on the command "
            "line: sendboard setup import FILE.xlsx --dry-run (to check), then without --dry-run.",
            False,
        ),
        (
            "Every row is checked first; if any row has a problem, nothing is imported and the "
            "sheet and row are named, so you can correct the file and import it again. "
            "Importing the same file twice changes nothing: people are matched by email and "
            "boards by name, and updated.",
            False,
        ),
        (
            "The Improvement Notice requires the DfE SEND adviser, the NHS England adviser and "
            "the DfE case lead to be invited to every Improvement Board meeting: put all three "
            "on the People sheet with their Statutory role.",
            False,
        ),
        (
            "A board with a Cadence gets a year of meetings scheduled from its 'First meeting "
            "on or after' date; bank holidays move to the next working day.",
            False,
        ),
    ]
    for layout in SHEETS:
        lines.append(("", False))
        lines.append((f"{layout.name}: {layout.purpose}", True))
        lines.extend((f"    {c.heading}: {c.note}", False) for c in layout.columns)
    for number, (text, bold) in enumerate(lines, start=1):
        cell = sheet.cell(row=number, column=1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            cell.font = Font(bold=True, size=14 if number == 1 else 11)
    sheet.column_dimensions["A"].width = 110


def _form(sheet: Any, layout: SheetLayout, rows: list[tuple[Any, ...]]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet.append(list(layout.headings))
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F3864")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    grey = Font(italic=True, color="666666")
    for row in rows:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            cell.font = grey
    for index, column in enumerate(layout.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        if column.choices:
            check = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=False,  # a drop-down offered, other words still read
            )
            check.add(f"{letter}2:{letter}{FORM_ROWS}")
            sheet.add_data_validation(check)
        if column.field in ("first", "from", "to"):
            for number in range(2, FORM_ROWS + 1):
                sheet[f"{letter}{number}"].number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"


def write_template(path: Path, today: date | None = None) -> Path:
    """Write the blank setup workbook to `path` (.xlsx); returns the path written."""
    from openpyxl import Workbook

    if path.suffix.lower() != ".xlsx":
        raise SendboardError(f"{path.name}: the setup workbook is an Excel file; end it in .xlsx.")
    examples = example_rows(today or clock.today())
    workbook = Workbook()
    _instructions(workbook.active)
    workbook.active.title = INSTRUCTIONS
    for layout in SHEETS:
        _form(workbook.create_sheet(layout.name), layout, examples[layout.name])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, workbook_bytes(workbook))
    except OSError as exc:
        raise SendboardError(f"{path} could not be written ({exc.strerror or exc}).") from exc
    return path
