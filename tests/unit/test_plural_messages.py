"""Counts read as English in every message: "1 update", "2 updates", "1 person", "3 people"."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sendboard.domain.stocktake.judgement import _count
from sendboard.domain.wording import counted
from sendboard.services.imports import ImportPreview, RowFinding, RowStatus
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
    from ui.models.meetings import relative_days

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
