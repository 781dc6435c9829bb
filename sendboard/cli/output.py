"""Small helpers for what subcommands print."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


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


def checked_import(preview: Any, apply: Callable[[], object], dry_run: bool, notes: int) -> int:
    """Print the preview; then refuse (1), stop at a dry run (0), or apply it (0)."""
    print(preview.report(notes=notes))
    if not preview.ok:
        print("Nothing was imported.")
        return 1
    if dry_run:
        print("Dry run: nothing was imported.")
        return 0
    apply()
    print("Imported.")
    return 0


def all_or_nothing_import(
    preview_of: Callable[[], Any], apply: Callable[[], Any], dry_run: bool
) -> int:
    """An import whose service checks and writes in one call: print what was (or would be)
    added and updated, or the rows that stopped it, and exit 1 when it was refused."""
    from sendboard.errors import ImportRejected
    from sendboard.services.common.imports import RowStatus

    if dry_run:
        preview = preview_of()
        _print_changes(preview)
        if not preview.ok:
            print("sendboard: the file would be refused; nothing was written.", file=sys.stderr)
            return 1
        print("Dry run: nothing was written.")
        return 0
    try:
        preview = apply().value
    except ImportRejected as exc:
        print(exc.preview.report() if exc.preview else str(exc))
        print(
            "sendboard: nothing was imported; correct the rows listed and run again.",
            file=sys.stderr,
        )
        return 1
    _print_changes(preview)
    print(
        f"Imported: {preview.count(RowStatus.NEW)} added, "
        f"{preview.count(RowStatus.UPDATE)} updated, "
        f"{preview.count(RowStatus.UNCHANGED)} unchanged."
    )
    return 0


def _print_changes(preview: Any) -> None:
    """The summary, then one line per record added or updated."""
    from sendboard.services.common.imports import RowStatus

    print(preview.report())
    for finding in preview.rows:
        if finding.status in (RowStatus.NEW, RowStatus.UPDATE):
            detail = "; ".join(finding.messages)
            print(
                f"  {finding.where} ({finding.key}): {finding.status.value}"
                + (f": {detail}" if detail else "")
            )
