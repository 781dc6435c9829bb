"""The gate for many meetings at once (Home's warnings) says what the one-meeting gate says."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from sendboard.domain.governance import StatutoryRole
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import invitation_list as lists
from sendboard.services.meetings import invitations
from sendboard.store.models import Meeting, Membership, Person
from tests.invitation_fixtures import add_meeting, person_id


def _one_by_one_and_together(db: Database) -> tuple[dict[int, tuple], dict[int, tuple]]:
    with db.read() as session:
        meetings = session.scalars(select(Meeting).order_by(Meeting.id)).all()
        single = {m.id: missing for m in meetings if (missing := lists.gate(session, m))}
        return single, lists.gates(session, meetings)


def test_every_demo_meeting_gets_the_same_answer_both_ways(demo_db: Database) -> None:
    removed = add_meeting(demo_db, datetime(2027, 2, 10, 14))
    listed = invitations.build_invitation_list(demo_db, removed).value
    invitations.remove_invitation(
        demo_db, next(i.id for i in listed if i.name == "Fiona Blackwood")
    )
    no_email = add_meeting(demo_db, datetime(2027, 3, 10, 14))
    lead = person_id(demo_db, "Robert Kimani")
    with demo_db.write() as session:
        holder = session.scalars(
            select(Person).where(Person.statutory_role == StatutoryRole.DFE_CASE_LEAD)
        ).first()
        assert holder is not None
        holder.email = None  # on nobody's list yet: the role is not covered for a new meeting
        for membership in session.scalars(select(Membership).where(Membership.person_id == lead)):
            membership.to_date = date(2027, 1, 31)  # left before some meetings, not others

    single, together = _one_by_one_and_together(demo_db)
    assert together == single
    assert StatutoryRole.NHSE_ADVISER in together[removed]
    assert StatutoryRole.DFE_CASE_LEAD in together[no_email]


def test_boards_that_require_no_roles_are_never_warned_about(demo_db: Database) -> None:
    with demo_db.read() as session:
        meetings = session.scalars(select(Meeting)).all()
        boards_without = {m.board_id for m in meetings if not lists.required_roles(m.board)}
        assert boards_without  # the demo's sub-groups
        found = lists.gates(session, meetings)
        assert not {session.get(Meeting, i).board_id for i in found} & boards_without
