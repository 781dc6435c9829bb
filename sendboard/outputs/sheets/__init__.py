"""The spreadsheets secretaries already keep (CSV and .xlsx): reading them, with their dates
and periods, and writing them, neutralising formula injection and formatting .xlsx for print."""

from sendboard.outputs.sheets.cells import runnable, safe_text
from sendboard.outputs.sheets.dates import parse_date, parse_due_date
from sendboard.outputs.sheets.reading import (
    Sheet,
    SheetRow,
    UnsavedFormula,
    heading_key,
    read_sheet,
    sheet_names,
)
from sendboard.outputs.sheets.writing import Fill, write_csv, write_xlsx

__all__ = [
    "Fill",
    "Sheet",
    "SheetRow",
    "UnsavedFormula",
    "heading_key",
    "parse_date",
    "parse_due_date",
    "read_sheet",
    "runnable",
    "safe_text",
    "sheet_names",
    "write_csv",
    "write_xlsx",
]
