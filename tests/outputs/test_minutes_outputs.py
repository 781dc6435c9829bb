"""Minutes in Word and PDF, read back with python-docx, pypdf and LibreOffice; the public copy
holds none of an exempt item's minute; the next meeting's pack carries them as a paper."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import time_machine
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from sendboard.domain.minutes import EXEMPT_NOTICE
from sendboard.errors import SendboardError
from sendboard.services import minutes as mins
from sendboard.services import packs
from sendboard.services.common.workspace import Database
from sendboard.services.packs import data as pack_data
from tests.minutes_fixtures import (
    EXEMPT_TEXT,
    NOW,
    OPEN_TEXT,
    TODAY,
    Board1,
    add_stocktake,
    make_board,
)

EXEMPT_DECISION = "To award the placements contract to Northfield Care."


@pytest.fixture
def board(db: Database) -> Board1:
    made = make_board(db)
    mins.open_minutes(db, made.first, today=TODAY)
    mins.save_section(db, made.first, made.items["strategy"], OPEN_TEXT + "\nSecond paragraph.")
    mins.save_section(db, made.first, made.items["contract"], EXEMPT_TEXT)
    mins.save_section(db, made.first, None, "P1.01 was reported complete.")
    mins.add_decision(db, made.first, made.items["strategy"], "To adopt the strategy.")
    mins.add_decision(db, made.first, made.items["strategy"], "To consult parents in March.")
    mins.add_decision(db, made.first, made.items["contract"], EXEMPT_DECISION)
    for title in ("Publish the strategy", "Brief the Parent Carer Forum"):
        mins.add_action_arising(
            db,
            made.first,
            made.items["strategy"],
            mins.ActionArisingInput(title, made.people["Tom"], date(2027, 4, 30), made.area_id),
        )
    mins.add_declaration(
        db,
        made.first,
        mins.DeclarationInput(
            "Tom Whitcombe",
            "Trustee of Northfield Care Trust",
            agenda_item_id=made.items["strategy"],
        ),
    )
    return made


def _text(document) -> str:  # type: ignore[no-untyped-def]
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    parts += [p.text for s in document.sections for p in s.header.paragraphs]
    return "\n".join(parts)


def test_word_minutes_use_real_styles_tables_and_properties(
    db: Database, board: Board1, tmp_path: Path
) -> None:
    out = mins.export_minutes(db, board.first, tmp_path / "minutes.docx")
    document = Document(str(out))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", "Minutes of the SEND Improvement Board")
    assert ("Heading 1", "Attendance") in styles
    assert ("Heading 1", "4. SEND sufficiency strategy") in styles
    assert ("Heading 2", "Resolved") in styles
    numbered = [t for s, t in styles if s == "List Number"]
    assert numbered == [
        "IB/2027/1: To adopt the strategy.",
        "IB/2027/2: To consult parents in March.",
        f"IB/2027/3: {EXEMPT_DECISION}",
    ]
    assert ("Normal", "Second paragraph.") in styles
    assert (
        "Heading 1",
        "5. Independent placements: contract award (exempt: not for publication)",
    ) in styles
    assert ("Heading 2", "Matters arising") in styles
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["Name", "Organisation", "Role"] in headers
    assert ["Ref", "Action", "Owner", "Due", "Priority area"] in headers
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    actions = next(t for t in document.tables if t.rows[0].cells[0].text == "Ref")
    assert [r.cells[1].text for r in actions.rows[1:]] == [
        "Publish the strategy",
        "Brief the Parent Carer Forum",
    ]
    props = document.core_properties
    assert props.title.startswith("Minutes of the SEND Improvement Board, Wednesday 13 January")
    assert props.language == "en-GB"
    assert props.author
    text = _text(document)
    assert EXEMPT_TEXT in text and "Sam Okafor" in text and "Priya Raman" in text
    assert (
        "Quorate" in text
        and "Tom Whitcombe declared an interest: Trustee of Northfield Care Trust." in text
    )


def test_public_copies_leave_out_exempt_items(db: Database, board: Board1, tmp_path: Path) -> None:
    word = mins.export_minutes(db, board.first, tmp_path / "public.docx", public=True)
    text = _text(Document(str(word)))
    pdf = mins.export_minutes(db, board.first, tmp_path / "public.pdf", public=True)
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    for copy in (text, " ".join(pdf_text.split())):
        assert OPEN_TEXT in copy
        for secret in ("Northfield Care 71", EXEMPT_DECISION, "placements: contract award"):
            assert secret not in copy
        assert "Not for publication" in copy
    assert EXEMPT_NOTICE in text
    assert "Public copy" in text
    confidential = mins.export_minutes(db, board.first, tmp_path / "all.pdf")
    full = " ".join("\n".join(p.extract_text() for p in PdfReader(str(confidential)).pages).split())
    assert EXEMPT_TEXT in full and "IB/2027/3" in full


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


def test_word_and_pdf_say_when_the_previous_minutes_were_agreed(
    db: Database, board: Board1, tmp_path: Path
) -> None:
    with time_machine.travel(NOW):
        mins.circulate(db, board.first)
        mins.approve(db, board.first, amendments="Item 4: 'places' not 'plans'.")
        mins.open_minutes(db, board.second)
    agreed = (
        "The minutes of the meeting held on 13 January 2027 were agreed as a true record, "
        "with the following amendments: Item 4: 'places' not 'plans'."
    )
    approved = "Approved at the meeting of 10 February 2027, with amendments."
    for meeting, line in ((board.second, agreed), (board.first, approved)):
        word = _text(Document(str(mins.export_minutes(db, meeting, tmp_path / "m.docx"))))
        pdf = _pdf_text(mins.export_minutes(db, meeting, tmp_path / "m.pdf"))
        for copy in (word, pdf):
            assert line in copy
            assert "held on SEND" not in copy and "Approved at SEND" not in copy


def test_pdf_minutes_carry_the_pack_font_and_language(
    db: Database, board: Board1, tmp_path: Path
) -> None:
    pdf = PdfReader(str(mins.export_minutes(db, board.first, tmp_path / "m.pdf")))
    assert pdf.metadata.title.startswith("Minutes of the SEND Improvement Board")
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"
    fonts = {
        str(f["/BaseFont"]).split("+")[-1]
        for page in pdf.pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert "DejaVuSans" in fonts


def test_export_refuses_other_file_types_and_meetings_without_minutes(
    db: Database, board: Board1, tmp_path: Path
) -> None:
    with pytest.raises(SendboardError, match=r"\.docx or \.pdf"):
        mins.export_minutes(db, board.first, tmp_path / "m.txt")
    with pytest.raises(mins.NoMinutes, match="no minutes yet"):
        mins.export_minutes(db, board.second, tmp_path / "m.docx")


def test_next_meetings_pack_carries_the_previous_minutes(
    db: Database, board: Board1, tmp_path: Path
) -> None:
    content = pack_data.gather(db, board.second)
    item = next(i for i in content.items if i.title == "Minutes of the previous meeting")
    assert [p.title for p in item.papers] == [
        "Minutes of SEND Improvement Board, Wed 13 Jan 2027 (draft)"
    ]
    packs.make_pack(db, board.second, tmp_path / "pack.pdf")
    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "pack.pdf")).pages).split()
    )
    assert OPEN_TEXT in text and EXEMPT_TEXT in text
    public = pack_data.gather(db, board.second, public=True)
    paper = next(i for i in public.items if i.title == "Minutes of the previous meeting").papers[0]
    public_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(paper.data)).pages)
    assert OPEN_TEXT.split()[0] in public_text and "Northfield Care 71" not in public_text


def test_a_stocktakes_minutes_come_in_the_next_pack_too(db: Database, board: Board1) -> None:
    stocktake = add_stocktake(db, board)
    mins.open_minutes(db, stocktake, today=TODAY)
    mins.save_section(db, stocktake, None, "The DfE noted the new EHC plan dashboard.")
    content = pack_data.gather(db, board.second)
    item = next(i for i in content.items if i.title == "Minutes of the previous meeting")
    assert [p.title for p in item.papers] == [
        "Minutes of SEND Improvement Board, Wed 13 Jan 2027 (draft)",
        "Minutes of DfE six-monthly stocktake, Wed 27 Jan 2027 (draft)",
    ]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(item.papers[1].data)).pages)
    assert "EHC plan dashboard" in " ".join(text.split())


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_word_minutes(db: Database, board: Board1, tmp_path: Path) -> None:
    out = mins.export_minutes(db, board.first, tmp_path / "minutes.docx")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "converted"),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = PdfReader(str(tmp_path / "converted" / "minutes.pdf"))
    text = " ".join(" ".join(p.extract_text() for p in converted.pages).split())
    assert "Minutes of the SEND Improvement Board" in text
    assert "IB/2027/2" in text and "Publish the strategy" in text
