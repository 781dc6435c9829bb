"""The attendance of a meeting as the Minutes page shows it: who was there, and the quorum."""

from __future__ import annotations

from html import escape

from sendboard.services.minutes import AttendeeView, MinutesView


def _people(title: str, people: tuple[AttendeeView, ...], substitutes: bool = False) -> str:
    if not people:
        return ""
    rows = []
    for p in people:
        detail = f"for {p.substitute_for}" if substitutes else p.role
        rows.append(
            f"<tr><td>{escape(p.name)}</td><td>{escape(p.organisation)}</td>"
            f"<td>{escape(detail)}</td></tr>"
        )
    return (
        f"<h3>{escape(title)}</h3><table cellspacing=0 cellpadding=3 width='100%'>"
        + "".join(rows)
        + "</table>"
    )


def attendance_html(view: MinutesView) -> str:
    a = view.attendance
    colour = "#2e6b30" if a.quorate else "#a31515"
    source = (
        "As recorded when the minutes were approved."
        if view.locked
        else "From the meeting's invitation list and attendance record (Meetings page)."
    )
    return (
        f"<h2>Attendance</h2><p style='color:#555555'>{source}</p>"
        + _people("Present", a.present)
        + _people("Substitutes", a.substitutes, substitutes=True)
        + _people("In attendance", a.in_attendance)
        + _people("Apologies", a.apologies)
        + f"<p style='color:{colour}'><b>{escape(a.quorum_text)}</b></p>"
    )
