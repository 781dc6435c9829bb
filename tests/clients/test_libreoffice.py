"""The demo's spreadsheets and Word documents opened by LibreOffice headless: converted to PDF
and CSV, printed on A4 with no text over other text, the key text where it belongs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sendboard.cli import main
from sendboard.services import minutes as mins
from sendboard.services.common.workspace import Database
from tests.clients.office import CSV_UTF8, PDFTOTEXT, SOFFICE, convert, overlapping_words
from tests.pg_server import target

pytestmark = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None, reason="LibreOffice or poppler is not installed"
)

A4 = (595, 842)
SHEETS = {
    "actions.xlsx": ["actions", "export"],
    "risks.xlsx": ["risks", "export"],
    "compliance.xlsx": ["compliance", "--board", "SEND Improvement Board"],
    "measures.xlsx": ["measures", "export"],
}


def page_sizes(pdf: Path) -> set[tuple[int, int]]:
    return {
        tuple(sorted((round(float(p.mediabox.width)), round(float(p.mediabox.height)))))
        for p in PdfReader(pdf).pages
    }


def pdf_text(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())


@pytest.fixture
def demo_files(demo_db: Database, tmp_path: Path) -> Path:
    out = tmp_path / "written"
    out.mkdir()
    db = target(demo_db)
    for name, command in SHEETS.items():
        assert main([*command, "--db", db, "--out", str(out / name)]) == 0
    held = [
        r
        for r in mins.list_minutes_meetings(demo_db)
        if r.board_name == "SEND Improvement Board" and r.status and "stocktake" not in r.label
    ]
    meeting = str(held[0].meeting_id)
    assert (
        main(
            [
                "minutes",
                "export",
                "--db",
                db,
                "--meeting",
                meeting,
                "--out",
                str(out / "minutes.docx"),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "stocktake",
                "--db",
                db,
                "--meeting",
                "next",
                "--out",
                str(out / "self-assessment.docx"),
            ]
        )
        == 0
    )
    return out


def test_libreoffice_reads_every_spreadsheet_as_written(demo_files: Path, tmp_path: Path) -> None:
    sheets = [demo_files / name for name in SHEETS]
    converted = convert(sheets, CSV_UTF8, tmp_path / "csv", tmp_path / "lo-profile")
    for sheet, csv_file in zip(sheets, converted, strict=True):
        with csv_file.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        written = list(load_workbook(sheet, read_only=True).active.iter_rows(values_only=True))
        assert rows[0] == list(written[0]), sheet.name
        assert len(rows) == len(written), sheet.name
        texts = [[v for v in row if isinstance(v, str) and v] for row in written[1:]]
        for row, text in zip(rows[1:], texts, strict=True):
            assert set(text) <= set(row), (sheet.name, text, row)


def test_spreadsheets_print_on_a4_with_no_text_over_text(demo_files: Path, tmp_path: Path) -> None:
    sheets = [demo_files / name for name in SHEETS]
    converted = convert(sheets, "pdf", tmp_path / "pdf", tmp_path / "lo-profile")
    for sheet, pdf in zip(sheets, converted, strict=True):
        assert page_sizes(pdf) == {A4}, sheet.name
        header = next(load_workbook(sheet, read_only=True).active.iter_rows(values_only=True))
        assert str(header[0]) in pdf_text(pdf), sheet.name
        assert overlapping_words(pdf) == [], sheet.name


def test_word_documents_convert_on_a4_with_their_text(demo_files: Path, tmp_path: Path) -> None:
    documents = [demo_files / "minutes.docx", demo_files / "self-assessment.docx"]
    minutes, assessment = convert(documents, "pdf", tmp_path / "pdf", tmp_path / "lo-profile")
    assert page_sizes(minutes) == {A4}
    assert "Minutes of the SEND Improvement Board" in pdf_text(minutes)
    assert page_sizes(assessment) == {A4}
    assert "Kingsmere Borough Council: self- assessment for the DfE stocktake" in pdf_text(
        assessment
    )
    for pdf in (minutes, assessment):
        assert overlapping_words(pdf) == [], pdf.name
