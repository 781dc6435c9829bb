"""What the Home dashboard says about the action log, the risk register and compliance.

Pure functions from service views to (figure, caption, colour, html), so they are tested
without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from sendboard import clock
from sendboard.domain.actions import ActionStatus
from sendboard.domain.compliance import describe_missing
from sendboard.services.actions.queries import ActionLog
from sendboard.services.boards import BoardView
from sendboard.services.meetings.invitations import GateWarning
from sendboard.services.risks.views import RiskView
from ui.common.dashboard_card import CALM, FINE, URGENT, WATCH


def link(place: str, text: str, colour: str = "") -> str:
    """A link Home follows to where the thing is fixed ("page:intent", see ChangeBus)."""
    style = f" style='color:{colour}'" if colour else ""
    return f"<a href='{place}'{style}>{text}</a>"


@dataclass(frozen=True)
class Summary:
    figure: str
    caption: str
    colour: str
    html: str


def _plural(count: int, word: str, many: str = "") -> str:
    return f"{count:,} {word if count == 1 else many or word + 's'}"


def actions_summary(log: ActionLog, today: date | None = None) -> Summary:
    today = today or clock.today()
    if not log.rows:
        return Summary(
            "",
            "",
            CALM,
            "No actions in the log yet. "
            + link("actions", "Open the action log")
            + " to add them or import your spreadsheet.",
        )
    open_rows = [v for v in log.rows if v.status is ActionStatus.OPEN]
    highlighted = [v for v in open_rows if v.highlights]
    overdue = [v for v in open_rows if v.due is not None and v.due < today]
    need_update = [v for v in open_rows if v.needs_update]
    lines = [
        f"<b>{_plural(len(open_rows), 'open action')}</b> of {len(log.rows):,} in the log",
        _warning(len(overdue), f"{_plural(len(overdue), 'action')} past the due date"),
        _warning(
            len(need_update),
            f"{_plural(len(need_update), 'action')} without an update since their board last met",
        ),
    ]
    if highlighted:
        lines.append(
            link("actions", f"{_plural(len(highlighted), 'open action')} slow to progress", WATCH)
        )
    if log.partners:
        names = ", ".join(escape(p.organisation) for p in log.partners)
        lines.append(
            link("actions", f"⚑ Contributions needing strengthening: <b>{names}</b>", WATCH)
        )
    colour = URGENT if len(highlighted) > len(open_rows) // 4 else WATCH if highlighted else FINE
    return Summary(
        str(len(highlighted)), "open actions slow to progress", colour, "<br>".join(lines)
    )


def _warning(count: int, text: str, place: str = "actions") -> str:
    """A line that is a link to where it is dealt with when there is something to deal with."""
    return link(place, text, WATCH) if count else text


def risks_summary(views: list[RiskView]) -> Summary:
    live = [v for v in views if v.live]
    if not live:
        return Summary(
            "",
            "",
            CALM,
            "No live risks on the register yet. "
            + link("risks", "Open the risk register")
            + " to add them or import your register.",
        )
    above = [v for v in live if v.above_appetite]
    not_reviewed = [v for v in live if v.not_reviewed]
    lines = [
        f"<b>{_plural(len(live), 'live risk')}</b> on the register",
        (
            link(
                "risks",
                f"{_plural(len(not_reviewed), 'risk')} not reviewed since their board last met",
                WATCH,
            )
            if not_reviewed
            else "Every live risk reviewed since its board last met"
        ),
    ]
    if above:
        lines.append(link("risks", f"{_plural(len(above), 'live risk')} above appetite", URGENT))
    top = min(live, key=lambda v: (-v.residual.score, v.reference))
    band = top.residual.band
    lines.append(
        f"Highest: <b>{escape(top.reference)}</b> {escape(top.title)} "
        f"<span style='background:{band.colour}; color:{band.text_colour}'>"
        f"&nbsp;{top.residual.text.replace(' ', '&nbsp;')}&nbsp;</span>"
    )
    colour = URGENT if above else FINE
    return Summary(str(len(above)), "live risks above appetite", colour, "<br>".join(lines))


def boards_html(views: list[BoardView], scheduled: bool = True) -> str:
    """Boards missing someone with an email address for a role they must invite. With no
    meetings ahead (`scheduled` false) the all-clear is said plainly, not ticked in green."""
    if not views:
        return (
            "No boards yet. "
            + link("people:new-board", "Add the Improvement Board")
            + ", or import a setup workbook, before anything can be checked here."
        )
    problems = [b for b in views if b.missing_roles]
    if not problems and not any(b.member_count for b in views):
        return ""  # nothing to tick yet: next_step_html says what to do
    if not problems and not scheduled:
        return "Every board has a member with an email address for each role it must invite."
    if not problems:
        return (
            f"<span style='color:{FINE}'>✓ Every board has a member with an email address for "
            "each role it must invite.</span>"
        )
    items = "".join(
        f"<li>{link(f'people:board:{b.id}', f'<b>{escape(b.name)}</b>', URGENT)}: "
        f"{describe_missing(b.missing_roles)}</li>"
        for b in problems
    )
    return (
        f"<span style='color:{URGENT}'><b>Boards missing a required role</b></span><ul>{items}</ul>"
    )


def gate_html(warnings: list[GateWarning]) -> str:
    """Coming meetings whose invitations are blocked by the compliance gate."""
    if not warnings:
        return ""
    items = "".join(
        f"<li>{link(f'meetings:meeting:{w.meeting_id}', f'<b>{escape(w.label)}</b>', URGENT)}: "
        f"{escape(w.text)} Invitations cannot be sent until this is fixed.</li>"
        for w in warnings
    )
    return (
        f"<span style='color:{URGENT}'><b>Upcoming meetings whose invitations are blocked"
        f"</b></span><ul>{items}</ul>"
    )


def compliance_figure(
    views: list[BoardView], warnings: list[GateWarning], scheduled: bool
) -> tuple[str, str, str]:
    """The card's figure: green only when there are meetings ahead and nobody required is
    missing from their lists; neutral while there is nothing yet to check."""
    if not views:
        return "–", "no boards yet", CALM
    problems = sum(1 for b in views if b.missing_roles) + len(warnings)
    if problems:
        return str(problems), "problems to fix", URGENT
    if not any(b.member_count for b in views):
        return "–", "nobody to invite yet", CALM
    if not scheduled:
        return "–", "no meetings scheduled", CALM
    return "✓", "advisers invited", FINE


def next_step_html(views: list[BoardView], warnings: list[GateWarning], scheduled: bool) -> str:
    """While the card is neutral with boards set up: what to do next, as a link ("" otherwise)."""
    figure = compliance_figure(views, warnings, scheduled)
    if figure[1] == "nobody to invite yet":
        return "Nobody to invite yet: " + link("people:add-member", "add members") + "."
    if figure[1] == "no meetings scheduled":
        return (
            "No meetings yet, so nobody is invited: "
            + link("meetings:schedule-series", "schedule them")
            + "."
        )
    return ""
