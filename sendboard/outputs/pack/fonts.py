"""The pack's embedded font: DejaVu Sans covers the names board members actually have (Siân, Zoë,
Łukasz), where reportlab's built-in Helvetica would drop the letters."""

from __future__ import annotations

import threading
from typing import Any

from reportlab.graphics import shapes
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import tables

from sendboard.resources import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the family once per process (safe to call from any thread)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource(f"fonts/{file}"))))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        # Table cells and drawings start in reportlab's Helvetica, which a PDF names but never
        # embeds, even when every word in them is set in DejaVu: start them in DejaVu instead.
        tables.CellStyle.fontname = REGULAR
        shapes.STATE_DEFAULTS["fontName"] = REGULAR
        _registered = True


class EmbeddedFontCanvas(Canvas):
    """A canvas whose pages start in the embedded font: reportlab's default start font is
    Helvetica, which a PDF only names and never embeds."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register_fonts()
        kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10
        super().__init__(*args, **kwargs)
