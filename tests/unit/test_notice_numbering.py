"""Pasting a real Improvement Notice gives its numbered paragraphs with their references."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sendboard.domain.stocktake.numbering import parse_notice

NOTICES = Path(__file__).parent / "notices"


def _parse(name: str):  # type: ignore[no-untyped-def]
    return parse_notice((NOTICES / name).read_text(encoding="utf-8"))


def test_halton_notice_gives_its_paragraphs_and_references() -> None:
    notice = _parse("halton-2024.txt")
    refs = [p.reference for p in notice.paragraphs]
    assert notice.council == "Halton Borough Council"
    assert notice.issued_on == date(2024, 3, 21)
    assert refs[:3] == ["1", "2", "3"]
    # 3i follows 3h: a letter, not the roman numeral one
    assert [r for r in refs if r.startswith("3")] == ["3", *(f"3{c}" for c in "abcdefghi")]
    assert refs[refs.index("9d") : refs.index("10") + 1] == ["9d", "9d.I", "9d.II", "9d.III", "10"]
    assert refs[-1] == "13" and len(refs) == 38
    by_ref = {p.reference: p for p in notice.paragraphs}
    assert by_ref["4e"].text.startswith("the Improvement Board should maintain an action and")
    assert "dashboard of performance measures" in by_ref["9d.II"].text
    assert by_ref["9d.II"].parent == "9d" and by_ref["9d.II"].level == 3
    assert by_ref["5"].text.endswith("to the Department's case lead.")
    assert by_ref["7"].heading == "Department for Education Stocktake Reviews"
    # a paragraph broken across a page is joined up; the signature is not a paragraph
    assert "Improvement Notice or should the Secretary of State" in by_ref["13"].text
    assert "signature" not in by_ref["13"].text


def test_sefton_notice_keeps_headings_out_of_paragraphs() -> None:
    notice = _parse("sefton-2019.txt")
    by_ref = {p.reference: p for p in notice.paragraphs}
    assert notice.council == "Sefton Council"
    assert notice.issued_on == date(2019, 6, 14)
    assert [r for r in by_ref if r.startswith("3")] == ["3", *(f"3{c}" for c in "abcdefg")]
    assert "health and care services, including the Chief Executive" in by_ref["3b"].text
    assert by_ref["8c"].text == "the quality of feedback from parents and carers."
    assert "Failure to comply" not in by_ref["10"].text
    assert by_ref["11"].heading.startswith("Failure to comply")


def test_wirral_bullets_without_numbers_are_numbered_by_position() -> None:
    notice = _parse("wirral-2024.txt")
    by_ref = {p.reference: p for p in notice.paragraphs}
    assert notice.council == "Wirral Metropolitan Borough Council"
    bullets = [p for p in notice.paragraphs if p.parent == "3"]
    assert [p.reference for p in bullets] == [f"3.{n}" for n in range(1, 11)]
    assert all(p.guessed for p in bullets)
    assert by_ref["3.2"].text.startswith("embed meaningful co-production")
    assert not by_ref["10d.III"].guessed
    assert by_ref["10d.III"].text.startswith("Evidence that key partners")
    assert notice.has_children("10d") and not notice.has_children("6")


def test_bracketed_markers_and_lower_case_roman_numerals() -> None:
    text = (
        "This Improvement Notice is issued to Anytown Council on 2 May 2025.\n"
        "1. The Council must:\n(a) improve plans;\n(b) report on:\n(i) timeliness;\n"
        "(ii) quality;\n(c) consult families.\n2) Reviews every six months.\n"
    )
    notice = parse_notice(text)
    assert [p.reference for p in notice.paragraphs] == ["1", "1a", "1b", "1b.i", "1b.ii", "1c", "2"]
    assert notice.issued_on == date(2025, 5, 2)
