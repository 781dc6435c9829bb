"""Qt tests collect garbage on the main thread only, as the application does (ui/collector.py),
and no test's background reads outlive it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from PySide6.QtCore import QThreadPool


@pytest.fixture(autouse=True)
def collect_on_main_thread() -> Iterator[None]:
    gc.disable()
    yield
    QThreadPool.globalInstance().waitForDone(30000)
    gc.collect()
    gc.enable()
