"""Two members of the team edit the same record (action, risk, meeting, person, board,
membership, priority area, agenda item, measure): the second save is refused naming the first,
and nothing either of them typed is lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

import pytest

from sendboard.domain.governance import MemberRole, StatutoryRole
from sendboard.domain.schedules import Cadence, Frequency
from sendboard.errors import EditConflict, ValidationError
from sendboard.services import actions, boards, measures, meetings, people, risks
from sendboard.services.actions import ActionDetail, ActionInput
from sendboard.services.boards import BoardInput, BoardView, MembershipInput, priority_areas
from sendboard.services.common.editing import Ticket, guarded
from sendboard.services.common.workspace import Database, open_database
from sendboard.services.meetings import MeetingInput, MeetingView, agenda, series
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


def _board_input(view: BoardView, **changes: object) -> BoardInput:
    data = BoardInput(
        name=view.name,
        kind=view.kind,
        parent_id=view.parent_id,
        chair_id=view.chair_id,
        quorum=view.quorum,
        papers_deadline_days=view.papers_deadline_days,
        cadence=view.cadence,
        description=view.description,
        required_roles=view.required_roles,
    )
    return replace(data, **changes)


def test_the_second_save_of_a_board_is_refused_and_apply_theirs_keeps_both(team) -> None:
    priya, sam = team
    board = boards.list_boards(priya)[0]
    ticket = Ticket("Board", board.id, board.version)
    assert ticket.version >= 1
    boards.update_board(sam, board.id, _board_input(board, description="Sam's new terms"))
    mine = _board_input(board, quorum=board.quorum + 1)
    with pytest.raises(EditConflict, match="Sam Okafor changed this board at") as refused:
        guarded(ticket, lambda: boards.update_board(priya, board.id, mine))()
    assert refused.value.theirs == {"description": "Sam's new terms"}
    stored = boards.get_board(priya, board.id)
    assert (stored.description, stored.quorum) == ("Sam's new terms", board.quorum)

    merged = replace(mine, **refused.value.theirs)
    fresh = Ticket("Board", board.id, stored.version)
    guarded(fresh, lambda: boards.update_board(priya, board.id, merged))()
    final = boards.get_board(sam, board.id)
    assert (final.description, final.quorum) == ("Sam's new terms", board.quorum + 1)


def test_a_change_to_a_boards_required_roles_alone_counts_as_a_save(team) -> None:
    priya, sam = team
    board = boards.list_boards(priya)[-1]
    ticket = Ticket("Board", board.id, board.version)
    roles = tuple(r for r in StatutoryRole if r not in board.required_roles)[:1] or ()
    if not roles:  # it already invites every role: Sam drops one
        roles = board.required_roles[1:]
    boards.update_board(sam, board.id, _board_input(board, required_roles=roles))
    assert boards.get_board(sam, board.id).version == board.version + 1
    mine = _board_input(board, cadence="Monthly, first Tuesday")
    with pytest.raises(EditConflict, match="Sam Okafor changed this board"):
        guarded(ticket, lambda: boards.update_board(priya, board.id, mine))()
    stored = boards.get_board(priya, board.id)
    assert set(stored.required_roles) == set(roles) and stored.cadence == board.cadence


def test_the_second_save_of_a_membership_is_refused(team) -> None:
    priya, sam = team
    board = boards.list_boards(priya)[0]
    member = next(m for m in boards.list_members(priya, board.id) if m.role is MemberRole.MEMBER)
    ticket = Ticket("Membership", member.id, member.version)
    data = MembershipInput(
        person_id=member.person_id,
        board_id=board.id,
        role=member.role,
        voting=member.voting,
        from_date=member.from_date,
        to_date=member.to_date,
    )
    boards.update_member(sam, member.id, replace(data, voting=not member.voting))
    mine = replace(data, role=MemberRole.OFFICER)
    with pytest.raises(EditConflict, match="Sam Okafor changed this membership"):
        guarded(ticket, lambda: boards.update_member(priya, member.id, mine))()
    stored = next(m for m in boards.list_members(priya, board.id) if m.id == member.id)
    assert (stored.voting, stored.role) == (not member.voting, MemberRole.MEMBER)


def test_the_second_save_of_a_priority_area_is_refused(team) -> None:
    priya, sam = team
    area = priority_areas.list_priority_areas(priya)[0]
    ticket = Ticket("PriorityArea", area.id, area.version)
    data = priority_areas.PriorityAreaInput(
        code=area.code,
        title=area.title,
        description=area.description,
        responsible_bodies=area.responsible_bodies,
        lead_id=area.lead_id,
        sub_group_id=area.sub_group_id,
    )
    priority_areas.update_priority_area(sam, area.id, replace(data, title="Sam's sharper title"))
    mine = replace(data, responsible_bodies="Council, ICB, Schools, Parent carers")
    with pytest.raises(EditConflict, match="Sam Okafor changed this priority area") as refused:
        guarded(ticket, lambda: priority_areas.update_priority_area(priya, area.id, mine))()
    assert refused.value.theirs == {"title": "Sam's sharper title"}
    stored = next(a for a in priority_areas.list_priority_areas(priya) if a.id == area.id)
    assert (stored.title, stored.responsible_bodies) == (
        "Sam's sharper title",
        area.responsible_bodies,
    )


def test_the_second_save_of_an_agenda_item_is_refused_and_not_moved(team) -> None:
    priya, sam = team
    planned = [m for m in meetings.list_meetings(priya) if m.status.value == "planned"][-1]
    items = agenda.get_agenda(priya, planned.id).items
    assert len(items) >= 3
    item = items[1]
    ticket = Ticket("AgendaItem", item.id, item.version)
    data = agenda.AgendaItemInput(
        item.title, item.lead, item.purpose, item.minutes, item.exempt, item.standing
    )
    agenda.update_item(sam, item.id, replace(data, minutes=item.minutes + 15))
    mine = replace(data, title="Sufficiency plan: revised")
    with pytest.raises(EditConflict, match="Sam Okafor changed this agenda item"):
        guarded(ticket, lambda: agenda.update_item(priya, item.id, mine, 0))()
    now = agenda.get_agenda(priya, planned.id).items
    assert [i.id for i in now] == [i.id for i in items]  # not moved either
    assert (now[1].title, now[1].minutes) == (item.title, item.minutes + 15)

    # from the current version, the edit and the move are one save
    fresh, merged = (
        Ticket("AgendaItem", item.id, now[1].version),
        replace(mine, minutes=now[1].minutes),
    )
    guarded(fresh, lambda: agenda.update_item(priya, item.id, merged, 0))()
    moved = agenda.get_agenda(sam, planned.id).items[0]
    assert (moved.id, moved.title, moved.minutes) == (item.id, mine.title, item.minutes + 15)


def test_the_second_save_of_a_measure_is_refused_even_when_only_targets_changed(team) -> None:
    priya, sam = team
    measure = measures.list_measures(priya)[0]
    ticket = Ticket("Measure", measure.id, measure.version)
    data = measures.input_from(measure)
    theirs = replace(data, targets={**data.targets, 24: 99.0})
    measures.update_measure(sam, measure.id, theirs)
    mine = replace(data, definition="Plans issued within 20 weeks, excluding exceptions")
    with pytest.raises(EditConflict, match="Sam Okafor changed this measure"):
        guarded(ticket, lambda: measures.update_measure(priya, measure.id, mine))()
    stored = measures.get_measure(priya, measure.id)
    assert stored.target(24) == 99.0 and stored.definition == measure.definition


def test_two_people_scheduling_the_same_series_book_each_meeting_once(team) -> None:
    """A series is only ever created (there is no form that edits one): the second person's
    series finds the first's meetings booked, creates nothing, and says why."""
    priya, sam = team
    board = boards.list_boards(priya)[-1]
    first = meetings.list_meetings(priya)[-1].starts_at.date() + timedelta(days=60)
    cadence = Cadence(Frequency.MONTHLY, weekday=2, starts=time(14), ends=time(16), week=2)
    data = series.SeriesInput(board.id, cadence, first, first + timedelta(days=120))
    seen_by_priya = series.preview_series(priya, data)
    assert seen_by_priya.to_create
    made = series.create_series(sam, data).value
    with pytest.raises(ValidationError, match="no new meetings"):
        series.create_series(priya, data)
    booked = [m for m in meetings.list_meetings(priya, board.id) if m.starts_at.date() >= first]
    assert sorted(m.id for m in booked) == sorted(m.id for m in made)
