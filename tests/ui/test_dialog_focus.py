"""Dialogs open with the focus in their first field, typing goes into it, and Tab follows the
layout from top to bottom, ending at the buttons."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from sendboard.services import actions, boards, people, risks
from sendboard.services import minutes as mins
from sendboard.services.boards import BoardView
from sendboard.services.common.workspace import Database
from sendboard.services.minutes import SectionView
from sendboard.services.risks import RiskView
from sendboard.services.risks import scales as risk_scales
from sendboard.services.risks.choices import load_choices
from tests.outputs.pack_fixture import make_meeting
from ui.actions.edit import ActionDialog
from ui.app import make_context
from ui.common.record_dialog import RecordDialog, layout_order
from ui.context import AppContext
from ui.meetings.agenda_item import AgendaItemDialog
from ui.meetings.dialog import MeetingDialog
from ui.meetings.guest import GuestDialog
from ui.meetings.schedule_series import ScheduleSeriesDialog
from ui.meetings.template_item import TemplateItemDialog
from ui.minutes.dialogs import ActionDialog as MinutesActionDialog
from ui.minutes.dialogs import ApproveDialog, DecisionDialog, DeclarationDialog, ErratumDialog
from ui.minutes.interests import InterestForm
from ui.people.board_dialog import BoardDialog
from ui.people.contact_dialog import PersonDialog
from ui.people.membership_dialog import MembershipDialog
from ui.people.priority_area_dialog import PriorityAreaDialog
from ui.performance.measure_dialog import MeasureDialog
from ui.risks.dialog import RiskDialog
from ui.risks.review import ReviewDialog
from ui.stocktake.event_dialog import EventDialog
from ui.stocktake.event_dialog import load_choices as load_event_choices
from ui.stocktake.evidence_dialog import EvidenceDialog


@pytest.fixture
def ctx(demo_db: Database, qtbot: QtBot) -> Iterator[AppContext]:
    context = make_context(demo_db)
    yield context
    context.tasks.wait()


def _shown(qtbot: QtBot, dialog: RecordDialog) -> RecordDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def _tab_chain(dialog: RecordDialog) -> list[QWidget]:
    """The widgets Tab visits from the first field, once round."""
    first = QApplication.focusWidget()
    chain = [first]
    while True:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is first or len(chain) > 40:
            return chain
        chain.append(now)


def _owner(widget: QWidget, candidates: list[QWidget]) -> QWidget:
    """The form field a focused widget belongs to (a combo's line edit belongs to the combo)."""
    while widget not in candidates:
        widget = widget.parentWidget()
    return widget


def test_typing_into_add_agenda_item_keeps_every_word(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    meeting_id = make_meeting(demo_db)
    dialog = _shown(qtbot, AgendaItemDialog(ctx, meeting_id))
    QTest.keyClicks(QApplication.focusWidget(), "EHC plan timeliness")
    assert dialog.title.text() == "EHC plan timeliness"
    assert dialog.isVisible()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    fields = [dialog.title, dialog.lead, dialog.purpose, dialog.minutes, dialog.exempt]
    chain = _tab_chain(dialog)
    assert [_owner(w, [*fields, save, cancel]) for w in chain] == [*fields, save, cancel]


def test_typing_into_new_board_keeps_every_word(
    ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    dialog = _shown(
        qtbot, BoardDialog(ctx, boards.list_boards(demo_db), people.list_people(demo_db))
    )
    QTest.keyClicks(QApplication.focusWidget(), "Northbridge SEND Board")
    assert dialog.name.text() == "Northbridge SEND Board"
    assert dialog.isVisible()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    fields = [
        dialog.name,
        dialog.kind,
        dialog.parent_board,
        dialog.chair,
        dialog.quorum,
        dialog.deadline,
        dialog.cadence,
        dialog.description,
        *dialog.roles.values(),
    ]
    chain = _tab_chain(dialog)
    assert [_owner(w, [*fields, save, cancel]) for w in chain] == [*fields, save, cancel]


def _first_field(dialog: QDialog) -> QWidget:
    """The first field in the dialog's layout that takes the focus (not a button)."""
    layout = dialog.layout()
    assert layout is not None
    return next(
        w
        for w in layout_order(layout)
        if w.isEnabled()
        and w.isVisibleTo(dialog)
        and not isinstance(w, QAbstractButton)
        and not isinstance(w.parentWidget(), QDialogButtonBox)
        and not (isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit) and w.isReadOnly())
    )


def _typed_text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.currentText()
    return ""


def _section(db: Database) -> SectionView:
    return mins.open_minutes(db, make_meeting(db, days_ahead=1)).value.sections[0]


def _board(db: Database) -> BoardView:
    return next(b for b in boards.list_boards(db) if b.name == "SEND Improvement Board")


def _risk(db: Database) -> RiskView:
    return next(v for v in risks.list_risks(db) if v.live)


#: Forms that start one field on, in the field a new record is typed from: the reference above
#: it is filled in already (the next free one), or a review starts at the new residual score.
STARTS_IN = {
    "action": "title",
    "measure": "name",
    "risk": "title",
    "risk review": "residual",
}

#: Every form with a text field, as a new record (edit forms are the same forms, filled in).
FORMS: dict[str, Callable[[AppContext, Database], QDialog]] = {
    "minutes decision": lambda ctx, db: DecisionDialog(None, _section(db)),
    "minutes action": lambda ctx, db: MinutesActionDialog(
        None, _section(db), actions.action_options(db)
    ),
    "minutes declaration": lambda ctx, db: DeclarationDialog(None, _section(db), ()),
    "minutes erratum": lambda ctx, db: ErratumDialog(None, (_section(db),)),
    "minutes approval": lambda ctx, db: ApproveDialog(None, "Board, 9 Dec", "Board, 13 Jan"),
    "guest": lambda ctx, db: GuestDialog(people.list_people(db), "Add a guest"),
    "agenda item": lambda ctx, db: AgendaItemDialog(ctx, make_meeting(db)),
    "template item": lambda ctx, db: TemplateItemDialog(ctx),
    "meeting": lambda ctx, db: MeetingDialog(ctx, boards.list_boards(db)),
    "schedule series": lambda ctx, db: ScheduleSeriesDialog(ctx, boards.list_boards(db)),
    "board": lambda ctx, db: BoardDialog(ctx, boards.list_boards(db), people.list_people(db)),
    "person": lambda ctx, db: PersonDialog(ctx, people.list_organisations(db)),
    "membership": lambda ctx, db: MembershipDialog(ctx, _board(db), people.list_people(db)),
    "priority area": lambda ctx, db: PriorityAreaDialog(
        ctx, boards.list_boards(db), people.list_people(db)
    ),
    "action": lambda ctx, db: ActionDialog(ctx, actions.action_options(db)),
    "measure": lambda ctx, db: MeasureDialog(ctx, actions.action_options(db)),
    "risk": lambda ctx, db: RiskDialog(ctx, load_choices(db), risk_scales.get_matrix(db)),
    "risk review": lambda ctx, db: ReviewDialog(
        ctx, load_choices(db), risk_scales.get_matrix(db), _risk(db)
    ),
    "interest": lambda ctx, db: InterestForm(ctx, actions.action_options(db).people),
    "engagement event": lambda ctx, db: EventDialog(ctx, load_event_choices(db)),
    "evidence": lambda ctx, db: EvidenceDialog(ctx, 1, "4e"),
}


@pytest.mark.parametrize("name", list(FORMS))
def test_every_form_opens_in_its_first_field_and_typing_presses_no_button(
    name: str, ctx: AppContext, qtbot: QtBot, demo_db: Database
) -> None:
    dialog = FORMS[name](ctx, demo_db)
    pressed: list[str] = []
    for button in dialog.findChildren(QAbstractButton):
        button.clicked.connect(lambda *_, b=button: pressed.append(b.text()))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    first = getattr(dialog, STARTS_IN[name]) if name in STARTS_IN else _first_field(dialog)
    focused = QApplication.focusWidget()
    assert focused is first or first.isAncestorOf(focused), (
        f"{name} opens with the focus in {type(focused).__name__} {focused.objectName()!r}"
    )
    QTest.keyClicks(focused, "Northbridge SEND")
    combo = focused if isinstance(focused, QComboBox) else None
    if combo is not None:
        combo.hidePopup()
    assert not pressed, f"typing into {name} pressed {pressed}"
    assert dialog.isVisible()
    if _typed_text(first) or isinstance(first, QLineEdit | QPlainTextEdit | QTextEdit):
        assert "Northbridge SEND" in _typed_text(first)
