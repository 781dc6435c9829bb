"""An escalation raised at a sub-group shows on the parent board's next agenda and in its pack,
and leaves both once the board records its response; risks escalated in the register are in
the same list."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from sendboard.domain.escalations import EscalationKind
from sendboard.domain.meetings import StandingItem
from sendboard.domain.risk import RiskStatus
from sendboard.errors import ValidationError
from sendboard.services import escalations, packs, risks
from sendboard.services.common.workspace import Database
from sendboard.services.escalations import EscalationInput, HighlightInput
from sendboard.services.meetings.agenda import get_agenda
from tests.store.escalation_fixtures import Ground, ground
from tests.store.risk_fixtures import risk_input

pytestmark = pytest.mark.usefixtures("pinned_clock")

ISSUE = "The trust has sent no therapy waiting-time data since August"


def _updates_notes(db: Database, meeting_id: int) -> tuple[str, ...]:
    [item] = [
        i for i in get_agenda(db, meeting_id).items if i.standing is StandingItem.PRIORITY_UPDATES
    ]
    return item.notes


def _pack_text(db: Database, meeting_id: int, out: Path) -> str:
    packs.build_pack(db, meeting_id, out)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    return " ".join(text.split())


def _raise_two(db: Database, g: Ground) -> None:
    escalations.save_highlight_report(
        db,
        HighlightInput(
            g.sub_meeting_id,
            g.b.area_id,
            "Backlog of plans easing; psychology capacity still short.",
            add=(
                EscalationInput(
                    EscalationKind.ACTION,
                    "Red for two meetings: no locum psychologists found",
                    "Agree funding for agency psychologists",
                    action_id=g.b.action_ids[0],
                ),
                EscalationInput(
                    EscalationKind.ISSUE, "Needed for the dashboard", "Chase the trust", title=ISSUE
                ),
            ),
        ),
    )


def test_an_escalation_shows_on_the_next_agenda_and_pack_until_the_board_responds(
    db: Database, tmp_path: Path
) -> None:
    g = ground(db)
    _raise_two(db, g)
    [area] = escalations.meeting_reports(db, g.sub_meeting_id).areas
    assert area.report_id is not None and area.narrative.startswith("Backlog")
    assert area.figures.brag_line == "B 0 · G 1 · A 1 · R 1 · not rated 0"
    assert len(area.figures.slipping) == 3  # Red, Amber, and the Green one is past its due
    assert [e.kind for e in area.escalations] == [EscalationKind.ACTION, EscalationKind.ISSUE]

    # On the delivery group's next agenda, under "Priority area updates"; not on the earlier one.
    notes = _updates_notes(db, g.delivery_next_id)
    assert len(notes) == 2
    assert "Escalated from Sub-group 5: EHC plans: Action A1 Action 1" in notes[0]
    assert "Agree funding for agency psychologists" in notes[0]
    assert ISSUE in notes[1]
    assert escalations.open_for_meeting(db, g.delivery_before_id) == []
    # Not on the Improvement Board's: an escalation goes one tier up, no further.
    assert _updates_notes(db, g.board_next_id) == ()

    [action, issue] = escalations.list_escalations(db, "send delivery group")
    assert (action.age_days, action.age) == (13, "13 days")
    assert action.from_board == "Sub-group 5: EHC plans"
    text = _pack_text(db, g.delivery_next_id, tmp_path / "before.pdf")
    escalated = text[text.index("Escalations to this board") :]
    assert "A1 Action 1" in escalated and ISSUE in escalated
    assert "Agree funding for agency psychologists" in escalated
    assert "28 days" in escalated  # by the meeting
    assert "Highlight reports since 20/10/2026" in text
    assert "Backlog of plans easing" in text
    assert "Escalated from Sub-group 5: EHC plans: Action A1 Action 1" in text  # agenda page

    # A response must come from the board escalated to, and not before the escalation.
    with pytest.raises(ValidationError, match="before the escalation was raised"):
        escalations.respond(db, action.id, "Noted", meeting_id=g.delivery_before_id)
    with pytest.raises(ValidationError, match="meeting of SEND Delivery Group"):
        escalations.respond(db, action.id, "Noted", meeting_id=g.sub_meeting_id)
    with pytest.raises(ValidationError, match="Response is required"):
        escalations.respond(db, action.id, "  ")

    answered = escalations.respond(db, action.id, "Funding agreed for two locums.").value
    assert not answered.open and answered.response == "Funding agreed for two locums."
    assert [e.id for e in escalations.list_escalations(db)] == [issue.id]
    assert len(_updates_notes(db, g.delivery_next_id)) == 1
    text = _pack_text(db, g.delivery_next_id, tmp_path / "after.pdf")
    escalated = text[text.index("Escalations to this board") :]
    assert "Agree funding for agency psychologists" not in text
    assert ISSUE in escalated
    with pytest.raises(ValidationError, match="already responded"):
        escalations.respond(db, action.id, "Again")

    escalations.respond(db, issue.id, "Chief executive to write to the trust.")
    assert _updates_notes(db, g.delivery_next_id) == ()
    text = _pack_text(db, g.delivery_next_id, tmp_path / "none.pdf")
    assert "No escalation awaits this board's response." in text
    history = escalations.escalation_history(db)
    assert {h.response for h in history} == {
        "Funding agreed for two locums.",
        "Chief executive to write to the trust.",
    }


def test_a_report_needs_a_held_meeting_of_the_areas_sub_group(db: Database) -> None:
    g = ground(db)
    with pytest.raises(ValidationError, match="not overseen by SEND Delivery Group"):
        escalations.save_highlight_report(db, HighlightInput(g.delivery_before_id, g.b.area_id, ""))
    with pytest.raises(ValidationError, match="Ask is required"):
        escalations.save_highlight_report(
            db,
            HighlightInput(
                g.sub_meeting_id,
                g.b.area_id,
                "",
                add=(EscalationInput(EscalationKind.ISSUE, "Why", "", title="Something"),),
            ),
        )
    assert escalations.meeting_reports(db, g.sub_meeting_id).areas[0].report_id is None
    _raise_two(db, g)
    [area] = escalations.meeting_reports(db, g.sub_meeting_id).areas
    with pytest.raises(ValidationError, match="already escalated to SEND Delivery Group"):
        escalations.save_highlight_report(
            db,
            HighlightInput(
                g.sub_meeting_id,
                g.b.area_id,
                "",
                add=(
                    EscalationInput(EscalationKind.ACTION, "r", "a", action_id=g.b.action_ids[0]),
                ),
            ),
        )
    # Withdrawing one raised in error, with the narrative changed in the same save.
    saved = escalations.save_highlight_report(
        db,
        HighlightInput(g.sub_meeting_id, g.b.area_id, "Shorter.", remove=(area.escalations[1].id,)),
    ).value
    assert saved.narrative == "Shorter." and len(saved.escalations) == 1
    assert saved.version > area.version


def test_risk_escalations_are_in_the_same_list_and_a_response_reopens_the_risk(
    db: Database,
) -> None:
    g = ground(db)
    risk = risks.create_risk(db, risk_input(g.b, board_id=g.sub_group_id)).value
    risks.escalate_risk(db, risk.id)
    [row] = escalations.list_escalations(db)
    assert (row.kind, row.reference, row.to_board) == (
        EscalationKind.RISK,
        risk.reference,
        "SEND Delivery Group",
    )
    # The delivery group passes it on: the board above now holds the escalation.
    onward = escalations.escalate_onward(
        db, row.id, "Capacity is a system-wide gap", "Ask the ICB to fund", meeting_id=None
    ).value
    assert (onward.from_board, onward.to_board, onward.previous_id) == (
        "SEND Delivery Group",
        "SEND Improvement Board",
        row.id,
    )
    assert risks.get_risk(db, risk.id).escalated_to == "SEND Improvement Board"
    assert [e.id for e in escalations.list_escalations(db)] == [onward.id]
    assert len(_updates_notes(db, g.board_next_id)) == 1

    escalations.respond(db, onward.id, "ICB to fund two posts", meeting_id=None)
    view = risks.get_risk(db, risk.id)
    assert view.status is RiskStatus.OPEN and view.escalated_to == ""
    assert len(risks.history(db, risk.id)) >= 1  # reviews untouched
    assert escalations.list_escalations(db) == []

    # Escalated again and then closed in the register: the escalation closes with it.
    risks.escalate_risk(db, risk.id)
    assert len(escalations.list_escalations(db)) == 1
    risks.close_risk(db, risk.id)
    assert escalations.list_escalations(db) == []
    assert "closed in the risk register" in escalations.escalation_history(db)[0].response
