"""The detail panel: one action in full beside its whole update history and evidence files."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.brag import Brag
from sendboard.domain.wording import counted
from sendboard.services.actions import ActionDetail, EvidenceFileView
from ui.actions.table import short_date
from ui.common.buttons import set_available

FILE_ROLE = Qt.ItemDataRole.UserRole


def badge(brag: Brag | None) -> str:
    """A BRAG badge in HTML: colour, letter and word together."""
    if brag is None:
        return '<span style="color:#666">not rated</span>'
    return (
        f'<span style="background:{brag.colour}; color:{brag.text_colour}; font-weight:bold;">'
        f"&nbsp;{brag.letter}&nbsp;</span>&nbsp;{brag.label}"
    )


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else counted(size, "byte")


def summary_html(detail: ActionDetail) -> str:
    row = detail.row
    e = escape
    organisation = f" ({e(row.owner_organisation)})" if row.owner_organisation else ""
    source = e(detail.meeting_label or detail.source.label)
    if detail.agenda_item_title:
        source += f" — item {e(detail.agenda_item_title)}"
    revised = (
        f"{short_date(row.revised_due)} — {e(detail.revised_reason)}" if row.revised_due else "—"
    )
    status = row.status.label + (f" on {short_date(row.closed_on)}" if row.closed_on else "")
    if detail.superseded_by:
        status += f" (superseded by {e(detail.superseded_by)})"
    rows = [
        ("Owner", e(row.owner_name) + organisation),
        ("Partners", e(", ".join(row.partners)) or "—"),
        ("Area / board", f"{e(row.priority_area_code) or '—'} · {e(row.board_name) or '—'}"),
        ("Source", source),
        ("Measurable target", e(row.target) or "—"),
        ("Raised", short_date(row.raised_on) or "—"),
        ("Original due", short_date(row.original_due) or "—"),
        ("Revised due", revised),
        ("Status", status),
        ("Progress · Impact", f"{badge(row.progress)} &nbsp; {badge(row.impact)}"),
        ("Evidence of impact", e(row.evidence) or "—"),
    ]
    fields = "".join(
        f'<tr><td style="color:#555; padding-right:8px; white-space:nowrap">{k}</td>'
        f"<td>{v}</td></tr>"
        for k, v in rows
    )
    warning = ""
    if row.highlights:
        reasons = "<br>".join(f"⚑ {e(r)}" for r in row.highlights)
        warning = f'<p style="background:#fff3df; color:#8a3b00">{reasons}</p>'
    description = f"<p>{e(detail.description)}</p>" if detail.description else ""
    return (
        f"<h3>{e(row.reference)} — {e(row.title)}</h3>{warning}{description}"
        f'<table cellspacing="2">{fields}</table>'
    )


def history_html(detail: ActionDetail) -> str:
    e = escape
    rows = "".join(
        "<tr>"
        f'<td style="white-space:nowrap">{short_date(u.on)}</td>'
        f'<td style="white-space:nowrap">{badge(u.progress)}</td>'
        f'<td style="white-space:nowrap">{badge(u.impact)}</td>'
        f"<td>{e(u.text)}"
        + (f"<br><i>Evidence:</i> {e(u.evidence)}" if u.evidence else "")
        + (f'<br><span style="color:#666">{e(u.meeting_label)}</span>' if u.meeting_label else "")
        + "</td></tr>"
        for u in reversed(detail.updates)
    )
    if not rows:
        rows = '<tr><td colspan="4" style="color:#666">No updates yet.</td></tr>'
    return (
        f"<h4>History — {counted(len(detail.updates), 'update')}, newest first</h4>"
        '<table width="100%" cellspacing="0" cellpadding="3" border="1" style="border-color:#ccc">'
        "<tr><th>Date</th><th>Progress</th><th>Impact</th><th>Update</th></tr>"
        f"{rows}</table>"
    )


class ActionDetailPanel(QWidget):
    attach_requested = Signal()
    save_requested = Signal(object)  # EvidenceFileView

    def __init__(self) -> None:
        super().__init__()
        self.detail: ActionDetail | None = None
        self.summary = QTextBrowser()
        self.summary.setObjectName("action-detail")
        self.history = QTextBrowser()
        self.history.setObjectName("action-history")
        self.files = QListWidget()
        self.files.setMaximumHeight(64)
        self.files.itemActivated.connect(self._save_current)
        self.attach = QPushButton("A&ttach evidence…")
        self.attach.clicked.connect(self.attach_requested)
        self.save = QPushButton("Sa&ve evidence as…")
        self.save.clicked.connect(lambda: self._save_current(self.files.currentItem()))
        self.files_label = QLabel("Evidence files")
        buttons = QHBoxLayout()
        buttons.addWidget(self.files_label)
        buttons.addStretch(1)
        buttons.addWidget(self.attach)
        buttons.addWidget(self.save)
        left = QVBoxLayout()
        left.addWidget(self.summary, 1)
        left.addLayout(buttons)
        left.addWidget(self.files)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.history, 1)
        self.show_detail(None)

    def show_detail(self, detail: ActionDetail | None) -> None:
        self.detail = detail
        self.files.clear()
        pick = "" if detail is not None else "select an action first"
        for button in (self.attach, self.save):
            set_available(button, not pick, pick)
        self.files.setEnabled(detail is not None)
        if detail is None:
            self.summary.setHtml('<p style="color:#666">Choose an action to see it in full.</p>')
            self.history.setHtml("")
            self.files_label.setText("Evidence files")
            self.files.hide()
            return
        self.summary.setHtml(summary_html(detail))
        self.history.setHtml(history_html(detail))
        for stored in detail.files:
            item = QListWidgetItem(f"{stored.name} ({_size(stored.size)})")
            item.setData(FILE_ROLE, stored)
            self.files.addItem(item)
        set_available(
            self.save, bool(detail.files), "no evidence attached yet: attach a file first"
        )
        self.files.setVisible(bool(detail.files))
        self.files_label.setText(f"Evidence files ({len(detail.files)})")

    def _save_current(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            stored: EvidenceFileView = item.data(FILE_ROLE)
            self.save_requested.emit(stored)
