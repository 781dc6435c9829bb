"""The Minutes page's workflow buttons, driven as the secretary would: Send to chair, Circulate,
Approve… with amendments (refused before the approving meeting is held), Export… to Word, and
the Declare interest… form offering the person's register entry (Ctrl+Shift+I)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from docx import Document

from PySide6.QtCore import Qt

from sendboard.services import minutes as mins
from sendboard.services.common.workspace import Database
from sendboard.services.minutes import MinutesStatus
from tests.minutes_fixtures import EXEMPT_TEXT, NOW, OPEN_TEXT, Board1, make_board
from tests.ui.minutes_page import shown_minutes_page
from ui.minutes import workflow
from ui.minutes.dialogs import ApproveDialog, DeclarationDialog
from ui.minutes.page import MinutesPage

AMENDMENT = "Item 4: for 'plans' read 'places'."


@pytest.fixture
def board(db: Database) -> Iterator[Board1]:
    with time_machine.travel(NOW):
        made = make_board(db)
        mins.open_minutes(db, made.first)
        mins.save_section(db, made.first, made.items["strategy"], OPEN_TEXT)
        mins.save_section(db, made.first, made.items["contract"], EXEMPT_TEXT)
        yield made


@pytest.fixture
def page(db: Database, board: Board1, qtbot) -> Iterator[MinutesPage]:  # type: ignore[no-untyped-def]
    with shown_minutes_page(db, qtbot) as widget:
        yield widget


@pytest.fixture
def errors(page: MinutesPage, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the page would have shown in a message box."""
    shown: list[str] = []
    monkeypatch.setattr(page, "show_error", lambda exc: shown.append(str(exc)))
    return shown


def _go_to(page: MinutesPage, qtbot, meeting_id: int, item_id: int | None = None) -> None:  # type: ignore[no-untyped-def]
    page.show_meeting(meeting_id)
    qtbot.waitUntil(lambda: page.view is not None and page.view.meeting_id == meeting_id)
    if item_id is not None:
        for row in range(page.items.count()):
            if page.items.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                page.items.setCurrentRow(row)
    page.editor.text.setFocus()


def _click(page: MinutesPage, qtbot, key: str) -> None:  # type: ignore[no-untyped-def]
    button = page.buttons[key]
    assert button.isVisible(), key
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _status(page: MinutesPage, qtbot, status: MinutesStatus) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.view is not None and page.view.status is status)


def test_send_to_chair_circulate_and_approve_with_amendments(
    page: MinutesPage, board: Board1, db: Database, qtbot, errors: list[str]
) -> None:  # type: ignore[no-untyped-def]
    _go_to(page, qtbot, board.first, board.items["strategy"])
    assert "<b>Draft</b>" in page.state.text()
    assert not page.buttons["approve"].isVisible()
    _click(page, qtbot, "chair")
    _status(page, qtbot, MinutesStatus.SENT_TO_CHAIR)
    assert "Sent to the chair" in page.state.text()
    _click(page, qtbot, "circulate")
    _status(page, qtbot, MinutesStatus.CIRCULATED)
    assert mins.get_minutes(db, board.first).status is MinutesStatus.CIRCULATED

    _click(page, qtbot, "approve")
    qtbot.waitUntil(lambda: isinstance(page.open_dialog, ApproveDialog))
    dialog = page.open_dialog
    assert isinstance(dialog, ApproveDialog)
    qtbot.keyClicks(dialog.amendments, AMENDMENT)
    dialog.buttons.accepted.emit()
    _status(page, qtbot, MinutesStatus.APPROVED)
    assert errors == []
    assert page.state.text() == "<b>Approved</b> at the meeting of 10 February 2027: locked"
    assert page.editor.text.isReadOnly()
    view = mins.get_minutes(db, board.first)
    assert view.amendments == AMENDMENT and view.approved_at_date is not None

    mins.open_minutes(db, board.second)
    page.refresh()
    second = mins.get_minutes(db, board.second).sections[2]
    _go_to(page, qtbot, board.second, second.agenda_item_id)
    assert page.editor.meta.text() == (
        "The minutes of the meeting held on 13 January 2027 were agreed as a true record, "
        f"with the following amendments: {AMENDMENT}"
    )


