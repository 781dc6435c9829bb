"""One risk in full: cause, event, consequence, controls, scores, movement, review history and
its mitigating actions (which can be linked and unlinked here)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.risk import Rating
from sendboard.domain.wording import prose_date, table_date
from sendboard.services import risks
from sendboard.services.risks.views import LinkedActionView, ReviewView, RiskView
from ui.common.buttons import set_available
from ui.common.errors import show_error
from ui.context import AppContext
from ui.risks.availability import link_reasons


def chip(rating: Rating | None) -> str:
    """A score as a coloured chip with number and label, for rich text."""
    if rating is None:
        return "<i>not set</i>"
    band = rating.band
    return (
        f'<span style="background:{band.colour}; color:{band.text_colour}; font-weight:bold;">'
        f"&nbsp;{escape(rating.text)}&nbsp;</span> ({rating.cell})"
    )


def detail_html(view: RiskView, reviews: list[ReviewView]) -> str:
    def para(label: str, text: str) -> str:
        return f"<p><b>{label}:</b> {escape(text) or '<i>not recorded</i>'}</p>"

    flags = []
    if view.not_reviewed:
        flags.append(f"⚠ {escape(view.not_reviewed_reason)}")
    if view.above_appetite and view.appetite is not None:
        flags.append(
            f"▲ Above the {view.appetite.level.label.lower()} appetite for {escape(view.category)}"
            f" (highest acceptable {view.appetite.highest_score})"
        )
    flag_html = "".join(f'<p style="color:#a0281e;"><b>{f}</b></p>' for f in flags)
    target = chip(view.target)
    if view.target_date:
        target += f" by {prose_date(view.target_date)}"
    rows = "".join(
        f"<tr><td>{table_date(r.reviewed_on)}</td><td>{escape(r.meeting)}</td>"
        f"<td>{chip(r.inherent)}</td><td>{chip(r.residual)}</td><td>{r.trend.text}</td>"
        f"<td>{escape(r.note)}</td><td>{escape(r.reviewer)}</td></tr>"
        for r in reversed(reviews)
    )
    status = view.status.label + (f" ({escape(view.escalated_to)})" if view.escalated_to else "")
    return (
        f"<h3>{escape(view.reference)} {escape(view.title)}</h3>{flag_html}"
        f"<p>{escape(view.category) or 'No category'} · {escape(view.priority_area) or 'no area'}"
        f" · owner <b>{escape(view.owner)}</b> · {status} · raised {prose_date(view.created_on)}"
        + (f" · {view.proximity.label}" if view.proximity else "")
        + "</p>"
        + para("Cause", view.cause)
        + para("Event", view.event)
        + para("Consequence", view.consequence)
        + para("Existing controls", view.controls)
        + f"<p><b>Inherent</b> {chip(view.inherent)} &nbsp; <b>Residual</b> {chip(view.residual)}"
        f" &nbsp; <b>Target</b> {target}</p>"
        f"<p><b>Since the last review:</b> {escape(view.movement)}</p>"
        "<h4>Review history</h4>"
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        "<tr><th>Date</th><th>Meeting</th><th>Inherent</th><th>Residual</th><th>Trend</th>"
        f"<th>Note</th><th>Reviewer</th></tr>{rows}</table>"
    )


def action_text(action: LinkedActionView) -> str:
    due = f"due {prose_date(action.due)}" if action.due else "no due date"
    return f"{action.progress} · {action.reference} {action.title} — {action.owner}, {due}"


class RiskDetail(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.view: RiskView | None = None
        self.read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Two tabs, so that the full text of the risk gets the whole height of the panel.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("risk-detail-tabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs)
        self.browser = QTextBrowser()
        self.browser.setObjectName("risk-detail")
        self.browser.setOpenLinks(False)
        self.tabs.addTab(self.browser, "Risk and review history")
        actions_page = QWidget()
        actions_layout = QVBoxLayout(actions_page)
        actions_layout.setContentsMargins(0, 4, 0, 0)
        self.linked = QListWidget()
        self.linked.setObjectName("linked-actions")
        self.linked.setAccessibleName("Mitigating actions")
        self.linked.setIconSize(QSize(12, 12))
        # Long action titles end in "…" (full text in the tooltip) rather than scroll sideways.
        self.linked.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.linked.setTextElideMode(Qt.TextElideMode.ElideRight)
        actions_layout.addWidget(self.linked, 1)
        row = QHBoxLayout()
        self.candidates = QComboBox()
        self.candidates.setAccessibleName("Action to link")
        self.candidates.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.candidates.setMinimumContentsLength(20)
        self.link_button = QPushButton("Lin&k action")
        self.unlink_button = QPushButton("&Unlink")
        self.link_button.clicked.connect(self.link)
        self.unlink_button.clicked.connect(self.unlink)
        row.addWidget(self.candidates, 1)
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        actions_layout.addLayout(row)
        self.tabs.addTab(actions_page, "Mitigating actions")
        self.actions: tuple[LinkedActionView, ...] = ()
        self.show_risk(None, [])

    def set_actions(self, actions: tuple[LinkedActionView, ...]) -> None:
        self.actions = actions
        self._fill_candidates()

    def show_risk(self, view: RiskView | None, reviews: list[ReviewView]) -> None:
        self.view = view
        self.linked.clear()
        if view is None:
            self.browser.setHtml("<p><i>Choose a risk to see its history and actions.</i></p>")
        else:
            self.browser.setHtml(detail_html(view, reviews))
            for action in view.actions:
                item = QListWidgetItem(action_text(action))
                item.setToolTip(action_text(action))
                item.setData(Qt.ItemDataRole.UserRole, action.id)
                if action.brag is not None:
                    item.setData(Qt.ItemDataRole.DecorationRole, QColor(action.brag.colour))
                self.linked.addItem(item)
            if not view.actions:
                self.linked.addItem("No mitigating action linked yet")
        count = len(view.actions) if view else 0
        self.tabs.setTabText(1, f"Mitigating actions ({count})" if view else "Mitigating actions")
        self._fill_candidates()

    def _fill_candidates(self) -> None:
        self.candidates.clear()
        linked = {a.id for a in self.view.actions} if self.view else set()
        for action in self.actions:
            if action.id not in linked:
                self.candidates.addItem(action_text(action), action.id)
        editable = self.view is not None and not self.read_only
        link, unlink = link_reasons(
            self.view, self.read_only, bool(self.actions), self.candidates.count()
        )
        set_available(self.link_button, not link, link)
        set_available(self.unlink_button, not unlink, unlink)
        self.candidates.setEnabled(editable)
        if not self.actions:
            self.candidates.addItem("The action log has no actions yet")

    def link(self) -> None:
        action_id = self.candidates.currentData()
        if self.view is None or action_id is None:
            return
        risk_id = self.view.id
        self.ctx.mutate(
            lambda: risks.link_action(self.ctx.db, risk_id, action_id),
            on_error=lambda exc: show_error(self, exc),
        )

    def unlink(self) -> None:
        item = self.linked.currentItem() or self.linked.item(0)
        action_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if self.view is None or action_id is None:
            return
        risk_id = self.view.id
        self.ctx.mutate(
            lambda: risks.unlink_action(self.ctx.db, risk_id, action_id),
            on_error=lambda exc: show_error(self, exc),
        )
