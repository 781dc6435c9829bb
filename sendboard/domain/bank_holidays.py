"""Bank holidays in England and Wales, from the `holidays` package.

The package tracks the one-off days the government announces (a state funeral, a coronation), which
no fixed rule can foresee. It is imported on first use, not at start-up, and only the UK's calendar
is loaded: `holidays.countries`, the usual way in, imports all ~250 countries' modules first.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
import threading
from datetime import date
from functools import cache
from typing import Any

_UK_MODULE = "holidays.countries.united_kingdom"
_loading = threading.Lock()


@cache
def bank_holidays(year: int) -> dict[date, str]:
    """Every bank holiday of `year` in England and Wales, with its name, in date order; a holiday
    at a weekend is listed again, marked "(observed)", on the weekday that replaces it."""
    return dict(sorted(united_kingdom_calendar()(subdiv="ENG", years=year).items()))


def united_kingdom_calendar() -> Any:
    """The package's `UnitedKingdom` class, its module imported on its own.

    The module imports only the package's shared parts (never `holidays.countries`), so it is
    loaded from the countries folder under its usual name; should that folder not be found where
    expected, the ordinary import serves.
    """
    with _loading:
        module = sys.modules.get(_UK_MODULE)
        if module is None:
            module = _load_alone()
    return module.UnitedKingdom


def _load_alone() -> Any:
    import holidays

    folders = [os.path.join(folder, "countries") for folder in holidays.__path__]
    spec = importlib.machinery.PathFinder.find_spec(_UK_MODULE, folders)
    if spec is None or spec.loader is None:
        return importlib.import_module(_UK_MODULE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[_UK_MODULE] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[_UK_MODULE]
        raise
    return module
