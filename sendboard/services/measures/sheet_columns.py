"""The headings of the measures workbook, written by the export and read back by the import."""

from __future__ import annotations

from sendboard.domain.measures import TARGET_MONTHS

#: (field, heading, width) of the export, in order. Fields after "further" are worked out
#: from the values and are not read back.
MEASURE_COLUMNS = (
    ("reference", "Reference", 10),
    ("area", "Priority area", 10),
    ("name", "Measure", 40),
    ("definition", "Definition", 40),
    ("unit", "Unit", 8),
    ("direction", "Better", 16),
    ("data_source", "Data source", 22),
    ("owner", "Owner", 20),
    ("frequency", "Frequency", 11),
    ("baseline_value", "Baseline", 10),
    ("baseline_date", "Baseline date", 12),
    *((f"target_{m}", f"{m}-month target", 10) for m in TARGET_MONTHS),
    ("further", "Further milestones", 30),
    ("latest_value", "Latest value", 10),
    ("latest_period", "Latest period", 14),
    ("status", "Status", 14),
    ("slippage", "Slippage", 44),
    ("trend", "Trend", 14),
)
WORKED_OUT = ("latest_value", "latest_period", "status", "slippage", "trend")

MEASURE_ALIASES: dict[str, tuple[str, ...]] = {
    "reference": ("Ref", "Measure ref", "Measure reference", "KPI ref", "Code", "ID"),
    "area": ("Priority area", "Priority", "Area", "Priority area code", "Workstream"),
    "name": ("Measure", "Measure name", "KPI", "Indicator", "Performance measure", "Metric"),
    "definition": ("Description", "Measure definition"),
    "unit": ("Units",),
    "direction": ("Better", "Direction", "Polarity", "Good is"),
    "data_source": ("Source", "Data source"),
    "owner": ("Owner", "Lead", "Measure owner", "Responsible officer"),
    "frequency": ("Frequency", "Reporting frequency", "Reported"),
    "baseline_value": ("Baseline", "Baseline value"),
    "baseline_date": ("Baseline date", "Baseline as at", "Baseline period"),
    **{
        f"target_{m}": (
            f"{m}-month target",
            f"{m} month target",
            f"{m}m target",
            f"Target {m} months",
        )
        for m in TARGET_MONTHS
    },
    "further": ("Further milestones", "Other milestones", "Milestones"),
    "latest_value": ("Latest value", "Latest"),
    "latest_period": ("Latest period",),
    "status": ("Status", "RAG", "Rating"),
    "slippage": ("Slippage",),
    "trend": ("Trend", "Direction of travel"),
}

VALUE_COLUMNS = (
    ("reference", "Reference", 10),
    ("name", "Measure", 40),
    ("unit", "Unit", 8),
    ("period", "Period", 14),
    ("value", "Value", 10),
    ("note", "Note", 40),
)
VALUE_ALIASES: dict[str, tuple[str, ...]] = {
    "reference": MEASURE_ALIASES["reference"],
    "name": MEASURE_ALIASES["name"],
    "unit": ("Units",),
    "period": ("Period", "Month", "Term", "Quarter", "Period ending", "Reporting period"),
    "value": ("Value", "Actual", "Result", "Figure"),
    "note": ("Note", "Notes", "Comment", "Comments", "Commentary"),
}
