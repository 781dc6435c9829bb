"""Two members of the team on the same minutes, decision, register entry, engagement event or
requirement: the second save is refused naming the first, and nothing either typed is lost.
The minutes text is saved every few seconds without an audit entry, yet a colleague's typing
moves the change counter the window polls."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sendboard.errors import EditConflict
from sendboard.services import minutes, stocktake
from sendboard.services.common import watching
from sendboard.services.common.changes import Area
from sendboard.services.common.editing import Ticket, guarded
from sendboard.services.common.workspace import Database, open_database
from sendboard.services.minutes import InterestInput, MinutesStatus
from tests.pg_server import target


@pytest.fixture
def team(demo_db: Database):  # type: ignore[no-untyped-def]
    where = target(demo_db)
    priya = open_database(where, user="Priya Raman")
    sam = open_database(where, user="Sam Okafor")
    yield priya, sam
    priya.close()
    sam.close()


def _draft(db: Database) -> minutes.MinutesView:
    row = next(r for r in minutes.list_minutes_meetings(db) if r.status is MinutesStatus.DRAFT)
    return minutes.get_minutes(db, row.meeting_id)


def test_minutes_text_saved_over_a_colleagues_is_refused_and_kept(team) -> None:
    priya, sam = team
    mine, theirs = _draft(priya), _draft(sam)
    section = mine.sections[0]
    item = section.agenda_item_id
    first = minutes.save_section(
        sam, theirs.meeting_id, item, "Sam: the board noted the report.", section.version
    ).value
    assert first.version == section.version + 1

    with pytest.raises(EditConflict) as refused:
        minutes.save_section(
            priya, mine.meeting_id, item, "Priya: the board agreed the plan.", section.version
        )
    conflict = refused.value
    assert conflict.by == "Sam Okafor" and conflict.at == first.at
    assert f"Sam Okafor changed the minute of “{section.title}” at" in str(conflict)
    assert conflict.theirs == {"text": "Sam: the board noted the report."}
    assert conflict.version == first.version
    stored = minutes.get_minutes(priya, mine.meeting_id).section(item)
    assert stored.text == "Sam: the board noted the report."

    # "Keep mine": saved from the version the refusal named, it replaces theirs
    kept = minutes.save_section(
        priya, mine.meeting_id, item, "Priya: the board agreed the plan.", conflict.version
    ).value
    assert kept.version == first.version + 1
    assert minutes.get_minutes(sam, mine.meeting_id).section(item).text.startswith("Priya")


def test_two_people_starting_the_same_empty_item_are_told(team) -> None:
    priya, sam = team
    view = _draft(priya)
    assert view.matters_version == 0 or view.matters_arising
    read = view.matters_version
    minutes.save_section(sam, view.meeting_id, None, "A01 complete.", read)
    with pytest.raises(EditConflict, match="Sam Okafor changed the matters arising"):
        minutes.save_section(priya, view.meeting_id, None, "A02 slipped.", read)
    assert minutes.get_minutes(priya, view.meeting_id).matters_arising == "A01 complete."


def test_a_colleagues_typing_moves_the_counter_but_ones_own_does_not(team) -> None:
    priya, sam = team
    view = _draft(priya)
    item = view.sections[0].agenda_item_id
    start = watching.change_counter(priya)
    minutes.save_section(priya, view.meeting_id, item, "Priya typing", None)
    counter, changes = watching.changes_since(priya, start)
    assert counter.drafts > start.drafts and counter.audit == start.audit  # no audit row
    assert changes.areas == frozenset()  # the window that typed it already has it
    minutes.save_section(sam, view.meeting_id, item, "Sam typing", None)
    later, changes = watching.changes_since(priya, counter)
    assert later > counter and later == watching.change_counter(priya)
    assert changes.touches(Area.MINUTES) and not changes.touches(Area.RISKS)
    assert watching.changes_since(priya, later)[1].areas == frozenset()


def test_the_second_save_of_a_decision_is_refused(team) -> None:
    priya, sam = team
    view = _draft(priya)
    made = minutes.add_decision(sam, view.meeting_id, None, "To note the report.").value
    ticket = Ticket("Decision", made.id, made.version)
    minutes.update_decision(sam, made.id, "To note the report and thank the team.")
    with pytest.raises(EditConflict, match="Sam Okafor changed this decision") as refused:
        guarded(ticket, lambda: minutes.update_decision(priya, made.id, "To adopt the plan."))()
    assert refused.value.theirs == {"text": "To note the report and thank the team."}
    log = [r.text for r in minutes.decision_log(priya) if r.reference == made.reference]
    assert log == ["To note the report and thank the team."]
    # nor is a decision removed by someone who saw it before it was reworded
    with pytest.raises(EditConflict, match="Sam Okafor changed this decision"):
        guarded(ticket, lambda: minutes.remove_decision(priya, made.id))()
    assert [r.reference for r in minutes.decision_log(sam)].count(made.reference) == 1


def test_the_second_save_of_a_register_entry_is_refused(team) -> None:
    priya, sam = team
    entry = minutes.list_interests(priya)[0]
    data = InterestInput(
        entry.person_id,
        entry.interest,
        entry.organisation,
        entry.from_date,
        entry.to_date,
        entry.reviewed_on,
    )
    minutes.update_interest(sam, entry.id, replace(data, organisation="Parent Carer Forum"))
    ticket = Ticket("Interest", entry.id, entry.version)
    with pytest.raises(EditConflict, match="Sam Okafor changed this interest") as refused:
        guarded(
            ticket,
            lambda: minutes.update_interest(priya, entry.id, replace(data, interest="Director")),
        )()
    assert refused.value.theirs == {"organisation": "Parent Carer Forum"}
    now = next(e for e in minutes.list_interests(priya) if e.id == entry.id)
    assert (now.interest, now.organisation) == (entry.interest, "Parent Carer Forum")


def test_an_engagement_event_changed_only_in_its_links_counts_as_changed(team) -> None:
    priya, sam = team
    event = stocktake.list_events(priya)[0]
    ticket = Ticket("EngagementEvent", event.id, event.version)
    others = tuple(c.reference for c in stocktake.requirement_choices(sam))
    links = tuple(r for r in others if r not in event.requirements)[:1] + event.requirements
    stocktake.update_event(sam, event.id, replace(event.as_input(), requirements=links))
    mine = replace(event.as_input(), said="More short breaks")
    with pytest.raises(EditConflict, match="Sam Okafor changed this engagement event") as no:
        guarded(ticket, lambda: stocktake.update_event(priya, event.id, mine))()
    assert no.value.theirs == {"requirements": sorted(links)}  # the audit trail has the links
    now = next(e for e in stocktake.list_events(priya) if e.id == event.id)
    assert set(now.requirements) == set(links) and now.said == event.said
    assert now.version == event.version + 1
    saved = guarded(
        Ticket("EngagementEvent", event.id, now.version),
        lambda: stocktake.update_event(priya, event.id, replace(now.as_input(), said="More")),
    )().value
    assert saved.said == "More" and set(saved.requirements) == set(links)
    assert saved.version == now.version + 1


def test_a_requirements_links_saved_over_a_colleagues_are_refused(team) -> None:
    priya, sam = team
    requirement = stocktake.requirement_choices(priya)[0].id
    read = stocktake.requirement_detail(priya, requirement)
    risks = [c.id for c in stocktake.link_choices(sam, "risk")]
    actions = [c.id for c in stocktake.link_choices(sam, "action")]
    theirs = [r for r in risks if r not in read.risks][:1] + list(read.risks)
    stocktake.save_links(
        sam, requirement, actions=read.actions, measures=read.measures, risks=theirs
    )
    mine = [a for a in actions if a not in read.actions][:1] + list(read.actions)
    ticket = Ticket("Requirement", requirement, read.version)
    with pytest.raises(EditConflict, match="Sam Okafor changed this requirement") as refused:
        guarded(
            ticket,
            lambda: stocktake.save_links(
                priya, requirement, actions=mine, measures=read.measures, risks=read.risks
            ),
        )()
    assert set(refused.value.theirs) == {"risks"}
    now = stocktake.requirement_detail(priya, requirement)
    assert set(now.risks) == set(theirs) and set(now.actions) == set(read.actions)
    assert now.version == read.version + 1
