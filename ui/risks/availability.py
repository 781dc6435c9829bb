"""Why each of the risk register's buttons is greyed out, if it is ("" when it is available)."""

from __future__ import annotations

from sendboard.domain.risk import RiskStatus
from sendboard.services.risks.views import RiskView

AS_AT = "the register is shown as at a past date: untick “Show the register as at” to change it"
LOADING = "the register is still loading"

#: The buttons that act on the risk selected in the table.
ON_A_RISK = ("edit", "review", "close", "escalate", "requirements", "delete")


def page_reasons(loaded: bool, as_at: bool, view: RiskView | None, any_risks: bool) -> dict:
    """The reason each button of the page is unavailable, by button key."""
    whole = LOADING if not loaded else AS_AT if as_at else ""
    pick = "add a risk first, with New risk" if not any_risks else "select a risk first"
    reasons = {key: whole for key in ("new", "import", "scales")}
    for key in ON_A_RISK:
        reasons[key] = whole or ("" if view is not None else pick)
    if view is not None and not whole:
        if view.status is RiskStatus.CLOSED:
            reasons["review"] = "this risk is closed: reopen it to review it"
        if view.status is not RiskStatus.OPEN:
            reasons["escalate"] = (
                f"only an open risk can be escalated; this one is {view.status.label.lower()}"
            )
        elif not view.board:
            reasons["escalate"] = (
                "this risk belongs to no board, so there is no parent to escalate to"
            )
    return reasons


def link_reasons(
    view: RiskView | None, read_only: bool, any_actions: bool, unlinked: int
) -> tuple[str, str]:
    """Why Link action and Unlink are unavailable (each "" when available)."""
    if read_only:
        return AS_AT, AS_AT
    if view is None:
        return "select a risk first", "select a risk first"
    link = (
        ""
        if unlinked
        else "every action in the log is linked already"
        if any_actions
        else "the action log has no actions yet: add one on the Actions page"
    )
    unlink = "" if view.actions else "no action is linked to this risk yet"
    return link, unlink
