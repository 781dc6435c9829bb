"""Writing spreadsheets: CSV with formula injection neutralised, and .xlsx formatted for print."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from typing import Any

from sendboard.outputs.row_heights import fit_rows
from sendboard.outputs.sheets.cells import printable, runnable, safe_text
from sendboard.outputs.written import workbook_bytes, write_whole


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    handle = io.StringIO(newline="")
    writer = csv.writer(handle)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_value(v) for v in row])
    write_whole(path, handle.getvalue().encode("utf-8-sig"))


def _csv_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return "" if value is None else safe_text(str(value))


@dataclass(frozen=True)
class Fill:
    """A coloured cell: background and text colour as #rrggbb."""

    text: str
    background: str
    foreground: str = "#000000"


def write_xlsx(
    path: Path,
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[int] | None = None,
    footer: Iterable[Sequence[Any]] = (),
) -> None:
    """A formatted sheet: bold header, frozen panes, filters, widths, wrapped text, fills.

    Text is always a text cell, never a formula: text a spreadsheet would run (=, +, -, @) is
    stored as text with the quote-prefix style, so it shows as written and stays text when
    edited. `footer` rows (a summary) go under the rows, outside the filter."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(list(header))
    # The font named, as a font with no name is drawn in a serif face by LibreOffice.
    bold = Font(name="Calibri", size=11, bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F3864")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    top = Alignment(vertical="top", wrap_text=True)

    def append(row: Sequence[Any]) -> None:
        sheet.append([printable(v.text if isinstance(v, Fill) else v) for v in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            cell.alignment = top
            if runnable(value):
                cell.data_type = "s"
                cell.quotePrefix = True
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
            if isinstance(value, time):
                cell.number_format = "HH:MM"
            if isinstance(value, Fill):
                cell.fill = PatternFill("solid", fgColor=value.background.lstrip("#"))
                cell.font = Font(
                    name="Calibri", size=11, bold=True, color=value.foreground.lstrip("#")
                )
                cell.alignment = Alignment(horizontal="center", vertical="top", wrap_text=True)

    for row in rows:
        append(row)
    sheet.auto_filter.ref = sheet.dimensions
    for row in footer:
        append(row)
    for index, heading in enumerate(header, start=1):
        width = widths[index - 1] if widths else max(12, min(50, len(heading) + 4))
        sheet.column_dimensions[get_column_letter(index)].width = width
    fit_rows(sheet)
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0
    write_whole(path, workbook_bytes(workbook))
