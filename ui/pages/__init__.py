"""The pages of the main window, in sidebar order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ui.context import AppContext
from ui.pages.actions import ActionsPage
from ui.pages.base import Page
from ui.pages.empty import EmptyStatePage
from ui.pages.home import HomePage
from ui.pages.meetings import MeetingsPage
from ui.pages.people_boards import PeopleBoardsPage
from ui.pages.risks import RisksPage
from ui.pages.settings import SettingsPage


@dataclass(frozen=True)
class PageSpec:
    key: str
    label: str
    make: Callable[[AppContext], Page]


def _empty(title: str, text: str) -> Callable[[AppContext], Page]:
    return partial(EmptyStatePage, title=title, text=text)


PAGES: list[PageSpec] = [
    PageSpec("home", "Home", HomePage),
    PageSpec("meetings", "Meetings", MeetingsPage),
    PageSpec("actions", "Actions", ActionsPage),
    PageSpec("risks", "Risks", RisksPage),
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
    PageSpec("people", "People & Boards", PeopleBoardsPage),
    PageSpec("settings", "Settings", SettingsPage),
]
