"""Printing a PDF through the system print dialog.

Qt's own PDF module is not part of the Essentials wheel, so pages are rendered with PDFium
(pypdfium2) at the printer's resolution and painted onto the QPrinter. This gives the real
print dialog (printer, copies, duplex, page range) on every platform, with no PDF viewer needed.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

#: Enough for crisp text and charts without huge images for long packs.
MAX_DPI = 300


class PrintFailed(Exception):
    """The file could not be read for printing, or the printer could not be started."""


def print_pdf(parent: QWidget | None, path: Path) -> bool:
    """Ask where and how to print, then print; False when the user cancels. Raises PrintFailed
    when the file cannot be read or the printer will not start."""
    try:
        document = pdfium.PdfDocument(str(path))
    except (OSError, pdfium.PdfiumError) as exc:
        raise PrintFailed(f"{path.name} could not be read for printing ({exc})") from exc
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(path.name)
        printer.setFromTo(1, len(document))
        dialog = QPrintDialog(printer, parent)
        dialog.setMinMax(1, len(document))
        dialog.setWindowTitle(f"Print {path.name}")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        first, last = printer.fromPage() or 1, printer.toPage() or len(document)
        return paint_pages(parent, printer, document, range(first - 1, last))
    finally:
        document.close()


def paint_pages(
    parent: QWidget | None, printer: QPrinter, document: pdfium.PdfDocument, pages: range
) -> bool:
    dpi = min(printer.resolution(), MAX_DPI)
    progress = QProgressDialog("Sending pages to the printer…", "Cancel", 0, len(pages), parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    painter = QPainter()
    if not painter.begin(printer):
        progress.close()
        name = printer.printerName() or "the printer"
        raise PrintFailed(f"Printing did not start: {name} could not be opened")
    try:
        for done, index in enumerate(pages):
            if progress.wasCanceled():
                printer.abort()
                return False
            if done:
                printer.newPage()
            image = render_page(document, index, dpi)
            target = _fit(image, painter.viewport())
            painter.drawImage(target, image)
            progress.setValue(done + 1)
            QApplication.processEvents()
    finally:
        painter.end()
        progress.close()
    return True


def render_page(document: pdfium.PdfDocument, index: int, dpi: int) -> QImage:
    bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
    width, height = bitmap.width, bitmap.height
    image = QImage(bitmap.buffer, width, height, bitmap.stride, QImage.Format.Format_RGBX8888)
    return image.copy()  # own the pixels before PDFium frees the bitmap


def _fit(image: QImage, area: QRect) -> QRect:
    scale = min(area.width() / image.width(), area.height() / image.height())
    width, height = int(image.width() * scale), int(image.height() * scale)
    return QRect(area.x() + (area.width() - width) // 2, area.y(), width, height)
