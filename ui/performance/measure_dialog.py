"""Add or edit a performance measure: what it measures, its baseline, its 3/6/12/24-month targets
and any further milestones."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sendboard.domain.measures import TARGET_MONTHS, Direction, Frequency, format_value
from sendboard.domain.wording import entry_date
from sendboard.errors import ValidationError
from sendboard.services import measures
from sendboard.services.actions import ActionOptions
from sendboard.services.measures import FurtherMilestone, MeasureInput, MeasureView
from sendboard.services.measures.sheet_rows import parse_number
from ui.common.date_field import DateField
from ui.common.record_combo import NO_MATCH, RecordCombo
from ui.common.record_dialog import RecordDialog, Save
from ui.context import AppContext

DUE, VALUE, LABEL = range(3)


def _number(box: QLineEdit, what: str, key: str) -> float | None:
    try:
        return parse_number(box.text())
    except ValueError:
        raise ValidationError(f"{what} must be a number, e.g. 62 or 62.5.", key) from None


def _day(box: DateField, what: str, key: str) -> date | None:
    try:
        return box.value()
    except ValueError as exc:
        raise ValidationError(f"{what}: {exc}", key) from None


def _plain(value: float | None) -> str:
    return format_value(value).replace(",", "") if value is not None else ""


class MeasureDialog(RecordDialog):
    """A new measure when `view` is None, else that measure to edit."""

    def __init__(
        self,
        ctx: AppContext,
        options: ActionOptions,
        view: MeasureView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = f"Edit {view.reference}" if view else "New measure"
        super().__init__(ctx, title, parent)
        self.view = view
        self.setMinimumWidth(640)
        data = measures.input_from(view) if view else MeasureInput(name="")

        self.reference = QLineEdit(data.reference)
        self.reference.setPlaceholderText("Automatic from the priority area, e.g. P2-M3")
        self.reference.setMaximumWidth(220)
        self.area = RecordCombo("(none)")
        self.area.set_choices(
            ((f"{o.label} {o.detail}", o.id) for o in options.priority_areas),
            data.priority_area_id,
        )
        self.name = QLineEdit(data.name)
        self.definition = QPlainTextEdit(data.definition)
        self.definition.setTabChangesFocus(True)
        self.definition.setFixedHeight(54)
        self.definition.setPlaceholderText("What is counted, and how: numerator, denominator…")
        self.unit = QLineEdit(data.unit)
        self.unit.setPlaceholderText("%, days, children…")
        self.unit.setMaximumWidth(120)
        self.direction = QComboBox()
        for direction in Direction:
            self.direction.addItem(direction.label, direction.value)
        self.direction.setCurrentIndex(self.direction.findData(data.direction.value))
        self.frequency = QComboBox()
        for frequency in Frequency:
            self.frequency.addItem(frequency.label, frequency.value)
        self.frequency.setCurrentIndex(self.frequency.findData(data.frequency.value))
        self.source = QLineEdit(data.data_source)
        self.source.setPlaceholderText("e.g. SEN2 return, case management system")
        self.owner = RecordCombo("Not set", searchable=True)
        self.owner.set_choices(
            ((f"{o.label} — {o.detail}" if o.detail else o.label, o.id) for o in options.people),
            data.owner_id,
        )
        self.baseline = QLineEdit(_plain(data.baseline_value))
        self.baseline.setMaximumWidth(120)
        self.baseline_date = DateField()
        self.baseline_date.set_value(data.baseline_date)
        self.targets: dict[int, QLineEdit] = {}
        for months in TARGET_MONTHS:
            box = QLineEdit(_plain(data.targets.get(months)))
            box.setObjectName(f"target-{months}")
            box.setMaximumWidth(90)
            self.targets[months] = box

        self.add_field("reference", "&Reference", self.reference)
        self.add_field("priority_area_id", "Priority &area", self.area)
        self.add_field("name", "&Name", self.name)
        self.add_field("definition", "&Definition", self.definition)
        self.form.addRow("&Unit", self._row(self.unit, "Dire&ction", self.direction))
        self.fields.update(unit=self.unit, direction=self.direction)
        self.add_field("frequency", "Re&ported", self.frequency)
        self.add_field("data_source", "Data &source", self.source)
        self.add_field("owner_id", "&Owner", self.owner)
        self.form.addRow("Base&line", self._row(self.baseline, "measured on", self.baseline_date))
        self.fields.update(baseline_value=self.baseline, baseline_date=self.baseline_date)
        self.form.addRow("&Targets", self._targets_row())
        self.form.addRow("Further\nmilestones", self._further(data.further))
        if view is not None:
            self.edits("Measure", view.id, view.version)
        self.name.setFocus()

    def _row(self, first: QWidget, caption: str, second: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(caption)
        label.setBuddy(second)
        layout.addWidget(first)
        layout.addSpacing(12)
        layout.addWidget(label)
        layout.addWidget(second)
        layout.addStretch(1)
        return row

    def _targets_row(self) -> QWidget:
        row = QWidget()
        row.setObjectName("measure-targets")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for months, box in self.targets.items():
            label = QLabel(f"{months} months")
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(box)
            layout.addSpacing(6)
        layout.addStretch(1)
        self.fields["targets"] = row
        row.setToolTip("From the notice date (Settings); leave a target blank if none is set")
        return row

    def _further(self, further: tuple[FurtherMilestone, ...]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.milestones = QTableWidget(0, 3)
        self.milestones.setObjectName("measure-milestones")
        self.milestones.setHorizontalHeaderLabels(("Due (DD/MM/YYYY)", "Value", "Label"))
        self.milestones.verticalHeader().hide()
        self.milestones.horizontalHeader().setSectionResizeMode(
            LABEL, QHeaderView.ResizeMode.Stretch
        )
        self.milestones.setColumnWidth(DUE, 130)
        self.milestones.setFixedHeight(104)
        self.milestones.setTabKeyNavigation(False)
        for milestone in further:
            self.add_milestone(milestone)
        buttons = QHBoxLayout()
        add = QPushButton("Add &milestone")
        add.clicked.connect(lambda: self.add_milestone())
        remove = QPushButton("Remo&ve milestone")
        remove.clicked.connect(self.remove_milestone)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addWidget(self.milestones)
        layout.addLayout(buttons)
        self.fields["further"] = self.milestones
        return box

    def add_milestone(self, milestone: FurtherMilestone | None = None) -> None:
        row = self.milestones.rowCount()
        self.milestones.insertRow(row)
        cells = ("", "", "")
        if milestone is not None:
            cells = (entry_date(milestone.due), _plain(milestone.value), milestone.label)
        for column, text in enumerate(cells):
            self.milestones.setItem(row, column, QTableWidgetItem(text))
        if milestone is None:
            self.milestones.setCurrentCell(row, DUE)
            self.milestones.setFocus()
            self.milestones.editItem(self.milestones.item(row, DUE))

    def remove_milestone(self) -> None:
        row = self.milestones.currentRow()
        if row >= 0:
            self.milestones.removeRow(row)

    def take_theirs(self, column: str, value: object) -> bool:
        """Their targets (as the audit trail keeps them) replace the ones on screen; their
        baseline is shown as the form shows numbers and dates."""
        if column == "baseline_value" and isinstance(value, int | float | None):
            self.baseline.setText(_plain(value))
            return True
        if column == "baseline_date" and isinstance(value, str | None):
            self.baseline_date.set_value(date.fromisoformat(value[:10]) if value else None)
            return True
        if column != "targets":
            return super().take_theirs(column, value)
        entries = [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []
        months = {e.get("months"): e.get("value") for e in entries if e.get("months")}
        for month, box in self.targets.items():
            box.setText(_plain(months.get(month)))  # type: ignore[arg-type]
        self.milestones.setRowCount(0)
        for e in entries:
            if not e.get("months") and e.get("due"):
                due = date.fromisoformat(str(e["due"]))
                self.add_milestone(
                    FurtherMilestone(due, float(e["value"]), str(e.get("label", "")))
                )
        return True

    def _read_further(self) -> tuple[FurtherMilestone, ...]:
        found = []
        probe = DateField()
        for row in range(self.milestones.rowCount()):
            cells = [self.milestones.item(row, c) for c in range(3)]
            due_text, value_text, label = (c.text().strip() if c else "" for c in cells)
            if not (due_text or value_text or label):
                continue  # an empty row added and left
            probe.setText(due_text)
            where = f"Further milestone {row + 1}"
            due = _day(probe, where, "further")
            try:
                value = parse_number(value_text)
            except ValueError:
                value = None
            if due is None or value is None:
                raise ValidationError(
                    f"{where} needs a due date and a number as its value.", "further"
                )
            found.append(FurtherMilestone(due, value, label))
        return tuple(sorted(found, key=lambda m: m.due))

    def input(self) -> MeasureInput:
        owner = self.owner.value()
        if owner is NO_MATCH:
            raise ValidationError(
                "Choose the owner from the list, or leave it not set.", "owner_id"
            )
        targets = {}
        for months, box in self.targets.items():
            value = _number(box, f"The {months}-month target", "targets")
            if value is not None:
                targets[months] = value
        return MeasureInput(
            name=self.name.text(),
            priority_area_id=self.area.value(),
            reference=self.reference.text(),
            definition=self.definition.toPlainText(),
            unit=self.unit.text(),
            direction=Direction(self.direction.currentData()),
            data_source=self.source.text(),
            owner_id=owner,
            frequency=Frequency(self.frequency.currentData()),
            baseline_value=_number(self.baseline, "The baseline", "baseline_value"),
            baseline_date=_day(self.baseline_date, "The baseline date", "baseline_date"),
            targets=targets,
            further=self._read_further(),
        )

    def save_call(self) -> Save:
        data, db = self.input(), self.ctx.db
        if self.view is None:
            return lambda: measures.create_measure(db, data)
        measure_id = self.view.id
        return lambda: measures.update_measure(db, measure_id, data)
