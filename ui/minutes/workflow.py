"""What the Minutes page's buttons and keys do: the forms for a decision, an action arising and a
declaration, the workflow steps, errata and exports. All writes go through `ctx.mutate`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QDialog, QFileDialog

from sendboard import clock
from sendboard.domain.minutes import minutes_overdue
from sendboard.domain.wording import prose_date
from sendboard.errors import ValidationError
from sendboard.services import minutes
from sendboard.services.common.editing import Ticket, guarded
from sendboard.services.meetings import get_meeting
from sendboard.services.minutes import MinutesView
from ui.common.confirm import confirm_remove
from ui.minutes.decision_edit import DecisionEditDialog
from ui.minutes.dialogs import (
    ActionDialog,
    ApproveDialog,
    DecisionDialog,
    DeclarationDialog,
    ErratumDialog,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sendboard.services.actions import ActionOptions
    from sendboard.services.minutes import SectionView
    from ui.context import AppContext
    from ui.minutes.autosave import Autosaver
    from ui.minutes.editor import ItemEditor


class MinutesPage(Protocol):
    """What these commands need of the page: the meeting shown, its editor and its status line."""

    ctx: AppContext
    view: MinutesView | None
    options: ActionOptions
    open_dialog: QWidget | None
    autosave: Autosaver
    editor: ItemEditor

    def section(self) -> SectionView | None: ...
    def status(self, text: str, *, error: bool = False) -> None: ...
    def show_error(self, exc: Exception) -> None: ...
    def activateWindow(self) -> None: ...  # Qt's own name


BUTTONS = (
    ("chair", "Send to &chair"),
    ("circulate", "Ci&rculate"),
    ("draft", "Back to dra&ft"),
    ("approve", "A&pprove…"),
    ("erratum", "Add &erratum…"),
    ("export", "E&xport…"),
)
LOCKED = "These minutes are approved and locked: record a correction with “Add erratum…”."
EXPORTS = (
    "Word document (*.docx);;PDF (*.pdf);;Public copy, Word (*.docx);;Public copy, PDF (*.pdf)"
)


def state_text(view: MinutesView | None) -> str:
    if view is None:
        return ""
    if view.locked:
        at = view.approved_at_date
        where = f" at the meeting of {prose_date(at)}" if at else ""
        return f"<b>Approved</b>{where}: locked"
    due = f"due {prose_date(view.minutes_due)}"
    if minutes_overdue(view.status, view.minutes_due, clock.today()):
        due = f"<span style='color:#a31515'><b>overdue</b>: {due}</span>"
    return f"<b>{view.status.label}</b> · {due}"


def _change(
    page: MinutesPage, call: Callable[[], Any], done: Callable[[Any], None] | None = None
) -> None:
    """Save typing first (the writer runs jobs in order), then make the change."""
    page.autosave.flush()
    page.ctx.mutate(call, on_done=done, on_error=page.show_error)


def _open(page: MinutesPage, dialog: QDialog, accepted: Callable[[], None]) -> None:
    """Show a form without blocking; `page.open_dialog` is it while it is open."""
    page.open_dialog = dialog

    def finished(result: int) -> None:
        page.open_dialog = None
        page.activateWindow()
        page.editor.text.setFocus()  # back to typing the minute
        if result == QDialog.DialogCode.Accepted:
            accepted()

    dialog.finished.connect(finished)
    dialog.open()


def _editable_section(page: MinutesPage):  # type: ignore[no-untyped-def]
    view = page.view
    if view is None:
        return None
    if view.locked:
        page.status(LOCKED, error=True)
        return None
    return page.section()


def add_decision(page: MinutesPage) -> None:
    section = _editable_section(page)
    if section is None or page.view is None:
        return
    dialog = DecisionDialog(page, section)
    meeting_id, db = page.view.meeting_id, page.ctx.db
    _open(
        page,
        dialog,
        lambda: _change(
            page,
            lambda: minutes.add_decision(db, meeting_id, section.agenda_item_id, dialog.value()),
        ),
    )


def add_action(page: MinutesPage) -> None:
    section = _editable_section(page)
    if section is None or page.view is None:
        return
    dialog = ActionDialog(page, section, page.options)
    meeting_id, db = page.view.meeting_id, page.ctx.db
    _open(
        page,
        dialog,
        lambda: _change(
            page,
            lambda: minutes.add_action_arising(
                db, meeting_id, section.agenda_item_id, dialog.value()
            ),
        ),
    )


def declare(page: MinutesPage) -> None:
    section = _editable_section(page)
    if section is None or page.view is None:
        return
    dialog = DeclarationDialog(page, section, section.offered_interests)
    meeting_id, db = page.view.meeting_id, page.ctx.db
    _open(
        page,
        dialog,
        lambda: _change(page, lambda: minutes.add_declaration(db, meeting_id, dialog.value())),
    )


def edit_decision(page: MinutesPage) -> QWidget | None:
    """Reword the chosen decision (its reference stays); saved from the version shown."""
    section = _editable_section(page)
    chosen = page.editor.decisions.chosen_id()
    found = [d for d in section.decisions if d.id == chosen] if section is not None else []
    if not found:
        return None
    dialog = DecisionEditDialog(page.ctx, found[0], page)
    page.autosave.flush()
    _open(page, dialog, lambda: None)
    return dialog


def remove_decision(page: MinutesPage) -> None:
    """Take the chosen decision out of draft minutes, once she has said yes."""
    listing = page.editor.decisions
    decision_id = listing.chosen_id()
    if decision_id is None or _editable_section(page) is None:
        return
    text = listing.currentItem().text()
    if confirm_remove(page, "Remove decision", f"Remove this decision from the draft?\n\n{text}"):
        db, shown = page.ctx.db, page.section()
        version = (
            next((d.version for d in shown.decisions if d.id == decision_id), 0) if shown else 0
        )
        # not removed if a colleague reworded it since it was shown: they are named instead
        call = guarded(
            Ticket("Decision", decision_id, version),
            lambda: minutes.remove_decision(db, decision_id),
        )
        _change(page, call)


def remove_declaration(page: MinutesPage) -> None:
    listing = page.editor.declarations
    declaration_id = listing.chosen_id()
    if declaration_id is None or _editable_section(page) is None:
        return
    text = listing.currentItem().text()
    if confirm_remove(page, "Remove declaration", f"Remove this declaration?\n\n{text}"):
        db = page.ctx.db
        _change(page, lambda: minutes.remove_declaration(db, declaration_id))


def run(page: MinutesPage, key: str) -> None:
    view = page.view
    if view is None:
        return
    db, meeting_id = page.ctx.db, view.meeting_id
    steps = {
        "chair": minutes.send_to_chair,
        "circulate": minutes.circulate,
        "draft": minutes.return_to_draft,
    }
    if key in steps:
        _change(page, lambda: steps[key](db, meeting_id))
    elif key == "approve":
        page.autosave.flush()
        page.ctx.tasks.run(
            lambda: _next_label(db, meeting_id),
            on_done=lambda found: _approve(page, found),
            on_error=page.show_error,
        )
    elif key == "erratum":
        dialog = ErratumDialog(page, view.sections)
        _open(
            page,
            dialog,
            lambda: _change(
                page,
                lambda: minutes.add_erratum(db, meeting_id, dialog.value()[1], dialog.value()[0]),
            ),
        )
    elif key == "export":
        export(page)


def _next_label(db, meeting_id: int) -> tuple[int | None, str, str]:  # type: ignore[no-untyped-def]
    """The meeting the minutes would be approved at, its label, and why not yet ("" if it can)."""
    at = minutes.next_meeting_id(db, meeting_id)
    if at is None:
        return None, "", ""
    return at, get_meeting(db, at).label, minutes.approval_problem(db, at)


def _approve(page: MinutesPage, found: tuple[int | None, str, str]) -> None:
    at, label, problem = found
    view = page.view
    if view is None:
        return
    if at is None:
        page.status("There is no later meeting of this board to approve them at.", error=True)
        return
    if problem:
        page.show_error(ValidationError(problem))
        return
    dialog = ApproveDialog(page, view.meeting_label, label)
    db, meeting_id = page.ctx.db, view.meeting_id
    _open(
        page,
        dialog,
        lambda: _change(
            page,
            lambda: minutes.approve(db, meeting_id, at_meeting_id=at, amendments=dialog.value()),
        ),
    )


def export(page: MinutesPage, target: Path | None = None, public: bool = False) -> None:
    view = page.view
    if view is None:
        return
    if target is None:
        default = f"minutes-{view.starts_at:%Y-%m-%d}.docx"
        name, chosen = QFileDialog.getSaveFileName(page, "Export the minutes", default, EXPORTS)
        if not name:
            return
        target, public = Path(name), chosen.startswith("Public")
        if target.suffix.lower() not in (".docx", ".pdf"):
            target = target.with_suffix(".pdf" if "PDF" in chosen else ".docx")
    page.autosave.flush()
    db, meeting_id, out = page.ctx.db, view.meeting_id, target
    page.status("Exporting…")
    page.ctx.tasks.run(
        lambda: minutes.export_minutes(db, meeting_id, out, public=public),
        on_done=lambda path: page.status(f"Written to {path}"),
        on_error=page.show_error,
    )
