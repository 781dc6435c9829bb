"""Standing agenda items whose content the pack renders from live data, one module each.

Previous minutes have no data behind them yet; their agenda item appears in the pack with
whatever papers are attached, and no generated section.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from sendboard.domain.meetings import StandingItem
from sendboard.outputs.pack.content import PackContent
from sendboard.outputs.pack.sections import (
    action_log,
    dashboard,
    priority_progress,
    reporting_up,
    risk_register,
)
from sendboard.outputs.pack.styles import Styles


def section(standing: StandingItem | None, content: PackContent, styles: Styles) -> list[Flowable]:
    """The generated pages for a standing item, or [] when it has none (or no data)."""
    if standing is StandingItem.ACTION_LOG and content.action_log is not None:
        return action_log.render(content.action_log, styles)
    if standing is StandingItem.RISK_REGISTER and content.risks is not None:
        return risk_register.render(content.risks, styles)
    if standing is StandingItem.DASHBOARD and content.dashboard is not None:
        return dashboard.render(content.dashboard, styles)
    if standing is StandingItem.PRIORITY_UPDATES and content.progress is not None:
        progress = content.progress
        return priority_progress.render(progress, styles) + reporting_up.render(progress, styles)
    if standing is StandingItem.SELF_ASSESSMENT and content.self_assessment is not None:
        from sendboard.outputs.stocktake import pack_section

        return pack_section.render(content.self_assessment, styles)
    return []
