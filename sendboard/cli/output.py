"""Small helpers for what subcommands print."""

from __future__ import annotations

import sys


def print_progress(done: int, total: int, message: str) -> None:
    """Progress lines on stderr, so stdout stays clean for data."""
    print(f"[{done}/{total}] {message}" if total else message, file=sys.stderr)


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    """A plain fixed-width text table."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
