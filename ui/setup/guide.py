"""Help → User guide: the Markdown guide shipped with the program, shown offline in a window.

The guide's pictures sit beside it (docs/images); the browser looks for them there. Links to
web pages open in the default browser; links within the guide stay in the window.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from sendboard import resources
from ui.common.errors import open_file, show_error


class GuideWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user-guide")
        self.setWindowTitle("sendboard — User guide")
        self.resize(900, 720)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        path = resources.user_guide()
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))


_open: list[GuideWindow] = []


def open_user_guide(parent: QWidget | None = None) -> GuideWindow | None:
    """Show the guide (one window, raised if already open); the Markdown file opens in the
    system's own program if the window cannot show it."""
    try:
        if not _open:
            window = GuideWindow(parent)
            window.finished.connect(lambda *_: _open.clear())
            _open.append(window)
        window = _open[0]
        window.show()
        window.raise_()
        window.activateWindow()
        return window
    except FileNotFoundError as exc:
        show_error(parent, exc, "User guide")
    except OSError:
        open_file(parent, resources.user_guide())
    return None
