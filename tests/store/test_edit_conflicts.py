"""Two members of the team edit the same action, risk, meeting or person: the second save is
refused naming the first, and nothing either of them typed is lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from sendboard.errors import EditConflict
from sendboard.services import actions, meetings, people, risks
from sendboard.services.actions import ActionDetail, ActionInput
from sendboard.services.common.editing import Ticket, guarded
from sendboard.services.common.workspace import Database, open_database
from sendboard.services.meetings import MeetingInput, MeetingView
from sendboard.services.risks import RiskInput, RiskView
from tests.pg_server import target


@pytest.fixture
def team(demo_db: Database):  # type: ignore[no-untyped-def]
    where = target(demo_db)
    priya = open_database(where, user="Priya Raman")
    sam = open_database(where, user="Sam Okafor")
    yield priya, sam
    priya.close()
    sam.close()


def _action_input(found: ActionDetail, **changes: object) -> ActionInput:
    row = found.row
    data = ActionInput(
        title=row.title,
        owner_id=row.owner_id,
        priority_area_id=row.priority_area_id,
        board_id=row.board_id,
        reference=row.reference,
        description=found.description,
        source=found.source,
        meeting_id=found.meeting_id,
        agenda_item_id=found.agenda_item_id,
        partner_ids=found.partner_ids,
        target=row.target,
        original_due=row.original_due,
        revised_due=row.revised_due,
        revised_reason=found.revised_reason,
        evidence=row.evidence,
        raised_on=row.raised_on,
    )
    return replace(data, **changes)


def test_the_second_save_of_an_action_is_refused_naming_the_first(team) -> None:
    priya, sam = team
    first = actions.list_actions(priya)[0]
    mine = actions.get_action(priya, first.id)
    theirs = actions.get_action(sam, first.id)
    ticket = Ticket("Action", first.id, mine.row.version)
    assert ticket.version >= 1

    actions.update_action(sam, first.id, _action_input(theirs, title="Sam's clearer title"))
    wanted = _action_input(mine, target="95% of plans within 20 weeks")
    with pytest.raises(EditConflict) as refused:
        guarded(ticket, lambda: actions.update_action(priya, first.id, wanted))()
    conflict = refused.value
    assert conflict.by == "Sam Okafor" and "Sam Okafor changed this action at" in str(conflict)
    assert conflict.at is not None
    assert conflict.theirs == {"title": "Sam's clearer title"}
    # nothing of Priya's was written, and Sam's change stands
    now = actions.get_action(priya, first.id)
    assert now.row.title == "Sam's clearer title" and now.row.target == first.target

    # "Apply theirs on top": Priya keeps her target, takes Sam's title, saves again
    merged = replace(wanted, **conflict.theirs)
    fresh = Ticket("Action", first.id, now.row.version)
    guarded(fresh, lambda: actions.update_action(priya, first.id, merged))()
    final = actions.get_action(sam, first.id).row
    assert (final.title, final.target) == ("Sam's clearer title", "95% of plans within 20 weeks")
    assert final.version == now.row.version + 1


def _risk_input(view: RiskView, **changes: object) -> RiskInput:
    data = RiskInput(
        title=view.title,
        owner_id=view.owner_id,
        inherent_likelihood=view.inherent.likelihood,
        inherent_impact=view.inherent.impact,
        residual_likelihood=view.residual.likelihood,
        residual_impact=view.residual.impact,
        reference=view.reference,
        cause=view.cause,
        event=view.event,
        consequence=view.consequence,
        category=view.category,
        priority_area_id=view.priority_area_id,
        board_id=view.board_id,
        controls=view.controls,
        target_likelihood=view.target.likelihood if view.target else None,
        target_impact=view.target.impact if view.target else None,
        target_date=view.target_date,
        proximity=view.proximity,
        created_on=view.created_on,
    )
    return replace(data, **changes)


def test_the_second_save_of_a_risk_is_refused_and_reload_shows_theirs(team) -> None:
    priya, sam = team
    risk = risks.get_risk(priya, risks.list_risks(priya)[0].id)
    ticket = Ticket("Risk", risk.id, risk.version)
    risks.update_risk(sam, risk.id, _risk_input(risk, controls="Weekly triage panel"))
    mine = _risk_input(risk, cause="Vacancies in the EP service")
    with pytest.raises(EditConflict, match="Sam Okafor changed this risk") as refused:
        guarded(ticket, lambda: risks.update_risk(priya, risk.id, mine))()
    assert refused.value.theirs == {"controls": "Weekly triage panel"}
    reloaded = risks.get_risk(priya, risk.id)
    assert reloaded.controls == "Weekly triage panel" and reloaded.cause == risk.cause
    assert reloaded.version == risk.version + 1


def _meeting_input(view: MeetingView, **changes: object) -> MeetingInput:
    data = MeetingInput(
        board_id=view.board_id,
        starts_at=view.starts_at,
        ends_at=view.ends_at,
        kind=view.kind,
        title=view.title,
        venue=view.venue,
        online_link=view.online_link,
        notes=view.notes,
    )
    return replace(data, **changes)


def test_the_second_save_of_a_meeting_is_refused(team) -> None:
    priya, sam = team
    upcoming = [m for m in meetings.list_meetings(priya) if m.status.value == "planned"]
    meeting = upcoming[-1]
    ticket = Ticket("Meeting", meeting.id, meeting.version)
    later = meeting.starts_at + timedelta(hours=1), meeting.ends_at + timedelta(hours=1)
    meetings.update_meeting(sam, meeting.id, _meeting_input(meeting, venue="Committee Room 2"))
    mine = _meeting_input(meeting, starts_at=later[0], ends_at=later[1])
    with pytest.raises(EditConflict, match="Sam Okafor changed this meeting"):
        guarded(ticket, lambda: meetings.update_meeting(priya, meeting.id, mine))()
    stored = meetings.get_meeting(priya, meeting.id)
    assert stored.venue == "Committee Room 2" and stored.starts_at == meeting.starts_at


def test_a_save_from_the_current_version_goes_through_and_counts_up(team) -> None:
    priya, _sam = team
    person = people.list_people(priya)[0]
    ticket = Ticket("Person", person.id, person.version)
    data = people.PersonInput(
        name=person.name,
        title="Deputy",
        organisation=person.organisation,
        email=person.email,
        phone=person.phone,
        statutory_role=person.statutory_role,
    )
    saved = guarded(ticket, lambda: people.update_person(priya, person.id, data))().value
    assert saved.title == "Deputy" and saved.version == person.version + 1
    with pytest.raises(EditConflict, match="Priya Raman changed this person"):
        guarded(ticket, lambda: people.update_person(priya, person.id, data))()
