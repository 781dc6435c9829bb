"""Reading the spreadsheets secretaries already keep (CSV and .xlsx).

The header row is found (skipping merged title rows and blanks) and its headings are mapped onto
field names through aliases. A formula cell is read as the value Excel saved with it; one never
calculated (a file written by another program and not yet opened in Excel) is a problem on its
row, never a silent blank.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sendboard.domain.periods import MONTH_NAMES
from sendboard.domain.validation import control_character
from sendboard.errors import SendboardError
from sendboard.outputs.sheets.cells import runnable


@dataclass(frozen=True)
class UnsavedFormula:
    """A formula cell with no saved value: what it would show is unknown until Excel saves it."""

    sheet: str
    cell: str  # "F7"

    def __str__(self) -> str:
        return ""

    @property
    def problem(self) -> str:
        return (
            f"Sheet '{self.sheet}' cell {self.cell} holds a formula with no saved value; "
            "open and save the file in Excel first"
        )


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number the user sees in their spreadsheet (1-based)
    values: dict[str, Any]  # field name -> cell value (None for blank)
    problems: tuple[str, ...] = ()  # cells that could not be read; the row must not be imported

    def text(self, field: str) -> str:
        """The field's cell as text, blank as "". A whole number keeps no trailing .0, since
        Excel stores references and phone numbers typed as digits as floats."""
        value = self.values.get(field)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


@dataclass(frozen=True)
class Sheet:
    columns: dict[str, str]  # field name -> heading as written in the file
    unmapped: tuple[str, ...]  # headings nothing recognised
    rows: tuple[SheetRow, ...]
    #: field name -> column position (0 for column A), to name a cell ("F7")
    positions: dict[str, int] = dataclass_field(default_factory=dict)
    #: every heading of the header row, as written
    headings: tuple[str, ...] = ()

    def present(self, names: Sequence[str]) -> tuple[str, ...]:
        """The headings in the file that are one of `names` (compared as aliases are)."""
        wanted = {heading_key(n) for n in names}
        return tuple(h for h in self.headings if heading_key(h) in wanted)

    def cell(self, field: str, row: SheetRow) -> str:
        """Where a field's cell is, as a spreadsheet names it: "F7"."""
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(self.positions.get(field, 0) + 1)}{row.number}"


def heading_key(text: object) -> str:
    return re.sub(r"[^a-z0-9]+", " ", str(text or "").lower()).strip()


#: A required field, or a tuple of fields any one of which will do.
Required = Sequence[str | tuple[str, ...]]


def read_sheet(
    path: Path,
    aliases: Mapping[str, Sequence[str]],
    required: Required,
    sheet: str | None = None,
) -> Sheet:
    """Rows of a CSV or .xlsx file keyed by field name.

    `aliases` maps each field to the headings that mean it (compared case- and punctuation-
    insensitively). The header row is the first row within the first 20 that names every
    required field (or one of each tuple of fields); rows above it (titles) and blank rows are
    skipped. `sheet` names the worksheet of a workbook to read (ignoring case); the first one
    when not given.
    """
    raw = _raw_rows(path, sheet)
    lookup = {heading_key(a): field for field, names in aliases.items() for a in (field, *names)}
    found = _find_header(raw, lookup, required)
    if found is None:
        wanted = ", ".join(r if isinstance(r, str) else " or ".join(r) for r in required)
        where = f"{path.name}, sheet '{sheet}'" if sheet else path.name
        raise SendboardError(
            f"{where}: no header row naming {wanted} was found in the first 20 rows."
        )
    index, mapped = found
    header = raw[index][1]
    columns: dict[str, str] = {}
    positions: dict[str, int] = {}
    for position, field in mapped.items():
        if field not in positions:
            positions[field] = position
            columns[field] = str(header[position]).strip()
    unmapped = tuple(
        str(c).strip() for i, c in enumerate(header) if i not in mapped and str(c or "").strip()
    )
    rows = []
    for number, cells in raw[index + 1 :]:
        unsaved = [cells[p] for p in positions.values() if p < len(cells)]
        problems = tuple(c.problem for c in unsaved if isinstance(c, UnsavedFormula))
        if all(blank(c) for c in cells) and not problems:
            continue
        values = {f: _cell(cells[p]) if p < len(cells) else None for f, p in positions.items()}
        for field, value in values.items():
            code = control_character(value) if isinstance(value, str) else None
            if code:
                raise SendboardError(
                    f"{path.name}: row {number}, column '{columns[field]}' contains a control "
                    f"character ({code}). Nothing was imported; remove it and import again."
                )
        rows.append(SheetRow(number=number, values=values, problems=problems))
    headings = tuple(str(c).strip() for c in header if str(c or "").strip())
    return Sheet(
        columns=columns,
        unmapped=unmapped,
        rows=tuple(rows),
        positions=positions,
        headings=headings,
    )


