"""Draw the sendboard icon: SVG, PNG and a multi-size Windows ICO from one set of shapes.

A board paper on a blue tile, with four rows marked Blue, Red, Amber and Green (the BRAG ratings
the board reports in). Run from the repository root after changing the design:

    python packaging/make_icon.py

The files are committed under resources/icons/, so a normal build does not need to run this.
"""

from __future__ import annotations

import os
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
CANVAS = 256
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)


@dataclass(frozen=True)
class Shape:
    """A rounded rectangle (a circle when the radius is half its size) on the 256-unit canvas."""

    x: float
    y: float
    w: float
    h: float
    radius: float
    fill: str


def shapes() -> list[Shape]:
    brag = ("#1F6FD1", "#D32F3F", "#F0A202", "#2E9B4F")
    drawn = [
        Shape(12, 12, 232, 232, 52, "#1B4A7A"),  # tile
        Shape(58, 40, 140, 180, 16, "#FFFFFF"),  # paper
        Shape(100, 28, 56, 26, 9, "#C9D6E3"),  # clip
    ]
    for row, colour in enumerate(brag):
        top = 76 + row * 35
        drawn.append(Shape(76, top, 22, 22, 11, colour))
        drawn.append(Shape(110, top + 6, 68, 10, 5, "#8A9BB0"))
    return drawn


def svg() -> str:
    body = "\n".join(
        f'  <rect x="{s.x}" y="{s.y}" width="{s.w}" height="{s.h}" rx="{s.radius}" '
        f'fill="{s.fill}"/>'
        for s in shapes()
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CANVAS}" height="{CANVAS}" '
        f'viewBox="0 0 {CANVAS} {CANVAS}">\n  <title>sendboard</title>\n{body}\n</svg>\n'
    )


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.scale(size / CANVAS, size / CANVAS)
    for s in shapes():
        painter.setBrush(QColor(s.fill))
        painter.drawRoundedRect(QRectF(s.x, s.y, s.w, s.h), s.radius, s.radius)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file holding each size as an embedded PNG (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "sendboard.svg").write_text(svg(), encoding="utf-8")
    pngs = {size: png_bytes(render(size)) for size in PNG_SIZES}
    (OUT / "sendboard.png").write_bytes(pngs[256])
    (OUT / "sendboard-48.png").write_bytes(pngs[48])
    (OUT / "sendboard.ico").write_bytes(ico(pngs))
    print(f"icons written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
