"""The meeting's Pack tab: build the confidential, public or supplement pack off the GUI thread,
and open, print, email or find the packs already issued."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.wording import counted, table_time
from sendboard.errors import Cancelled, SendboardError
from sendboard.progress import CancelToken
from sendboard.services import packs
from sendboard.services.common.changes import Area
from sendboard.services.packs import mail as pack_mail
from ui.common.buttons import set_available
from ui.common.errors import desktop_failed, open_file, show_error, show_in_folder
from ui.common.rows import RowsTableModel
from ui.common.view_state import ColumnMemory
from ui.context import AppContext
from ui.meetings.tabs import MeetingTab


class PackListModel(RowsTableModel[packs.PackBuildView]):
    """Issued packs in issue order, each supplement under the pack whose numbering it continues."""

    TIME, KIND, PAGES, NUMBERED, SHA, FILE = range(6)
    HEADERS = ("Built", "Kind", "Pages", "Numbered", "SHA-256", "File")

    def display(self, row: packs.PackBuildView, column: int) -> Any:
        local = _aware(row.built_at).astimezone()
        return {
            self.TIME: table_time(local),
            self.KIND: f"    ↳ {row.kind_label}" if row.supplement else row.kind_label,
            self.PAGES: row.pages,
            self.NUMBERED: f"pages {row.page_range}",
            self.SHA: row.short_sha,
            self.FILE: Path(row.path).name,
        }[column]

    def tooltip(self, row: packs.PackBuildView, column: int) -> str | None:
        numbered = (
            f"Numbered on from the pack before it: file it straight after page {row.first_page - 1}"
            if row.supplement and row.first_page > 1
            else None
        )
        return {self.SHA: row.sha256, self.FILE: row.path, self.NUMBERED: numbered}.get(column)

    def role_data(self, row: packs.PackBuildView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def newest_row(self) -> int | None:
        """The pack issued last, wherever its run puts it in the list."""
        rows = [self.row_at(i) for i in range(self.rowCount())]
        if not rows:
            return None
        return max(range(len(rows)), key=lambda i: (_aware(rows[i].built_at), rows[i].id))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class PackTab(MeetingTab):
    title = "Pack"
    areas = (Area.MEETINGS, Area.PACKS)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.token: CancelToken | None = None
        self.model = PackListModel()
        layout = QVBoxLayout(self)

        builds = QHBoxLayout()
        self.build_button = QPushButton("Buil&d pack")
        self.build_button.setToolTip("The confidential pack, with exempt items, for members")
        self.public_button = QPushButton("Build p&ublic pack")
        self.public_button.setToolTip(
            "For publication: a 'not for publication' notice stands in for each exempt item"
        )
        for button, public in ((self.build_button, False), (self.public_button, True)):
            button.clicked.connect(lambda _=False, p=public: self.choose_and_build(p, False))
            builds.addWidget(button)
        # One button, two kinds: each classification's supplement numbers on from its own pack.
        self.supplement_button = QPushButton("Build supple&ment")
        self.supplement_button.setToolTip(
            "The papers attached since the pack (or its last supplement) was issued; "
            "its pages number on from it"
        )
        menu = QMenu(self.supplement_button)
        self.supplement_action = menu.addAction("&Confidential supplement")
        self.supplement_action.setToolTip("Follows the confidential pack")
        self.public_supplement_action = menu.addAction("&Public supplement")
        self.public_supplement_action.setToolTip(
            "Follows the public pack; a notice stands in for exempt items' late papers"
        )
        self.supplement_action.triggered.connect(lambda: self.choose_and_build(False, True))
        self.public_supplement_action.triggered.connect(lambda: self.choose_and_build(True, True))
        self.supplement_button.setMenu(menu)
        builds.addWidget(self.supplement_button)
        builds.addStretch(1)
        layout.addLayout(builds)

        running = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        layout.addLayout(running)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        layout.addWidget(QLabel("<b>Issued packs</b>"))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.columns = ColumnMemory(self.table, "packs")
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        layout.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.open_button = QPushButton("&Open")
        self.open_button.clicked.connect(self.open_selected)
        self.print_button = QPushButton("Print…")
        self.print_button.setToolTip("Print through the system print dialog (Ctrl+P)")
        self.print_button.clicked.connect(self.print_selected)
        self.email_button = QPushButton("Email to in&vitees…")
        self.email_button.setToolTip("Open a message with the pack attached in your mail program")
        self.email_button.clicked.connect(self.email_selected)
        self.folder_button = QPushButton("Show in fold&er")
        self.folder_button.clicked.connect(self.show_in_folder)
        for button in (self.open_button, self.print_button, self.email_button, self.folder_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.actions_row = actions
        layout.addLayout(actions)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._set_running(False)

    # -- listing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            self.model.set_rows([])
            self._update_buttons()
            return
        self.ctx.tasks.run(
            lambda: packs.list_packs(self.ctx.db, meeting_id), on_done=self._show_rows
        )

    def _show_rows(self, rows: list[packs.PackBuildView]) -> None:
        self.model.set_rows(rows)
        newest = self.model.newest_row()
        if newest is not None:
            self.table.selectRow(newest)
        self._update_buttons()

    def build_buttons(self) -> tuple[QPushButton, ...]:
        return (self.build_button, self.public_button, self.supplement_button)

    def selected(self) -> packs.PackBuildView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        no_build = (
            "select a meeting first"
            if self.meeting_id is None
            else "a pack is being built now"
            if self.token is not None
            else ""
        )
        for button in self.build_buttons():
            set_available(button, not no_build, no_build)
        chosen = self.selected() is not None
        why = "select a pack in the list first" if self.model.rowCount() else "build the pack first"
        for button in (self.open_button, self.print_button, self.email_button, self.folder_button):
            set_available(button, chosen, why)

    # -- building -----------------------------------------------------------------------------
    def choose_and_build(self, public: bool, supplement: bool) -> None:
        if self.meeting_id is None:
            return
        if supplement:
            # Say why now (no pack issued yet) rather than after a file has been chosen.
            try:
                check = packs.check_supplement(self.ctx.db, self.meeting_id, public=public)
            except SendboardError as exc:
                show_error(self, exc)
                return
            self.status.setText(
                f"Supplement {check.number} will be numbered from page {check.first_page}, "
                f"on from the {check.follows}."
            )
        name = packs.suggested_name(
            self.ctx.db, self.meeting_id, public=public, supplement=supplement
        )
        start = Path.home() / "Documents"
        folder = start if start.is_dir() else Path.home()
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the pack as", str(folder / name), "PDF files (*.pdf)"
        )
        if path:
            self.start_build(Path(path), public=public, supplement=supplement)

    def start_build(self, out: Path, *, public: bool, supplement: bool) -> None:
        meeting_id = self.meeting_id
        if meeting_id is None or self.token is not None:
            return
        db = self.ctx.db

        def work(progress: Any, token: CancelToken) -> packs.MadePack:
            return packs.make_pack(
                db,
                meeting_id,
                out,
                public=public,
                supplement=supplement,
                progress=progress,
                token=token,
            )

        self.status.setText("Building the pack…")
        self.token = self.ctx.tasks.run(
            work, on_done=self._made, on_error=self._failed, on_progress=self._progress
        )
        self._set_running(True)

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, total)  # 0..0 shows a busy bar while the total is unknown
        self.progress.setValue(done)
        self.progress.setFormat(message)

    def _made(self, made: packs.MadePack) -> None:
        self.ctx.mutate(
            lambda: packs.record_pack(self.ctx.db, made),
            on_done=lambda view: self._recorded(
                view, "\n".join(n for n in (made.withheld_note, made.overrun_note) if n)
            ),
            on_error=self._failed,
        )

    def _recorded(self, view: packs.PackBuildView, note: str = "") -> None:
        self._set_running(False)
        numbered = f", numbered {view.page_range}" if view.supplement else ""
        saved = f"{view.kind_label} saved: {counted(view.pages, 'page')}{numbered}, {view.path}"
        self.status.setText(f"{saved}\n{note}" if note else saved)

    def _failed(self, exc: Exception) -> None:
        self._set_running(False)
        if isinstance(exc, Cancelled):
            self.status.setText("Cancelled: no pack was written.")
            return
        self.status.setText("The pack was not built.")
        show_error(self, exc)

    def cancel(self) -> None:
        if self.token is not None:
            self.token.cancel()
            self.status.setText("Cancelling…")

    def _set_running(self, running: bool) -> None:
        if not running:
            self.token = None
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self.progress.setFormat("Starting…")
        self._update_buttons()

    # -- issued packs -------------------------------------------------------------------------
    def _with_file(self, then: Any) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.ctx.tasks.run(
            lambda: packs.pack_file(self.ctx.db, chosen.id),
            on_done=then,
            on_error=lambda exc: show_error(self, exc),
        )

    def open_selected(self) -> None:
        self._with_file(lambda path: open_file(self, Path(path)))

    def print_selected(self) -> None:
        from ui.meetings.pdf_print import PrintFailed, print_pdf

        def print_file(path: Path) -> None:
            try:
                print_pdf(self, Path(path))
            except PrintFailed as exc:
                desktop_failed(self, str(exc), Path(path))

        self._with_file(print_file)

    def email_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if pack_mail.too_large(chosen) and not confirm_large(self, chosen):
            return
        set_available(self.email_button, False, "opening your mail program…")

        def sent(result: Any) -> None:
            self.ctx.announce(result.changes)
            self._update_buttons()
            self.status.setText(f"{result.value.status}. Check the message and send it.")

        def failed(exc: Exception) -> None:
            self._update_buttons()
            show_error(self, exc)

        # Off the writer: the mail program's own window may stay open for minutes.
        self.ctx.tasks.run(
            lambda: pack_mail.email_pack(self.ctx.db, chosen.id), on_done=sent, on_error=failed
        )

    def show_in_folder(self) -> None:
        self._with_file(lambda path: show_in_folder(self, Path(path)))


def confirm_large(parent: QWidget, view: packs.PackBuildView) -> bool:
    megabytes = view.size / (1024 * 1024)
    answer = QMessageBox.warning(
        parent,
        "Large pack",
        f"This pack is {megabytes:.1f} MB. Many mail systems refuse messages over 10 MB, "
        "so some invitees may not receive it. Consider sharing it through a secure link "
        "instead.\n\nEmail it anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
