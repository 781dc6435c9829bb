"""Risk and review dialogs: problems shown inline, saving through the services."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from sendboard.domain.risk import Proximity
from sendboard.services import risks
from sendboard.services.common.workspace import Database
from sendboard.services.risks import scales as risk_scales
from sendboard.services.risks.choices import load_choices
from ui.common.tasks import TaskRunner
from ui.context import AppContext, ChangeBus
from ui.risks.dialog import RiskDialog
from ui.risks.review import ReviewDialog


def _ctx(db: Database) -> AppContext:
    return AppContext(db, TaskRunner(), ChangeBus())


def test_new_risk_dialog_validates_inline_then_saves(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = _ctx(demo_db)
    dialog = RiskDialog(ctx, load_choices(demo_db), risk_scales.get_matrix(demo_db))
    qtbot.addWidget(dialog)
    dialog.inherent.set_value(2, 2)
    dialog.residual.set_value(4, 4)
    assert not dialog.error.isHidden()
    assert "cannot be higher" in dialog.error.text()
    dialog.residual.set_value(1, 2)
    assert dialog.error.isHidden()
    assert dialog.residual.result.text().strip() == "2 Low"

    dialog.title.setText("Transport contract failure")
    dialog.save()  # no owner chosen
    qtbot.waitUntil(lambda: not dialog.error.isHidden())
    assert "owner" in dialog.error.text()
    assert "border" in dialog.owner.styleSheet()

    dialog.owner.setCurrentIndex(1)
    dialog.proximity.setCurrentIndex(1)
    with qtbot.waitSignal(ctx.bus.changed):
        dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert dialog.result_value.reference == "R26"
    assert dialog.result_value.proximity is Proximity.IMMINENT
    assert any(v.title == "Transport contract failure" for v in risks.list_risks(demo_db))
    ctx.tasks.wait()


def test_review_dialog_adds_a_review(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    ctx = _ctx(demo_db)
    view = next(v for v in risks.list_risks(demo_db) if v.live and v.residual.score > 2)
    before = len(risks.history(demo_db, view.id))
    dialog = ReviewDialog(ctx, load_choices(demo_db), risk_scales.get_matrix(demo_db), view)
    qtbot.addWidget(dialog)
    dialog.residual.set_value(1, 2)
    assert "↓ Improving" in dialog.movement.text()
    dialog.note.setPlainText("Reviewed at the board")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    rows = risks.history(demo_db, view.id)
    assert len(rows) == before + 1 and rows[-1].note == "Reviewed at the board"
    assert risks.get_risk(demo_db, view.id).residual.score == 2
    ctx.tasks.wait()


def test_scales_dialog_saves_bands_and_appetite(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.risks.scales import RiskScalesDialog

    ctx = _ctx(demo_db)
    appetites = risk_scales.list_appetites(demo_db)
    dialog = RiskScalesDialog(ctx, risk_scales.get_matrix(demo_db), appetites)
    qtbot.addWidget(dialog)
    dialog.bands.item(3, 2).setText("Critical")
    row = [a.category for a in appetites].index("Financial")
    dialog.appetites.cellWidget(row, 1).setCurrentIndex(4)  # eager
    assert dialog.appetites.cellWidget(row, 2).value() == 16
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert risk_scales.get_matrix(demo_db).rate(5, 5).text == "25 Critical"
    found = {a.category: a for a in risk_scales.list_appetites(demo_db)}
    assert found["Financial"].highest_score == 16

    broken = RiskScalesDialog(ctx, risk_scales.get_matrix(demo_db), appetites)
    qtbot.addWidget(broken)
    broken.bands.item(1, 0).setText("6")  # leaves a gap at 5
    broken.save()
    qtbot.waitUntil(lambda: not broken.problem.isHidden())
    assert "should start at 5" in broken.problem.text()
    ctx.tasks.wait()
