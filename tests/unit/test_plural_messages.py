"""Counts read as English in every message: "1 update", "2 updates", "1 person", "3 people"."""

from __future__ import annotations

import ast
import re
from datetime import UTC, date
from pathlib import Path

from sendboard.domain.stocktake.judgement import _count
from sendboard.domain.wording import counted
from sendboard.services.common.imports import ImportPreview, RowFinding, RowStatus
from sendboard.services.measures.values import EntryResult

ROOT = Path(__file__).resolve().parents[2]


def test_counted_words() -> None:
    assert counted(1, "person") == "1 person"
    assert counted(3, "person") == "3 people"
    assert counted(1, "entry") == "1 entry"
    assert counted(2, "entry") == "2 entries"
    assert counted(0, "update") == "0 updates"


def test_import_summary_counts_one_row() -> None:
    preview = ImportPreview("people.csv", (RowFinding(2, "a@b.org", RowStatus.NEW),))
    assert preview.summary().startswith("people.csv: 1 row, 1 new")


def test_measure_entry_summary_counts_one_value() -> None:
    assert EntryResult(added=1, corrected=1).summary == "1 new value, 1 correction, 0 unchanged"
    assert EntryResult(added=2).summary.startswith("2 new values, 0 corrections")


def test_stocktake_count_agrees_with_its_verb() -> None:
    assert _count(1, "requirement") == "1 requirement is"
    assert _count(4, "requirement") == "4 requirements are"


def test_meeting_days_read_in_the_singular_for_one() -> None:
    from ui.common.meeting_rows import relative_days

    today = date(2026, 12, 6)
    assert relative_days(date(2026, 12, 8), today) == "in 2 days"
    assert relative_days(date(2026, 12, 1), today) == "5 days ago"
    assert relative_days(date(2026, 12, 7), today) == "tomorrow"


#: Hand-made plurals that miss "1 …" (`{n} item{'s' if n != 1 else ''}`, `… else f"{n} {w}s"`).
HAND_MADE = re.compile(r"""\{'s' if|\{"s" if|\("" if \w+ == 1 else "s"\)|\{\w+\} \{\w+\}s\"""")


def test_no_hand_made_plurals_in_the_window_or_the_core() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("sendboard", "ui")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HAND_MADE.search(line)
    ]
    assert not found


#: Words ending in "s" that follow a value but are not a plural noun counted by it.
NOT_COUNTED_NOUNS = frozenset(
    [
        "is",
        "has",
        "was",
        "does",
        "as",
        "appears",
        "contains",
        "holds",
        "starts",
        "ends",
        "falls",
        "uses",
        "sits",
        "answers",
        "asks",
        "oversees",
        "needs",
    ]
)
#: Values followed by a plural that is right whatever they hold: constants and fixed lists above
#: one, and text that is not a count (`{kind} recipients` in AppleScript, "PDF files").
ALWAYS_PLURAL = frozenset(
    {
        ("LONGEST", "characters"),
        ("LONGEST * 2", "characters"),
        ("months", "months"),  # the 3, 6, 12 and 24-month target boxes
        ("m", "months"),  # the same months, as column headings to recognise
        ("kind", "recipients"),
        ("kind", "files"),
        ("rows", "errors"),  # "1 row has errors", "2 rows have errors"
    }
)
_COUNTED_WORD = re.compile(r" ([a-z]+)\b")