def test_approval_waits_for_the_approving_meeting_to_be_held(
    page: MinutesPage, board: Board1, db: Database, qtbot, errors: list[str]
) -> None:  # type: ignore[no-untyped-def]
    mins.circulate(db, board.first)
    page.refresh()
    _go_to(page, qtbot, board.first, board.items["strategy"])
    _status(page, qtbot, MinutesStatus.CIRCULATED)
    before = datetime(2027, 2, 3, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    with time_machine.travel(before):
        _click(page, qtbot, "approve")
        qtbot.waitUntil(lambda: bool(errors))
    assert errors == [
        "SEND Improvement Board, Wed 10 Feb 2027 has not been held yet: minutes are approved at "
        "the meeting itself, so record the approval on or after 10 February 2027."
    ]
    assert page.open_dialog is None
    assert mins.get_minutes(db, board.first).status is MinutesStatus.CIRCULATED


def test_export_writes_word_minutes_and_a_public_copy(
    page: MinutesPage,
    board: Board1,
    db: Database,
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    _go_to(page, qtbot, board.first, board.items["strategy"])
    asked: list[str] = []

    def save_as(answer: tuple[str, str]):  # type: ignore[no-untyped-def]
        def dialog(_parent, _title, default, _filters):  # type: ignore[no-untyped-def]
            asked.append(default)
            return answer

        return dialog

    full = tmp_path / "minutes.docx"
    monkeypatch.setattr(
        workflow.QFileDialog, "getSaveFileName", save_as((str(full), "Word document (*.docx)"))
    )
    _click(page, qtbot, "export")
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Written to"), timeout=10000)
    assert asked == ["minutes-2027-01-13.docx"]
    document = Document(str(full))
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == "Minutes of the SEND Improvement Board"
    assert OPEN_TEXT in text and EXEMPT_TEXT in text
    assert "Draft: not yet approved." in text

    public = tmp_path / "public"  # no suffix typed: the chosen filter gives it
    monkeypatch.setattr(
        workflow.QFileDialog,
        "getSaveFileName",
        save_as((str(public), "Public copy, Word (*.docx)")),
    )
    page.saved_label.clear()
    _click(page, qtbot, "export")
    qtbot.waitUntil(lambda: page.saved_label.text().startswith("Written to"), timeout=10000)
    public_text = "\n".join(p.text for p in Document(str(public.with_suffix(".docx"))).paragraphs)
    assert OPEN_TEXT in public_text and EXEMPT_TEXT not in public_text
    assert errors == []


def test_declare_interest_offers_the_register_entry(
    page: MinutesPage, board: Board1, db: Database, qtbot, errors: list[str]
) -> None:  # type: ignore[no-untyped-def]
    mins.add_interest(
        db, mins.InterestInput(board.people["Tom"], "Trustee", "Northfield Care Trust")
    )
    page.refresh()
    _go_to(page, qtbot, board.first, board.items["strategy"])  # Tom Whitcombe leads it
    qtbot.waitUntil(lambda: "Trustee" in page.editor.offered.text())
    qtbot.keyClick(
        page.editor.text,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = page.open_dialog
    assert isinstance(dialog, DeclarationDialog)
    assert dialog.entry.currentText() == "Tom Whitcombe: Trustee, Northfield Care Trust"
    assert dialog.entry.currentData() is not None
    qtbot.keyClicks(dialog.participation.lineEdit(), "left the room for the item")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: page.editor.declarations.count() == 1)
    assert "Tom Whitcombe" in page.editor.declarations.item(0).text()
    section = mins.get_minutes(db, board.first).section(board.items["strategy"])
    assert [(d.name, d.text, d.participation) for d in section.declarations] == [
        ("Tom Whitcombe", "Trustee, Northfield Care Trust", "left the room for the item")
    ]
    assert errors == []
