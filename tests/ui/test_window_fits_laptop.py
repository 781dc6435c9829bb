"""Every page fits a 1280×800 laptop screen beside the sidebar: none pushes the window wider."""

from __future__ import annotations

from ui.app import make_context
from ui.main_window import MainWindow


def test_every_page_fits_1280_by_800(qtbot, demo_db) -> None:
    ctx = make_context(demo_db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(1280, 800)  # after showing: the test screen is smaller, and it is fitted to it
    for key in window.pages:
        window.show_page(key)
        ctx.tasks.wait()
        qtbot.wait(1)
    ctx.tasks.wait()
    qtbot.wait(1)
    wide = {
        key: page.minimumSizeHint().width()
        for key, page in window.pages.items()
        if page.minimumSizeHint().width() > 1280 - window.nav.width() - 10
    }
    assert not wide, f"pages too wide for a laptop: {wide}"
    assert window.minimumSizeHint().width() <= 1280
    assert window.minimumSizeHint().height() <= 800
    assert window.width() == 1280
