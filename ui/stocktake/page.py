"""The Stocktake page: the notice's requirements with what answers each (flagging any with
nothing linked or everything slipping), the co-production and engagement log with its workbook
in and out, and the self-assessment for a stocktake meeting, edited here and written to Word."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sendboard import clock
from sendboard.domain.brag import Brag
from sendboard.domain.wording import counted, prose_date
from sendboard.services import stocktake
from sendboard.services.common.changes import Area
from sendboard.services.common.imports import ImportPreview
from ui.common.buttons import set_available
from ui.common.errors import error_text, show_error
from ui.common.heading import page_heading
from ui.common.import_file import preview_then_import
from ui.common.import_preview import ImportCall, ImportPreviewDialog
from ui.common.page import Page
from ui.context import AppContext
from ui.stocktake.engagement_tab import EngagementTab
from ui.stocktake.links_dialog import RequirementDialog, load_links
from ui.stocktake.models import AssessmentModel, CoverageModel
from ui.stocktake.parts import SHEETS, button, save_name, table
from ui.stocktake.paste_dialog import PasteNoticeDialog


class StocktakePage(Page):
    areas = (Area.STOCKTAKE, Area.ACTIONS, Area.MEASURES, Area.RISKS, Area.MEETINGS)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.coverage_model = CoverageModel()
        self.assessment_model = AssessmentModel()
        self.assessment: stocktake.SelfAssessment | None = None
        self.links_dialog: RequirementDialog | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(page_heading("DfE stocktake"))
        self.notice = QLabel()
        self.notice.setObjectName("stocktake-notice")
        top.addWidget(self.notice, 1)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._coverage_tab(), "&Requirements && coverage")
        self.tabs.addTab(self._engagement_tab(), "&Engagement log")
        self.tabs.addTab(self._assessment_tab(), "&Self-assessment")
        layout.addWidget(self.tabs, 1)

    # tabs -----------------------------------------------------------------------------------
    def _coverage_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.coverage_summary = QLabel()
        self.coverage_summary.setObjectName("coverage-summary")
        self.coverage_summary.setWordWrap(True)
        row.addWidget(self.coverage_summary, 1)
        self.link_button = button("&Link and evidence…", "coverage-link", self.edit_links)
        row.addWidget(self.link_button)
        row.addWidget(button("&Paste the notice…", "notice-paste", self.paste_notice))
        row.addWidget(button("I&mport…", "notice-import", self.import_notice))
        row.addWidget(button("E&xport coverage…", "notice-export", self.export_coverage))
        layout.addLayout(row)
        self.coverage_table = table(
            self.coverage_model,
            "coverage-table",
            CoverageModel.TEXT,
            ((CoverageModel.ACTIONS, 190), (CoverageModel.MEASURES, 190)),
        )
        self.coverage_table.doubleClicked.connect(lambda _index: self.edit_links())
        layout.addWidget(self.coverage_table, 1)
        return tab

    def _engagement_tab(self) -> QWidget:
        self.engagement = EngagementTab(self.ctx)
        self.events_model = self.engagement.model
        self.events_table = self.engagement.table
        self.events_summary = self.engagement.summary
        return self.engagement

    def _assessment_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        caption = QLabel("Stocktake &meeting:")
        self.meeting = QComboBox()
        self.meeting.setObjectName("assessment-meeting")
        self.meeting.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption.setBuddy(self.meeting)
        row.addWidget(caption)
        row.addWidget(self.meeting)
        row.addStretch(1)
        row.addWidget(button("&Word document…", "assessment-word", self.export_word))
        layout.addLayout(row)
        self.assessment_summary = QLabel()
        self.assessment_summary.setObjectName("assessment-summary")
        layout.addWidget(self.assessment_summary)
        self.assessment_table = table(
            self.assessment_model, "assessment-table", AssessmentModel.TEXT
        )
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        column.addWidget(self.chosen)  # above the form, so its wrapped lines get their height
        form = QFormLayout()
        column.addLayout(form, 1)
        self.judgement = QComboBox()
        self.judgement.setObjectName("assessment-judgement")
        self.judgement.addItem("As suggested", "")
        for brag in (Brag.BLUE, Brag.GREEN, Brag.AMBER, Brag.RED):
            self.judgement.addItem(f"{brag.letter} {brag.label}", brag.value)
        self.reason = QLineEdit()
        self.reason.setObjectName("assessment-reason")
        self.reason.setPlaceholderText("Why the judgement differs from the suggestion")
        self.narrative = QPlainTextEdit()
        self.narrative.setObjectName("assessment-narrative")
        self.save_button = button("Sa&ve judgement", "assessment-save", self.save_judgement)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form.addRow("&Judgement:", self.judgement)
        form.addRow("&Reason:", self.reason)
        form.addRow("&Narrative:", self.narrative)
        form.addRow(self.save_button)
        form.addRow(self.problem)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.assessment_table)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([860, 340])
        layout.addWidget(splitter, 1)
        self.meeting.currentIndexChanged.connect(self._load_assessment)
        self.assessment_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._chosen(current.row())
        )
        return tab

    # loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        db = self.ctx.db
        self.ctx.tasks.run(
            lambda: (
                stocktake.get_notice(db),
                stocktake.coverage(db),
                stocktake.list_events(db),
                stocktake.list_stocktakes(db),
            ),
            on_done=self.show_data,
            on_error=lambda exc: show_error(self, exc),
        )

    def show_data(self, data) -> None:  # type: ignore[no-untyped-def]
        notice, rows, events, meetings = data
        when = f", issued {prose_date(notice.issued_on)}" if notice.issued_on else ""
        self.notice.setText(
            f"Improvement Notice to {notice.council}{when}: "
            f"{counted(notice.requirements, 'paragraph')}"
            if notice.requirements
            else "No Improvement Notice yet: paste its text or import a spreadsheet."
        )
        self.coverage_model.set_rows(rows)
        tracked = sum(1 for r in rows if r.tracked)
        self.coverage_summary.setText(
            f"{counted(tracked, 'requirement')} to answer; {self.coverage_model.flagged()} flagged "
            "(nothing linked, no action, or everything linked slipping)."
        )
        self.engagement.show_events(events)
        chosen = self.meeting.currentData()
        self.meeting.blockSignals(True)
        self.meeting.clear()
        for meeting in meetings:
            self.meeting.addItem(meeting.label, meeting.id)
        ahead = [m.id for m in meetings if m.day >= clock.today()]
        wanted = chosen if chosen is not None else (ahead[0] if ahead else None)
        self.meeting.setCurrentIndex(max(self.meeting.findData(wanted), 0))
        self.meeting.blockSignals(False)
        self._load_assessment()

    def _load_assessment(self) -> None:
        meeting_id = self.meeting.currentData()
        if meeting_id is None:
            self.assessment_model.set_rows([])
            self.assessment_summary.setText("No DfE stocktake meeting yet.")
            self._chosen(-1)
            return
        self.ctx.tasks.run(
            lambda: stocktake.draft_assessment(self.ctx.db, meeting_id),
            on_done=self.show_assessment,
            on_error=lambda exc: show_error(self, exc),
        )

    def show_assessment(self, assessment) -> None:  # type: ignore[no-untyped-def]
        current = self.assessment_table.currentIndex().row()
        self.assessment = assessment
        self.assessment_model.set_rows(assessment.requirements)
        counts = ", ".join(
            f"{assessment.count(b)} {b.letter}"
            for b in (Brag.BLUE, Brag.GREEN, Brag.AMBER, Brag.RED)
        )
        self.assessment_summary.setText(
            f"{counts}; {len(assessment.flagged)} flagged. Evidence: {assessment.period_text}."
        )
        if 0 <= current < self.assessment_model.rowCount():
            self.assessment_table.selectRow(current)
        self._chosen(self.assessment_table.currentIndex().row())

    def _chosen(self, row: int) -> None:
        has = 0 <= row < self.assessment_model.rowCount()
        for widget in (self.judgement, self.reason, self.narrative):
            widget.setEnabled(has)
        why = (
            "schedule a DfE stocktake meeting first, on the Meetings page"
            if self.meeting.currentData() is None
            else "select a requirement first"
            if self.assessment_model.rowCount()
            else "no requirements to judge yet: paste the notice first"
        )
        set_available(self.save_button, has, why)
        if not has:
            self.chosen.setText("Choose a requirement to judge it.")
            return
        item = self.assessment_model.row_at(row)
        self.chosen.setText(
            f"<b>{item.reference}</b> {item.text}<br/>{item.suggested_label}: "
            f"{item.suggested.letter} {item.suggested.label}"
            + (f": {item.suggested_reason}" if item.suggested_reason else ".")
            + (f"<br/>{item.data_moved}" if item.data_moved else "")
        )
        self.judgement.setCurrentIndex(
            max(self.judgement.findData(item.judgement.value if item.judgement else ""), 0)
        )
        self.reason.setText(item.reason)
        self.narrative.setPlainText(item.narrative)
        self.problem.setText("")

    # actions --------------------------------------------------------------------------------
    def save_judgement(self) -> None:
        row = self.assessment_table.currentIndex().row()
        if self.assessment is None or row < 0:
            return
        item = self.assessment_model.row_at(row)
        value = self.judgement.currentData()
        meeting_id = self.assessment.meeting_id
        reason, narrative = self.reason.text(), self.narrative.toPlainText()
        self.ctx.mutate(
            lambda: stocktake.save_judgement(
                self.ctx.db,
                meeting_id,
                item.requirement_id,
                judgement=Brag(value) if value else None,
                suggested=item.data_suggested or item.suggested,
                reason=reason,
                narrative=narrative,
            ),
            on_done=lambda _id: self.problem.setText("Saved."),
            on_error=lambda exc: self.problem.setText(error_text(exc)),
        )

    def edit_links(self) -> None:
        """The chosen requirement's links and evidence, in a dialog."""
        index = self.coverage_table.currentIndex().row()
        if not 0 <= index < self.coverage_model.rowCount():
            self.coverage_summary.setText("Choose a requirement first.")
            return
        requirement_id = self.coverage_model.row_at(index).id

        def shown(data) -> None:  # type: ignore[no-untyped-def]
            self.links_dialog = RequirementDialog(self.ctx, data, self)
            self.links_dialog.start()

        self.ctx.tasks.run(
            lambda: load_links(self.ctx.db, requirement_id),
            on_done=shown,
            on_error=lambda exc: show_error(self, exc),
        )

    def paste_notice(self) -> PasteNoticeDialog:
        dialog = PasteNoticeDialog(self.ctx, parent=self)
        dialog.open()
        return dialog

    def import_notice(
        self,
        path: Path | None = None,
        on_dialog: Callable[[ImportPreviewDialog], None] | None = None,
    ) -> None:
        db = self.ctx.db

        def read(source: Path) -> tuple[ImportPreview, ImportCall]:
            draft = stocktake.draft_from_file(source)
            return stocktake.preview_notice(db, draft), lambda: stocktake.save_notice(db, draft)

        preview_then_import(
            self,
            self.ctx,
            "Import the notice's requirements",
            path,
            read,
            kinds="Notice (*.txt *.xlsx *.csv)",
            on_dialog=on_dialog,
        )

    def _save_name(self, title: str, default: str, kinds: str) -> Path | None:
        return save_name(self, title, default, kinds)

    def export_coverage(self) -> None:
        path = self._save_name(
            "Export coverage", f"requirements-{clock.today():%Y-%m-%d}.xlsx", SHEETS
        )
        if path is not None:
            self.ctx.tasks.run(
                lambda: stocktake.export_coverage(self.ctx.db, path),
                on_done=lambda n: self.coverage_summary.setText(
                    f"{counted(n, 'requirement')} written to {path}"
                ),
                on_error=lambda exc: show_error(self, exc),
            )

    def export_word(self) -> None:
        meeting_id = self.meeting.currentData()
        if meeting_id is None:
            return
        path = self._save_name(
            "Self-assessment as Word",
            f"self-assessment-{clock.today():%Y-%m-%d}.docx",
            "Word document (*.docx)",
        )
        if path is not None:
            path = path.with_suffix(".docx")
            self.ctx.tasks.run(
                lambda: stocktake.write_assessment(self.ctx.db, meeting_id, path),
                on_done=lambda out: self.assessment_summary.setText(f"Written to {out}"),
                on_error=lambda exc: show_error(self, exc),
            )
