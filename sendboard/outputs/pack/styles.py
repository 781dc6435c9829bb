"""Paragraph and table styles shared by every part of the pack."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from sendboard.outputs.pack.fonts import BOLD, ITALIC, REGULAR, register_fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1f3a5f")
RULE = colors.HexColor("#b8c2cc")
HEADER_FILL = colors.HexColor("#dfe6ee")
STRIPE = colors.HexColor("#f4f6f8")
WARNING = colors.HexColor("#a31515")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_centre: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    notice: ParagraphStyle
    contents: ParagraphStyle
    contents_sub: ParagraphStyle
    page_ref: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13.5, textColor=INK)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    section = {"fontName": BOLD, "textColor": ACCENT}
    heading = {**section, "keepWithNext": 1}
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=BOLD, textColor=ACCENT),
        cell_centre=ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER),
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=24, leading=30, textColor=ACCENT
        ),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=14, leading=19),
        h1=ParagraphStyle("h1", parent=body, fontSize=16, leading=21, spaceAfter=4, **heading),
        # Section headings inside a part are guarded by CondPageBreak instead of keepWithNext,
        # so a long table may start under its heading rather than leave a blank half page.
        h2=ParagraphStyle(
            "h2", parent=body, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4, **section
        ),
        h3=ParagraphStyle(
            "h3", parent=body, fontSize=10, leading=13, spaceBefore=6, spaceAfter=3, **section
        ),
        notice=ParagraphStyle(
            "notice", parent=body, fontName=BOLD, fontSize=12, leading=16, textColor=WARNING
        ),
        contents=ParagraphStyle("contents", parent=body, fontSize=10.5, leading=14),
        contents_sub=ParagraphStyle(
            "contents_sub", parent=body, fontSize=9.5, leading=12.5, leftIndent=14
        ),
        page_ref=ParagraphStyle("page_ref", parent=body, alignment=TA_RIGHT),
    )


def grid_style(*extra: tuple, header_rows: int = 1, stripes: bool = True) -> TableStyle:
    """The house table: tinted header row, light rules, optional zebra stripes."""
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ]
    if stripes:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [None, STRIPE]))
    commands.extend(extra)
    return TableStyle(commands)


__all__ = ["ITALIC", "Styles", "grid_style", "make_styles"]