def _find_header(
    raw: list[tuple[int, list[Any]]], lookup: dict[str, str], required: Required
) -> tuple[int, dict[int, str]] | None:
    for index, (_, cells) in enumerate(raw[:20]):
        mapped = {
            i: lookup[heading_key(c)] for i, c in enumerate(cells) if heading_key(c) in lookup
        }
        named = set(mapped.values())
        if all(({r} if isinstance(r, str) else set(r)) & named for r in required):
            return index, mapped
    return None


def blank(value: Any) -> bool:
    if isinstance(value, UnsavedFormula):
        return True  # counted as a problem where a field is read from it, ignored elsewhere
    return value is None or (isinstance(value, str) and not value.strip())


def _cell(value: Any) -> Any:
    if isinstance(value, UnsavedFormula):
        return None
    if isinstance(value, str):
        value = value.strip()
        if value.startswith("'") and runnable(value[1:]):
            value = value[1:]  # undo safe_text, so exported files import back unchanged
        return value or None
    return value


def sheet_names(path: Path) -> list[str]:
    """The worksheets of a workbook, in order."""
    from openpyxl import load_workbook

    if not path.is_file():
        raise SendboardError(f"{path} does not exist.")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise SendboardError(f"{path.name}: choose an Excel workbook (.xlsx).")
    workbook = _open_xlsx(load_workbook, path, data_only=False)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _raw_rows(path: Path, sheet: str | None = None) -> list[tuple[int, list[Any]]]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise SendboardError(f"{path} does not exist.")
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path, sheet)
    raise SendboardError(f"{path.name}: choose a .csv or .xlsx file.")


def _csv_rows(path: Path) -> list[tuple[int, list[Any]]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = path.read_text(encoding=encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SendboardError(f"{path.name}: the text encoding is not recognised; save as UTF-8.")
    # Only the delimiter is sniffed: the sniffer mistakes apostrophes (names like O'Connell,
    # neutralised formulas like '+44) for the quote character.
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return list(enumerate(rows, start=1))


def _worksheet(workbook: Any, path: Path, name: str | None) -> Any:
    if name is None:
        return workbook.worksheets[0]
    for title in workbook.sheetnames:
        if title.strip().casefold() == name.casefold():
            return workbook[title]
    raise SendboardError(f"{path.name} has no sheet called '{name}'.")


def _xlsx_rows(path: Path, sheet_name: str | None = None) -> list[tuple[int, list[Any]]]:
    """The values of the named sheet (else the first). Formulas are found in a first pass; only
    a file that has any is read a second time for the values Excel saved with them."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    rows: list[tuple[int, list[Any]]] = []
    formulas: dict[tuple[int, int], str | None] = {}  # (row, position) -> number format
    workbook = _open_xlsx(load_workbook, path, data_only=False)
    try:
        sheet = _worksheet(workbook, path, sheet_name)
        title = sheet.title
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            values = []
            for position, cell in enumerate(cells):
                if cell.data_type == "f":
                    formulas[(number, position)] = cell.number_format
                    values.append(None)
                else:
                    values.append(_shown(cell.value, cell.number_format))
            rows.append((number, values))
    finally:
        workbook.close()
    if not formulas:
        return rows
    workbook = _open_xlsx(load_workbook, path, data_only=True)
    try:
        saved = _worksheet(workbook, path, sheet_name).iter_rows()
        for (number, values), cached in zip(rows, saved, strict=False):
            for position in range(len(values)):
                if (number, position) not in formulas or position >= len(cached):
                    continue
                cell = cached[position]
                if cell.value is None and cell.data_type == "n":  # no saved value of any type
                    where = f"{get_column_letter(position + 1)}{number}"
                    values[position] = UnsavedFormula(title, where)
                else:  # a saved value; an empty text result ("") is a blank
                    values[position] = _shown(cell.value, formulas[(number, position)])
    finally:
        workbook.close()
    return rows


def _open_xlsx(load_workbook: Any, path: Path, *, data_only: bool) -> Any:
    try:
        return load_workbook(path, read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise SendboardError(f"{path.name} could not be read as a spreadsheet ({exc}).") from exc


def _shown(value: Any, number_format: str | None) -> Any:
    """A date Excel shows as a month ("May-25", "May 2025") is read as that month, as written."""
    if isinstance(value, datetime | date) and _month_only(number_format or ""):
        return f"{MONTH_NAMES[value.month - 1]} {value.year}"
    return value


def _month_only(number_format: str) -> bool:
    """Whether a date format shows the month and year but no day (nor time)."""
    shown = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format.split(";")[0]).lower()
    return "m" in shown and "y" in shown and not any(c in shown for c in "dhs")