def counted_by_hand(source: str) -> list[tuple[int, str]]:
    """f-string parts like `{len(found)} backups` or `{n} people`: a value then a plural noun."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.JoinedStr):
            continue
        for value, text in zip(node.values, node.values[1:], strict=False):
            if not (isinstance(value, ast.FormattedValue) and isinstance(text, ast.Constant)):
                continue
            match = _COUNTED_WORD.match(str(text.value))
            if match is None:
                continue
            word, expression = match.group(1), ast.unparse(value.value)
            plural = word.endswith("s") or word in ("people", "children")
            if not plural or word in NOT_COUNTED_NOUNS or (expression, word) in ALWAYS_PLURAL:
                continue
            found.append((node.lineno, f"{{{expression}}} {word}"))
    return found


def test_the_scan_finds_a_count_put_before_a_plural_by_hand() -> None:
    assert counted_by_hand('f"{len(found)} backups, newest first."') == [
        (1, "{len(found)} backups")
    ]
    assert counted_by_hand('f"{n} of {m} entries"') == [(1, "{m} entries")]
    assert counted_by_hand('f"has {count} values entered"') == [(1, "{count} values")]
    assert counted_by_hand('f"{n} people"') == [(1, "{n} people")]
    assert counted_by_hand("f\"{name} is here; {counted(n, 'backup')} kept\"") == []
    assert counted_by_hand('f"{LONGEST} characters"') == []


def test_no_count_is_followed_by_a_plural_written_by_hand() -> None:
    """ "1 backups": every count in an f-string goes through `counted()` or `plural_word()`."""
    found = [
        f"{path.relative_to(ROOT)}:{line} {text}"
        for folder in ("sendboard", "ui")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for line, text in counted_by_hand(path.read_text(encoding="utf-8"))
    ]
    assert not found


def test_dates_read_one_way_per_kind_of_place() -> None:
    from datetime import datetime

    from sendboard.domain.wording import entry_date, prose_date, table_date, table_time

    day = date(2026, 12, 9)
    assert table_date(day) == "Wed 9 Dec 2026"
    assert prose_date(day) == "9 December 2026"
    assert prose_date(day, weekday=True) == "Wednesday 9 December 2026"
    assert entry_date(day) == "09/12/2026"
    assert table_date(None) == prose_date(None) == entry_date(None) == ""
    assert table_time(datetime(2026, 12, 9, 15, 5)) == "Wed 9 Dec 2026 15:05"
    assert table_time(datetime(2026, 12, 9, 15, 5, tzinfo=UTC)).startswith("Wed 9 Dec")


#: A day, weekday or month spelt out with strftime ("%a", "%b %Y", "%d/%m"), which also follows
#: the computer's language; dates in file names (`%Y-%m-%d`) are not shown as dates.
OWN_DATE_STYLE = re.compile(r"%[aAbBd]")


def test_window_tables_and_notes_use_the_shared_date_styles() -> None:
    """No window code spells out its own date format ("06/12/2026" beside "Wed 9 Dec")."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OWN_DATE_STYLE.search(line.replace("%Y-%m-%d", ""))
    ]
    assert not found


def own_display_formats(source: str) -> list[tuple[int, str]]:
    """`setDisplayFormat("d MMM yyyy")`: a date field given a format of its own."""
    return [
        (node.lineno, node.args[0].value)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "setDisplayFormat"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and re.search(r"[dMy]", str(node.args[0].value))
    ]


def test_every_date_field_shows_the_one_entry_style() -> None:
    """Every editable date reads "09/12/2026", not "Wed 9 Dec 2026" in one form and "9 Dec 2026"
    in the next: date fields take `ENTRY_DATE_FORMAT`, times alone may say "HH:mm"."""
    assert own_display_formats('edit.setDisplayFormat("ddd d MMM yyyy")') == [(1, "ddd d MMM yyyy")]
    assert own_display_formats('edit.setDisplayFormat("HH:mm")') == []
    assert own_display_formats("edit.setDisplayFormat(ENTRY_DATE_FORMAT)") == []
    found = [
        f"{path.relative_to(ROOT)}:{line} {text}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for line, text in own_display_formats(path.read_text(encoding="utf-8"))
    ]
    assert not found


def test_the_entry_format_reads_as_the_entry_date() -> None:
    from PySide6.QtCore import QDate

    from sendboard.domain.wording import ENTRY_DATE_FORMAT, entry_date, short_date

    for day in (date(2026, 12, 9), date(2027, 3, 1)):
        assert QDate(day).toString(ENTRY_DATE_FORMAT) == entry_date(day)
    assert short_date(date(2026, 12, 9)) == "Wed 9 Dec"
