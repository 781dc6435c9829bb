"""Reporting up in the demo: a highlight report for every held sub-group meeting, per priority
area, and exactly two escalations open to the Delivery Group (an action from the EHC plans
sub-group, an issue from the early identification sub-group), with one older escalation the
Delivery Group has answered."""

from __future__ import annotations

import random

from sqlalchemy import select

from sendboard.demo import DemoContext
from sendboard.domain.actions import reference_key
from sendboard.domain.brag import Brag
from sendboard.domain.escalations import EscalationKind
from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import MeetingStatus
from sendboard.services.escalations.figures import FiguresReader
from sendboard.services.escalations.records import EscalationInput
from sendboard.services.escalations.reports import HighlightInput, save_report
from sendboard.store.models import (
    Action,
    Board,
    Escalation,
    HighlightReport,
    Meeting,
    PriorityArea,
)

NARRATIVES = (
    "Progress is steady; the group agreed the next steps with partners and will report impact "
    "from parents' feedback next cycle.",
    "Two actions remain behind plan because of staffing; mitigations are in place and the leads "
    "expect to recover by the next meeting.",
    "The group reviewed the measures with the performance team; the data show improvement but "
    "not yet at the pace the notice needs.",
    "Partners contributed well this cycle; the focus now moves to embedding the changes in "
    "schools and settings.",
    "Capacity is the main pressure: recruitment has not yet filled the gaps and the backlog is "
    "being watched weekly.",
)
ISSUE = (
    "The community trust has sent no therapy waiting-time data since the summer, so the "
    "dashboard cannot show whether waits are falling."
)


def build(ctx: DemoContext) -> None:
    session = ctx.session
    rng = random.Random(f"kingsmere-escalations-{ctx.size}")
    reader = FiguresReader(session)
    areas = sorted(session.scalars(select(PriorityArea)), key=lambda a: reference_key(a.code))
    latest: dict[str, Meeting] = {}
    earlier: dict[str, Meeting] = {}
    for area in areas:
        if area.sub_group_id is None:
            continue
        held = session.scalars(
            select(Meeting)
            .where(Meeting.board_id == area.sub_group_id, Meeting.status == MeetingStatus.HELD)
            .order_by(Meeting.starts_at)
        ).all()
        for meeting in held:
            narrative = rng.choice(NARRATIVES)
            save_report(session, HighlightInput(meeting.id, area.id, narrative), reader)
        if held:
            latest[area.code] = held[-1]
        if len(held) >= 3:
            earlier[area.code] = held[-3]
    _escalate(ctx, reader, areas, latest, earlier)


def _open_action(session, area: PriorityArea, meeting: Meeting) -> Action | None:  # type: ignore[no-untyped-def]
    """The area's first open action rated Red by the meeting (else Amber, else any open one)."""
    actions = session.scalars(select(Action).where(Action.priority_area_id == area.id)).all()
    day = meeting.starts_at.date()
    open_ = sorted(
        (a for a in actions if not a.status.finished), key=lambda a: reference_key(a.reference)
    )

    def rating(action: Action) -> Brag | None:
        rated = [u for u in action.updates if u.on <= day]
        return rated[-1].progress if rated else None

    for wanted in (Brag.RED, Brag.AMBER):
        found = next((a for a in open_ if rating(a) is wanted), None)
        if found is not None:
            return found
    return open_[0] if open_ else None


def _escalate(
    ctx: DemoContext,
    reader: FiguresReader,
    areas: list[PriorityArea],
    latest: dict[str, Meeting],
    earlier: dict[str, Meeting],
) -> None:
    session = ctx.session
    by_code = {a.code: a for a in areas}
    plans, early = by_code.get("P5"), by_code.get("P4")
    if plans is not None and "P5" in latest:
        meeting = latest["P5"]
        action = _open_action(session, plans, meeting)
        if action is not None:
            _raise(
                session,
                reader,
                meeting,
                plans,
                EscalationInput(
                    EscalationKind.ACTION,
                    reason="Delivery depends on educational psychology capacity the sub-group "
                    "does not control: the vacancies are still unfilled and plans wait on advice.",
                    ask="Agree joint funding for two agency educational psychologists for six "
                    "months.",
                    action_id=action.id,
                ),
            )
    if early is not None and "P4" in latest:
        _raise(
            session,
            reader,
            latest["P4"],
            early,
            EscalationInput(
                EscalationKind.ISSUE,
                reason="Without the data the group cannot judge the therapy waiting-time "
                "measures or report their impact.",
                ask="The ICB's accountable officer to ask the trust for the data by the next "
                "meeting.",
                title=ISSUE,
            ),
        )
    _answered(ctx, reader, by_code.get("P1"), earlier.get("P1"))


def _raise(session, reader, meeting, area, item) -> None:  # type: ignore[no-untyped-def]
    saved = session.scalar(
        select(HighlightReport).where(
            HighlightReport.meeting_id == meeting.id, HighlightReport.priority_area_id == area.id
        )
    )
    narrative = saved.narrative if saved else ""
    save_report(session, HighlightInput(meeting.id, area.id, narrative, add=(item,)), reader)


def _answered(ctx: DemoContext, reader, area, meeting) -> None:  # type: ignore[no-untyped-def]
    """An older escalation from the governance sub-group, answered at the Delivery Group's next
    held meeting: the record of what was asked and what the board said."""
    if area is None or meeting is None:
        return
    session = ctx.session
    delivery = session.scalar(select(Board).where(Board.kind == BoardKind.DELIVERY_GROUP))
    if delivery is None:
        return
    answer = session.scalar(
        select(Meeting)
        .where(
            Meeting.board_id == delivery.id,
            Meeting.status == MeetingStatus.HELD,
            Meeting.starts_at > meeting.starts_at,
        )
        .order_by(Meeting.starts_at)
        .limit(1)
    )
    if answer is None:
        return
    _raise(
        session,
        reader,
        meeting,
        area,
        EscalationInput(
            EscalationKind.ISSUE,
            reason="Partners' data-sharing agreement has not been signed, so the joint "
            "dashboard cannot use health data.",
            ask="Chief executives to sign the agreement.",
            title="Data-sharing agreement between the council and the ICB not yet signed",
        ),
    )
    row = session.scalars(
        select(Escalation).where(Escalation.raised_meeting_id == meeting.id)
    ).first()
    if row is not None:
        row.response = "Signed by both chief executives; the dashboard will include health data."
        row.responded_meeting_id = answer.id
        row.responded_on = answer.starts_at.date()
