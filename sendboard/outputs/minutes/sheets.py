"""The decision log and the register of interests as .xlsx (formatted) or .csv."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sendboard.errors import SendboardError
from sendboard.outputs.sheets import write_csv, write_xlsx


@dataclass(frozen=True)
class Layout:
    title: str
    header: tuple[str, ...]
    widths: tuple[int, ...]


DECISION_LOG = Layout(
    "Decision log",
    ("Decision", "Board", "Meeting date", "Item", "Resolution", "Minutes"),
    (14, 26, 13, 36, 70, 14),
)
REGISTER = Layout(
    "Register of interests",
    ("Name", "Interest", "Organisation", "From", "To", "Last reviewed"),
    (24, 50, 30, 12, 12, 14),
)


def write_table(path: Path, layout: Layout, rows: Iterable[Sequence[Any]]) -> None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(path, layout.header, rows)
    elif suffix == ".xlsx":
        write_xlsx(path, layout.title, layout.header, rows, layout.widths)
    else:
        raise SendboardError(f"Cannot write {path.name}: give a file name ending .xlsx or .csv.")
