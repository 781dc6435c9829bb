"""Reading and writing the spreadsheets secretaries already keep (CSV and .xlsx).

Reading finds the header row (skipping merged title rows and blanks) and maps its headings onto
field names through aliases; writing neutralises formula injection and formats .xlsx for print.
A formula cell is read as the value Excel saved with it; one never calculated (a file written by
another program and not yet opened in Excel) is a problem on its row, never a silent blank.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sendboard.domain.periods import MONTH_NAMES, period_end
from sendboard.domain.validation import control_character
from sendboard.errors import SendboardError
from sendboard.outputs.row_heights import fit_rows
from sendboard.outputs.written import workbook_bytes, write_whole

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_CONTROL_OUT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


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
        if all(_blank(c) for c in cells) and not problems:
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


def _blank(value: Any) -> bool:
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


def parse_date(value: Any) -> date | None:
    """A date from a cell: a real date, an Excel serial number, or text in UK or ISO order."""
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and 1 < value < 100000:
        return date(1899, 12, 30) + timedelta(days=int(value))
    text = str(value).strip()
    if re.fullmatch(r"\d{4,5}(\.0+)?", text):
        return parse_date(float(text))
    for pattern in (
        "%d/%m/%Y",
        "%d/%m/%y",
        "%Y-%m-%d",
        "%d-%m-%Y",
        "%d.%m.%Y",
        "%d %B %Y",
        "%d %b %Y",
        "%d %B %y",
        "%d %b %y",
        "%B %Y",
        "%b %Y",
    ):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date (use DD/MM/YYYY)")


def parse_due_date(value: Any) -> tuple[date | None, str | None]:
    """A due date, where a period ("May 2025", "Q3 2026/27", "Spring term 2027") means its last
    day (sendboard.domain.periods); with a note saying how a period was read, else None."""
    if isinstance(value, str):
        found = period_end(value)
        if found is not None:
            return found.day, found.note
    try:
        return parse_date(value), None
    except ValueError:
        text = str(value).strip()
        raise ValueError(
            f"'{text}' is not a date (use DD/MM/YYYY, or a month such as May 2025)"
        ) from None


def runnable(value: Any) -> bool:
    """Text a spreadsheet would take for a formula if it were typed in."""
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def _printable(value: Any) -> Any:
    """Control characters stored before they were refused become spaces: no sheet takes them."""
    if isinstance(value, str) and control_character(value):
        return _CONTROL_OUT.sub(" ", value)
    return value


def safe_text(value: Any) -> Any:
    """Neutralise formula injection in CSV: text that a spreadsheet would run gets a quote (an
    .xlsx text cell needs none, see `write_xlsx`). Control characters (which no spreadsheet
    accepts) stored before they were refused become spaces."""
    value = _printable(value)
    if runnable(value):
        return "'" + value
    return value


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
        sheet.append([_printable(v.text if isinstance(v, Fill) else v) for v in row])
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
