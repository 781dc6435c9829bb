"""The application icon: found through the resource resolver, in the sizes desktops ask for."""

from __future__ import annotations

import struct

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from sendboard import resources
from ui.app import app_icon, application

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_window_icon_is_set_from_the_bundled_pngs(qtbot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert QSize(256, 256) in icon.availableSizes()
    assert QSize(48, 48) in icon.availableSizes()
    assert not application().windowIcon().isNull()


def test_windows_icon_holds_every_size_as_png(qtbot) -> None:
    data = resources.resource("icons/sendboard.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _h, _c, _r, _p, _bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        blob = data[offset : offset + length]
        assert blob.startswith(PNG_MAGIC)
        image = QImage.fromData(blob, "PNG")
        assert image.width() == (width or 256)
        sizes.append(image.width())
    assert sizes == [16, 24, 32, 48, 64, 128, 256]
