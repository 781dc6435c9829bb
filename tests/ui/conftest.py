"""Qt tests collect garbage on the main thread only, as the application does (ui/collector.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def collect_on_main_thread() -> Iterator[None]:
    gc.disable()
    yield
    gc.collect()
    gc.enable()
