"""Errors a secretary can act on: every message says what went wrong and what to do next."""


class SendboardError(Exception):
    """Base class: the message is shown to the user as it is."""


class ValidationError(SendboardError):
    """Input that breaks a rule; `field` names the form field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(SendboardError):
    """A record asked for by id or name does not exist (any more)."""


class DatabaseOpenError(SendboardError):
    """The database could not be opened; the file is left exactly as it was."""


class NotASendboardDatabase(DatabaseOpenError):
    pass


class DamagedDatabase(DatabaseOpenError):
    pass


class NewerDatabase(DatabaseOpenError):
    pass


class ReadOnlyDatabase(DatabaseOpenError):
    """The file or its folder cannot be written to."""


class ServerUnreachable(DatabaseOpenError):
    """The database server could not be reached or refused the connection; trying again (or
    correcting the connection details) may succeed."""


class EditConflict(SendboardError):
    """Someone else saved the record after it was read; nothing was written.

    `by` and `at` say who and when (from the audit trail), `theirs` holds the fields they
    changed as {field: their value}, so the window can offer to apply them on top."""

    def __init__(
        self,
        message: str,
        *,
        by: str = "",
        at: object = None,
        theirs: dict | None = None,
        version: int | None = None,
    ) -> None:
        super().__init__(message)
        self.by = by
        self.at = at
        self.theirs = dict(theirs or {})
        #: The record's version now: a form that takes their changes saves from this one.
        self.version = version


class DatabaseBusy(SendboardError):
    """Another writer holds the database; nothing was changed and trying again may succeed."""


class DiskFull(SendboardError):
    """The disk filled up part way; what was being written was undone."""


class ImportRejected(SendboardError):
    """An import found errors; nothing was written. `preview` holds the per-row findings."""

    def __init__(self, message: str, preview: object = None) -> None:
        super().__init__(message)
        self.preview = preview


class Cancelled(SendboardError):
    """The user cancelled long work; nothing half-done was kept."""

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)


class ComplianceError(ValidationError):
    """Sending would leave out a role the board must invite; `missing` names them."""

    def __init__(self, message: str, missing: tuple[object, ...] = ()) -> None:
        super().__init__(message, "invitations")
        self.missing = missing


class LateHandOffError(ComplianceError):
    """The meeting has started: an invitation handed off now is late, and is only recorded when
    the secretary says it is a record of a late invitation."""


class MailHandOffError(SendboardError):
    """The mail client could not be opened with the draft."""
