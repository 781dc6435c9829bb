"""The pages of the main window, in sidebar order.

Only the Home page is imported at startup; every other page's module (and the widgets, dialogs
and services it brings) is imported when the page is first shown.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ui.context import AppContext
from ui.pages.base import Page
from ui.pages.empty import EmptyStatePage
from ui.pages.home import HomePage


@dataclass(frozen=True)
class PageSpec:
    key: str
    label: str
    make: Callable[[AppContext], Page]


def _later(module: str, name: str) -> Callable[[AppContext], Page]:
    """Make the page `name` from `module`, importing the module on first use."""

    def make(ctx: AppContext) -> Page:
        page: Callable[[AppContext], Page] = getattr(importlib.import_module(module), name)
        return page(ctx)

    return make


def _empty(title: str, text: str) -> Callable[[AppContext], Page]:
    return partial(EmptyStatePage, title=title, text=text)


PAGES: list[PageSpec] = [
    PageSpec("home", "Home", HomePage),
    PageSpec("meetings", "Meetings", _later("ui.pages.meetings", "MeetingsPage")),
    PageSpec("actions", "Actions", _later("ui.pages.actions", "ActionsPage")),
    PageSpec("risks", "Risks", _later("ui.pages.risks", "RisksPage")),
    PageSpec(
        "minutes",
        "Minutes",
        _empty(
            "Minutes",
            "Minutes of each meeting — attendance, decisions and actions — will be written here.",
        ),
    ),
    PageSpec(
        "performance",
        "Performance",
        _empty(
            "Performance dashboard",
            "Performance measures with targets, milestones and slippage will be shown here.",
        ),
    ),
    PageSpec("people", "People & Boards", _later("ui.pages.people_boards", "PeopleBoardsPage")),
    PageSpec("settings", "Settings", _later("ui.pages.settings", "SettingsPage")),
]
