"""The shape every import shares: a preview with per-row findings, then all rows or none."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sendboard.domain.wording import counted
from sendboard.errors import ImportRejected


class RowStatus(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"


@dataclass(frozen=True)
class RowFinding:
    row: int  # row number in the user's file
    key: str  # what identifies the record to the user (email, reference…)
    status: RowStatus
    messages: tuple[str, ...] = ()
    sheet: str = ""  # the worksheet, for an import that reads several
    #: cells the import will not apply (also among `messages`): always reported
    warnings: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        """'row 4', or 'Boards row 4' for a workbook of several sheets."""
        return f"{self.sheet} row {self.row}" if self.sheet else f"row {self.row}"


@dataclass(frozen=True)
class ImportPreview:
    source: str
    rows: tuple[RowFinding, ...]
    unmapped_columns: tuple[str, ...] = ()
    #: columns sendboard writes on export and works out itself: read, never imported
    derived_columns: tuple[str, ...] = ()

    @property
    def warned(self) -> tuple[RowFinding, ...]:
        return tuple(r for r in self.rows if r.warnings and r.status is not RowStatus.ERROR)

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def errors(self) -> tuple[RowFinding, ...]:
        return tuple(r for r in self.rows if r.status is RowStatus.ERROR)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    def summary(self) -> str:
        parts = [
            counted(len(self.rows), "row"),
            f"{self.count(RowStatus.NEW)} new",
            f"{self.count(RowStatus.UPDATE)} to update",
            f"{self.count(RowStatus.UNCHANGED)} unchanged",
            f"{len(self.errors)} with errors",
        ]
        if self.warned:
            parts.append(f"{len(self.warned)} with cells not applied")
        return f"{self.source}: " + ", ".join(parts)

    def report(self, *, notes: int = 0) -> str:
        """The summary, then one line per row with an error: what the CLI prints. With `notes`,
        also up to that many lines for sound rows with something to say ("May 2025 read as…")."""
        lines = [self.summary()]
        if not self.rows:
            lines.append("  The file has no data rows.")
        for finding in self.errors:
            lines.append(
                f"  {finding.where} ({finding.key or 'no key'}): " + "; ".join(finding.messages)
            )
        for finding in self.warned:
            lines.append(
                f"  {finding.where} ({finding.key}, {finding.status}) not applied: "
                + "; ".join(finding.warnings)
            )
        noted = [
            r
            for r in self.rows
            if r.messages and r.status is not RowStatus.ERROR and not r.warnings
        ]
        for finding in noted[:notes]:
            lines.append(
                f"  {finding.where} ({finding.key}, {finding.status}): "
                + "; ".join(finding.messages)
            )
        if notes and len(noted) > notes:
            lines.append(f"  … and notes on {counted(len(noted) - notes, 'more row')}")
        if self.unmapped_columns:
            lines.append("  Columns not used: " + ", ".join(self.unmapped_columns))
        if self.derived_columns:
            lines.append("  " + self.derived_note)
        return "\n".join(lines)

    @property
    def derived_note(self) -> str:
        return (
            "Columns sendboard works out itself, so changes in them are not imported: "
            + ", ".join(self.derived_columns)
        )


def rejection(preview: ImportPreview) -> ImportRejected:
    """The error an import raises when any row has an error (or there are none): the summary
    line, then every row with an error; it carries the preview."""
    if not preview.rows:
        return ImportRejected(f"Nothing was imported: {preview.source} has no data rows.", preview)
    lines = preview.report().splitlines()[1:]
    count = len(preview.errors)
    rows = "row has" if count == 1 else "rows have"
    return ImportRejected(
        f"Nothing was imported from {preview.source}: {count} {rows} errors.\n" + "\n".join(lines),
        preview,
    )
