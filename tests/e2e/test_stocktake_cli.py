"""`sendboard notice|requirements …`, `sendboard engagement …` and `sendboard stocktake`."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from sendboard.cli import main
from sendboard.services.common.workspace import Database
from tests.pg_server import target

NOTICES = Path(__file__).parents[1] / "unit" / "notices"


def test_requirements_from_a_real_notice(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = target(db)
    db.close()
    notice = str(NOTICES / "halton-2024.txt")
    assert main(["requirements", "import", notice, "--dry-run", "--db", where]) == 0
    out = capsys.readouterr().out
    assert "Notice to Halton Borough Council, issued 21/03/2024" in out
    assert "  9d.II    A dashboard of performance measures" in out
    assert "  4e       the Improvement Board should maintain" in out
    assert "Dry run: nothing was saved." in out
    assert main(["notice", "import", notice, "--db", where]) == 0
    assert main(["notice", "show", "--db", where]) == 0
    assert "3i       R improve the pace" in capsys.readouterr().out
    sheet = tmp_path / "coverage.xlsx"
    assert main(["requirements", "export", "--out", str(sheet), "--db", where]) == 0
    rows = list(load_workbook(sheet).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 38 and rows[-1][0] == "13"


def test_engagement_and_stocktake_on_the_demo(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = target(demo_db)
    demo_db.close()
    sheet = tmp_path / "engagement.xlsx"
    assert main(["engagement", "export", "--out", str(sheet), "--db", where]) == 0
    assert main(["engagement", "import", str(sheet), "--dry-run", "--db", where]) == 0
    assert "12 rows, 0 new, 0 to update, 12 unchanged" in capsys.readouterr().out
    out = tmp_path / "self-assessment.docx"
    assert main(["stocktake", "--meeting", "next", "--out", str(out), "--db", where]) == 0
    assert "Self-assessment written to" in capsys.readouterr().out
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Summary", "Assessment by requirement", "Evidence appendix"]
    assert main(["stocktake", "--meeting", "1", "--out", str(out), "--db", where]) == 1
    assert "not a DfE stocktake meeting" in capsys.readouterr().err


def test_evidence_for_a_requirement_and_the_issued_stocktake_pack(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sendboard.services import packs, stocktake

    where = target(demo_db)
    survey = tmp_path / "survey.pdf"
    survey.write_bytes(b"%PDF-1.4 survey")
    args = ["notice", "evidence", "2H", "Alternative provision audit", "--file", str(survey)]
    assert main([*args, "--note", "All 14 settings visited", "--db", where]) == 0
    added = "Evidence added to 2h with survey.pdf: 1 piece of evidence in all."
    assert added in capsys.readouterr().out
    row = next(r for r in stocktake.coverage(demo_db) if r.reference == "2h")
    assert row.evidence == ("Alternative provision audit",)
    assert main(["notice", "evidence", "9z", "Nothing", "--db", where]) == 1
    assert "no requirement 9z" in capsys.readouterr().err

    meeting_id = stocktake.next_stocktake(demo_db)
    assert packs.list_packs(demo_db, meeting_id) == []
    out = tmp_path / "stocktake.pdf"
    assert main(["stocktake", "--out", str(out), "--db", where]) == 0
    printed = capsys.readouterr().out
    (issued,) = packs.list_packs(demo_db, meeting_id)
    assert f"issued: {issued.pages} pages, sha256 {issued.sha256}" in printed
    assert packs.pack_file(demo_db, issued.id) == out


def test_notice_show_lists_what_answers_each_requirement_as_the_export_does(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv

    where = target(demo_db)
    demo_db.close()
    args = ["notice", "evidence", "2a", "Partnership governance review", "--db", where]
    assert main(args) == 0
    sheet = tmp_path / "coverage.csv"
    assert main(["notice", "export", "--out", str(sheet), "--db", where]) == 0
    capsys.readouterr()
    assert main(["notice", "show", "--db", where]) == 0
    out = capsys.readouterr().out
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    blocks = {}
    for line in out.splitlines()[1:]:
        if line[:1].strip():
            current = blocks.setdefault(line.split()[0], [])
        else:
            current.append(line.strip())
    shown = {"risks": 0, "evidence": 0, "co-production": 0}
    for row in rows:
        for column, label in ((4, "actions"), (5, "measures"), (6, "risks"), (7, "evidence")):
            if row[column]:
                assert f"{label}: {row[column]}" in blocks[row[0]], (row[0], label)
                shown[label] = shown.get(label, 0) + 1
        if row[8]:
            assert f"co-production: {row[8]}" in blocks[row[0]], row[0]
            shown["co-production"] += 1
    assert all(shown.values()), shown
    assert "evidence: Partnership governance review" in blocks["2a"]
    # events in the order they were held
    for lines in blocks.values():
        for line in lines:
            if line.startswith("co-production: "):
                days = [e[:10] for e in line.removeprefix("co-production: ").split("; ")]
                assert days == sorted(days, key=lambda d: (d[6:], d[3:5], d[:2])), line
