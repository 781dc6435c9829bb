"""Draft minutes past their due date, as Home lists them: each a link to the meeting's minutes."""

from __future__ import annotations

from datetime import date
from html import escape

from sendboard.domain.wording import counted, short_date
from sendboard.services.minutes.views import MinutesListRow
from ui.common.dashboard_card import URGENT

#: How many overdue minutes Home names before it says how many more there are.
SHOWN = 4


def minutes_overdue_html(rows: list[MinutesListRow], today: date) -> str:
    """'Minutes overdue' with one link per meeting, oldest first; empty when none are."""
    if not rows:
        return ""
    lines = [f"<b style='color:{URGENT}'>⚠ Minutes overdue</b>"]
    for row in rows[:SHOWN]:
        late = (today - row.minutes_due).days
        lines.append(
            f"<a href='minutes:meeting:{row.meeting_id}'>{escape(row.label)}</a> "
            f"<span style='color:#555'>· {escape(row.status_label.lower())}, due "
            f"{short_date(row.minutes_due).replace(' ', '&nbsp;')} "
            f"({counted(late, 'day').replace(' ', '&nbsp;')} ago)</span>"
        )
    if len(rows) > SHOWN:
        lines.append(f"<a href='minutes'>and {len(rows) - SHOWN} more</a>")
    return "<br>".join(lines)
