"""The pages of the main window, in sidebar order.

No page module is imported with this list: the window's shell shows the sidebar before the
database (and the store behind the services) is loaded. Each page's module, and the widgets,
dialogs and services it brings, is imported when the page is first shown.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ui.common.page import Page
    from ui.context import AppContext


# Plain classes, not dataclasses: this list is read before the first paint, and the dataclasses
# module is not otherwise needed by then.
class PageSpec(NamedTuple):
    key: str
    label: str
    make: Callable[[AppContext], Page]


class _Later:
    """Makes the page `name` from `module`, importing the module on first use."""

    __slots__ = ("module", "name", "options")

    def __init__(self, module: str, name: str, options: tuple[tuple[str, str], ...] = ()) -> None:
        self.module = module
        self.name = name
        self.options = options

    def __call__(self, ctx: AppContext) -> Page:
        page: Callable[..., Page] = getattr(importlib.import_module(self.module), self.name)
        return page(ctx, **dict(self.options))


def _later(module: str, name: str) -> Callable[[AppContext], Page]:
    return _Later(module, name)


def _empty(title: str, text: str) -> Callable[[AppContext], Page]:
    return _Later("ui.common.empty_page", "EmptyStatePage", (("title", title), ("text", text)))


def import_page_module(spec: PageSpec) -> None:
    """Import the module behind a page ahead of building it (callable from a worker thread)."""
    if isinstance(spec.make, _Later):
        importlib.import_module(spec.make.module)


PAGES: list[PageSpec] = [
    PageSpec("home", "Home", _later("ui.home.page", "HomePage")),
    PageSpec("meetings", "Meetings", _later("ui.meetings.page", "MeetingsPage")),
    PageSpec("actions", "Actions", _later("ui.actions.page", "ActionsPage")),
    PageSpec("risks", "Risks", _later("ui.risks.page", "RisksPage")),
    PageSpec("minutes", "Minutes", _later("ui.minutes.page", "MinutesPage")),
    PageSpec("performance", "Performance", _later("ui.performance.page", "PerformancePage")),
    PageSpec("stocktake", "Stocktake", _later("ui.stocktake.page", "StocktakePage")),
    PageSpec("people", "People & Boards", _later("ui.people.page", "PeopleBoardsPage")),
    PageSpec("settings", "Settings", _later("ui.settings.page", "SettingsPage")),
]
