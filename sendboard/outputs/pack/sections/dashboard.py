"""The performance dashboard: slippage first, then each priority area's measures with a small
chart, the latest value against the trajectory, and the status in colour, letter and words."""

from __future__ import annotations

from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from sendboard.domain.measures import Status
from sendboard.domain.wording import counted
from sendboard.outputs.pack.content import Dashboard, MeasureChart
from sendboard.outputs.pack.sections.measure_chart import WIDTH, chart_drawing
from sendboard.outputs.pack.styles import RULE, Styles, grid_style

HEAD = ("Measure", "Values against the target trajectory", "Latest and next target", "Status")
WIDTHS = (None, WIDTH + 4 * mm, 38 * mm, 22 * mm)
SHOWN = (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.NO_DATA)


def render(dashboard: Dashboard, styles: Styles) -> list[Flowable]:
    measures = dashboard.measures
    if not measures:
        return [Paragraph("No performance measures have been set up yet.", styles.body)]
    counts = {s: sum(1 for m in measures if m.status is s) for s in Status}
    summary = ", ".join(f"{counts[s]} {s.label.lower()}" for s in Status if counts[s])
    notice = (
        f"Targets are set at 3, 6, 12 and 24 months from the notice of "
        f"{dashboard.notice_date.day} {dashboard.notice_date:%B %Y}. "
        if dashboard.notice_date
        else ""
    )
    story: list[Flowable] = [
        Paragraph(
            f"{counted(len(measures), 'measure')}: {summary}. {notice}Each chart shows the "
            "values reported "
            "(solid line), the planned trajectory (dashed) and the milestones (◇).",
            styles.small,
        ),
        Spacer(1, 2 * mm),
        _key(styles),
        Spacer(1, 2 * mm),
        *_slippage(measures, styles),
    ]
    ordered = sorted(measures, key=lambda m: m.area)
    for area, group in groupby(ordered, key=lambda m: m.area):
        rows = sorted(group, key=lambda m: (m.status.rank, m.reference))
        story += [CondPageBreak(40 * mm), Paragraph(escape(area), styles.h2), _table(rows, styles)]
    return story


def _status_cell(status: Status, styles: Styles) -> Paragraph:
    ink = status.text_colour
    return Paragraph(
        f'<font color="{ink}"><b>{status.letter}</b> {escape(status.label)}</font>',
        styles.cell_centre,
    )


def _key(styles: Styles) -> Table:
    cells = [_status_cell(s, styles) for s in SHOWN]
    table = Table([cells], colWidths=[26 * mm] * len(cells), hAlign="LEFT")
    commands = [
        ("BACKGROUND", (i, 0), (i, 0), colors.HexColor(s.colour)) for i, s in enumerate(SHOWN)
    ]
    table.setStyle(
        TableStyle([*commands, ("GRID", (0, 0), (-1, -1), 0.4, colors.white),
                    ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    )  # fmt: skip
    return table


def _slippage(measures: tuple[MeasureChart, ...], styles: Styles) -> list[Flowable]:
    slipped = [(m, line) for m in measures for line in m.slippage]
    if not slipped:
        return [Paragraph("Slippage: no milestone has been missed.", styles.body)]
    data = [[Paragraph(h, styles.cell_head) for h in ("Ref", "Measure", "Milestone missed")]]
    for measure, line in slipped:
        data.append(
            [
                Paragraph(escape(measure.reference), styles.cell),
                Paragraph(escape(measure.name), styles.cell),
                Paragraph(f"<b>{escape(line)}</b>", styles.cell),
            ]
        )
    table = Table(data, colWidths=(16 * mm, 70 * mm, None), repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style())
    count = counted(len(slipped), "missed milestone")
    return [Paragraph(f"Slippage: {count}", styles.h2), table]


def _table(rows: list[MeasureChart], styles: Styles) -> Table:
    data: list[list[object]] = [[Paragraph(h, styles.cell_head) for h in HEAD]]
    commands: list[tuple] = []
    for index, measure in enumerate(rows, start=1):
        text = f"<b>{escape(measure.reference)}</b> {escape(measure.name)}"
        text += f'<br/><font color="#555555">{escape(measure.reason)}</font>'
        for line in measure.slippage:
            text += f'<br/><font color="#a31515">Slippage: {escape(line)}</font>'
        latest = escape(measure.latest) or "No values yet"
        detail = f"{latest}<br/>Trend: {escape(measure.trend)}"
        if measure.next_target:
            detail += f"<br/>Next: {escape(measure.next_target)}"
        data.append(
            [
                Paragraph(text, styles.cell),
                chart_drawing(measure),
                Paragraph(detail, styles.cell),
                _status_cell(measure.status, styles),
            ]
        )
        commands.append(
            ("BACKGROUND", (3, index), (3, index), colors.HexColor(measure.status.colour))
        )
    table = Table(data, colWidths=WIDTHS, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        grid_style(
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            *commands,
            stripes=False,
        )
    )
    return table
