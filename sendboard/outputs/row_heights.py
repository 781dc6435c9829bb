"""Row heights for wrapped text in a written sheet.

A row with no stored height keeps one line's height in LibreOffice (which does not re-fit rows
when it opens an .xlsx), so wrapped text is printed over the rows below. Each row is given the
height of its tallest cell, estimated from the text and the column's width (in characters), a
little generously so that a wider fallback font still fits.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

LINE_POINTS = 15.0  # one line of 11 pt text
MOST_POINTS = 409.0  # the tallest row a spreadsheet allows
#: Characters of ordinary text per unit of column width, allowing for a wider font than Calibri.
FILL = 0.8


def lines_needed(text: str, width: float, bold: bool = False) -> int:
    """Lines a wrapped cell of this column width needs for the text."""
    per_line = max(1, math.floor((width - 1) * (FILL - (0.07 if bold else 0))))
    return sum(
        max(1, len(textwrap.wrap(part, per_line, break_long_words=True)))
        for part in text.split("\n")
    )


def fit_rows(sheet: Any) -> None:
    """Give every row with wrapped text the height its tallest cell needs."""
    from openpyxl.utils import get_column_letter

    widths: dict[int, float] = {}
    for row in sheet.iter_rows():
        lines = 1
        for cell in row:
            if cell.value is None or not cell.alignment.wrap_text:
                continue
            column = cell.column
            if column not in widths:
                widths[column] = sheet.column_dimensions[get_column_letter(column)].width or 8.43
            lines = max(lines, lines_needed(str(cell.value), widths[column], bool(cell.font.b)))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = min(MOST_POINTS, lines * LINE_POINTS)
