"""The measures as the pack's performance dashboard shows them (plain data for the renderer)."""

from __future__ import annotations

from sendboard.domain.measures import Direction, Point, format_value, trajectory
from sendboard.outputs.pack.content import Dashboard, MeasureChart
from sendboard.services.measures.notice import read_notice_date
from sendboard.services.measures.views import MeasureView, read_measures
from sendboard.store.database import Database


def _short(label: str) -> str:
    """'12-month target' -> '12m'; a further milestone keeps its first word."""
    if label.endswith("-month target"):
        return label.split("-")[0] + "m"
    return label.split()[0] if label else ""


def chart(view: MeasureView) -> MeasureChart:
    latest = view.latest
    baseline = None
    if view.baseline_date is not None and view.baseline_value is not None:
        baseline = Point(view.baseline_date, view.baseline_value)
    line = trajectory(baseline, view.milestones)
    ahead = [t for t in view.targets if t.due and (latest is None or t.due > latest.period_end)]
    upcoming = min(ahead, key=lambda t: t.due) if ahead else None  # type: ignore[arg-type,return-value]
    return MeasureChart(
        reference=view.reference,
        name=view.name,
        area=view.area_label,
        status=view.status,
        reason=view.assessment.reason,
        trend=view.assessment.trend.label,
        latest=f"{view.shown(latest.value)} at {latest.period}" if latest else "",
        next_target=(
            f"{upcoming.label} {format_value(upcoming.value, view.unit)} by {upcoming.due:%b %Y}"
            if upcoming and upcoming.due
            else ""
        ),
        values=tuple((v.period_end, v.value) for v in view.values),
        line=tuple((p.day, p.value) for p in line),
        milestones=tuple((m.due, m.value, _short(m.label)) for m in view.milestones),
        slippage=view.slippage,
        higher_is_better=view.direction is Direction.HIGHER,
    )


def dashboard(db: Database) -> Dashboard:
    with db.read() as session:
        views = read_measures(session)
        notice = read_notice_date(session)
    return Dashboard(tuple(chart(v) for v in views), notice)
