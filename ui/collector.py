"""Python's cycle collector, run on the GUI thread only.

Automatic collection starts in whichever thread happens to allocate, often a worker running a
database query. If that collection frees a Qt object (a closed dialog caught in a cycle with its
slots), the object is destroyed off the GUI thread and the process crashes. So automatic collection
is switched off and a timer on the GUI thread does the same work at the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(INTERVAL_MS)

    @staticmethod
    def collect_due() -> None:
        """Collect each generation whose allocation count has passed its threshold."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)  # collects the younger generations too
                return


def freeze_startup_objects() -> None:
    """Leave what startup made out of every later collection (safe on any thread).

    Called once the database is open and the first page's code is loaded. What starting made
    (modules, classes, SQLAlchemy's mappings: about 100 000 objects) lives as long as the app;
    left in the young generation, the first collection would scan all of it on the GUI thread
    (about 50 ms, while Home is loading) and every full collection after it again. Freezing
    moves objects to the permanent generation and frees none, so no Qt object is destroyed here.
    """
    gc.freeze()


# Marks the application that has its collector (a property: looking the child up by type would
# first build Qt's whole enum namespace, which costs more than the rest of this module's work).
INSTALLED = "sendboard-gui-thread-collector"


def collect_on_gui_thread(app: QObject) -> None:
    """Switch automatic collection off; install the collector once per application."""
    gc.disable()
    if not app.property(INSTALLED):
        GuiThreadCollector(app)
        app.setProperty(INSTALLED, True)
