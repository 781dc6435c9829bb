"""Counts read as English in every message: "1 update", "2 updates", "1 person", "3 people"."""

from __future__ import annotations

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


def test_dates_read_one_way_per_kind_of_place() -> None:
    from datetime import datetime

    from sendboard.domain.wording import entry_date, prose_date, table_date, table_time

    day = date(2026, 12, 9)
    assert table_date(day) == "Wed 9 Dec 2026"
    assert prose_date(day) == "9 December 2026"
    assert entry_date(day) == "09/12/2026"
    assert table_date(None) == prose_date(None) == entry_date(None) == ""
    assert table_time(datetime(2026, 12, 9, 15, 5)) == "Wed 9 Dec 2026 15:05"
    assert table_time(datetime(2026, 12, 9, 15, 5, tzinfo=UTC)).startswith("Wed 9 Dec")


def test_window_tables_and_notes_use_the_shared_date_styles() -> None:
    """No window code spells out its own date format ("06/12/2026" beside "Wed 9 Dec")."""
    own = re.compile(r"%d/%m/%Y|%d %b %Y")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if own.search(line)
    ]
    assert not found
