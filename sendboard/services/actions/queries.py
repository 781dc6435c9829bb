"""Reading the log: the whole list in a handful of queries, one action in full, the update round."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from sendboard import clock
from sendboard.domain.actions import ActionStatus, reference_key
from sendboard.domain.highlights import (
    ActionFacts,
    HighlightThresholds,
    PartnerHighlight,
    cycle_ends,
    cycle_start,
    needs_update,
    partner_highlights,
    progress_by_cycle,
    slow_reasons,
)
from sendboard.errors import NotFoundError
from sendboard.services.actions.settings import read_thresholds
from sendboard.services.actions.views import (
    ActionDetail,
    ActionOptions,
    ActionUpdateView,
    ActionView,
    AgendaOption,
    EvidenceFileView,
    Option,
)
from sendboard.services.common.cycles import board_meetings
from sendboard.services.common.records import load
from sendboard.store.database import Database
from sendboard.store.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Board,
    Meeting,
    Organisation,
    Person,
    PriorityArea,
    StoredFile,
    action_partners,
)


def meeting_label(meeting: Meeting | None) -> str:
    if meeting is None:
        return ""
    return f"{meeting.board.name}, {meeting.starts_at.day} {meeting.starts_at:%B %Y}"


def recent_updates(
    session: Session,
    depth: int,
    ids: Collection[int] | None,
    after: date | None = None,
    until: date | None = None,
) -> dict[int, list]:
    """The newest `depth` updates of every action, and with `after` also every update dated
    after it, newest first, in one windowed query; with `until`, updates dated later are left
    out."""
    rank = (
        func.row_number()
        .over(
            partition_by=ActionUpdate.action_id,
            order_by=(ActionUpdate.on.desc(), ActionUpdate.id.desc()),
        )
        .label("rank")
    )
    ranked = select(
        ActionUpdate.action_id,
        ActionUpdate.on,
        ActionUpdate.progress,
        ActionUpdate.impact,
        ActionUpdate.text,
        rank,
    )
    if ids is not None:
        ranked = ranked.where(ActionUpdate.action_id.in_(ids))
    if until is not None:
        ranked = ranked.where(ActionUpdate.on <= until)
    sub = ranked.subquery()
    wanted = sub.c.rank <= depth if after is None else or_(sub.c.rank <= depth, sub.c.on > after)
    query = select(sub.c.action_id, sub.c.on, sub.c.progress, sub.c.impact, sub.c.text).where(
        wanted
    )
    recent: dict[int, list] = defaultdict(list)
    for action_id, on, progress, impact, text in session.execute(query.order_by(sub.c.rank)):
        recent[action_id].append((on, progress, impact, text))
    return recent


def _partners(session: Session, ids: Collection[int] | None) -> dict[int, tuple[str, ...]]:
    query = (
        select(action_partners.c.action_id, Organisation.name)
        .join(Organisation, Organisation.id == action_partners.c.organisation_id)
        .order_by(Organisation.name)
    )
    if ids is not None:
        query = query.where(action_partners.c.action_id.in_(ids))
    found: dict[int, list[str]] = defaultdict(list)
    for action_id, name in session.execute(query):
        found[action_id].append(name)
    return {k: tuple(v) for k, v in found.items()}


def partner_ids(session: Session) -> dict[int, tuple[int, ...]]:
    found: dict[int, list[int]] = defaultdict(list)
    for action_id, org_id in session.execute(select(action_partners)):
        found[action_id].append(org_id)
    return {k: tuple(v) for k, v in found.items()}


def build_views(
    session: Session,
    today: date,
    thresholds: HighlightThresholds,
    ids: Collection[int] | None = None,
    *,
    as_it_stood: bool = False,
) -> list[ActionView]:
    """Rows of the log in reference order: four queries whatever the number of actions. With
    `as_it_stood`, the log as it stood at the end of `today`: actions raised later and updates
    dated later are left out, and an action closed later is still open."""
    query = (
        select(
            Action.id,
            Action.reference,
            Action.title,
            Action.status,
            Action.priority_area_id,
            PriorityArea.code,
            Action.board_id,
            Board.name,
            Action.owner_id,
            Person.name,
            Organisation.name,
            Action.target,
            Action.original_due,
            Action.revised_due,
            Action.raised_on,
            Action.closed_on,
            Action.evidence,
            Person.email,
            Action.version,
        )
        .join(Person, Person.id == Action.owner_id)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .outerjoin(PriorityArea, PriorityArea.id == Action.priority_area_id)
        .outerjoin(Board, Board.id == Action.board_id)
    )
    if ids is not None:
        query = query.where(Action.id.in_(ids))
    rows = session.execute(query).all()
    # Each action's cycles are its own board's (a board action: the board's meetings, a
    # sub-group's: the sub-group's); one with no board follows the Improvement Board.
    met = board_meetings(session, datetime.combine(today, time.min))
    depth = thresholds.longest_run
    ends = {board: cycle_ends(met.of(board), today, thresholds) for board in {r[6] for r in rows}}
    # Updates older than the last cycle a run can reach are not needed (the latest always is).
    horizons = [found[depth] if len(found) > depth else date.min for found in ends.values()]
    until = today if as_it_stood else None
    recent = recent_updates(session, 1, ids, after=min(horizons, default=today), until=until)
    partners = _partners(session, ids)
    views = []
    for row in rows:
        (action_id, ref, title, status, area_id, code, board_id, board, owner_id, owner, org) = row[
            :11
        ]
        target, original, revised, raised, closed, evidence, owner_email, version = row[11:]
        if as_it_stood and raised is not None and raised > today:
            continue
        if as_it_stood and closed is not None and closed > today:
            status, closed = ActionStatus.OPEN, None
        latest = recent.get(action_id, [])
        facts = ActionFacts(
            status=status,
            due=revised or original,
            raised_on=raised,
            last_update_on=latest[0][0] if latest else None,
            progress=latest[0][1] if latest else None,
            cycle_progress=progress_by_cycle(((u[0], u[1]) for u in latest), ends[board_id], depth),
        )
        start = cycle_start(met.last(board_id), today, thresholds)
        views.append(
            ActionView(
                id=action_id,
                reference=ref,
                title=title,
                status=status,
                priority_area_id=area_id,
                priority_area_code=code or "",
                board_id=board_id,
                board_name=board or "",
                owner_id=owner_id,
                owner_name=owner,
                owner_email=owner_email or "",
                owner_organisation=org or "",
                partners=partners.get(action_id, ()),
                target=target,
                original_due=original,
                revised_due=revised,
                raised_on=raised,
                closed_on=closed,
                progress=latest[0][1] if latest else None,
                impact=latest[0][2] if latest else None,
                last_update_on=facts.last_update_on,
                last_update=latest[0][3] if latest else "",
                evidence=evidence,
                highlights=slow_reasons(facts, today, start, thresholds),
                needs_update=needs_update(facts, start),
                version=version,
            )
        )
    views.sort(key=lambda v: reference_key(v.reference))
    return views


def list_actions(db: Database, *, today: date | None = None) -> list[ActionView]:
    """Every action in the log, with its current ratings and highlight reasons."""
    with db.read() as session:
        return build_views(session, today or clock.today(), read_thresholds(session))


def update_round(
    db: Database, *, board_id: int | None = None, today: date | None = None
) -> list[ActionView]:
    """Open actions that still need an update this cycle (of one board, or of all)."""
    views = list_actions(db, today=today)
    return [v for v in views if v.needs_update and (board_id is None or v.board_id == board_id)]


@dataclass(frozen=True)
class ActionLog:
    """The whole log as the Actions page shows it: rows, and partners needing strengthening."""

    rows: list[ActionView]
    partners: list[PartnerHighlight]
    thresholds: HighlightThresholds


def _partners_needing_strengthening(
    views: list[ActionView], thresholds: HighlightThresholds
) -> list[PartnerHighlight]:
    links = [
        (organisation, view.highlighted)
        for view in views
        if view.status is ActionStatus.OPEN
        for organisation in set(view.organisations)
    ]
    return partner_highlights(links, thresholds)


def load_log(db: Database, *, today: date | None = None) -> ActionLog:
    with db.read() as session:
        thresholds = read_thresholds(session)
        views = build_views(session, today or clock.today(), thresholds)
    return ActionLog(views, _partners_needing_strengthening(views, thresholds), thresholds)


def list_partner_highlights(db: Database, *, today: date | None = None) -> list[PartnerHighlight]:
    """Partner organisations whose contributions need strengthening, with the reason."""
    return load_log(db, today=today).partners


def load_action(session: Session, action_id: int) -> Action:
    return load(session, Action, action_id, f"Action {action_id} no longer exists.")


def detail(session: Session, action_id: int, today: date) -> ActionDetail:
    action = session.scalars(
        select(Action)
        .where(Action.id == action_id)
        .options(
            selectinload(Action.updates).selectinload(ActionUpdate.meeting),
            selectinload(Action.files),
            selectinload(Action.partners),
            selectinload(Action.meeting),
            selectinload(Action.agenda_item),
        )
    ).one_or_none()
    if action is None:
        raise NotFoundError(f"Action {action_id} no longer exists.")
    (row,) = build_views(session, today, read_thresholds(session), ids=[action_id])
    sizes = dict(
        session.execute(
            select(StoredFile.id, StoredFile.size).where(
                StoredFile.id.in_([f.file_id for f in action.files])
            )
        ).all()
    )
    superseded_by = (
        session.get(Action, action.superseded_by_id) if action.superseded_by_id else None
    )
    return ActionDetail(
        row=row,
        description=action.description,
        source=action.source,
        meeting_id=action.meeting_id,
        meeting_label=meeting_label(action.meeting),
        agenda_item_id=action.agenda_item_id,
        agenda_item_title=action.agenda_item.title if action.agenda_item else "",
        partner_ids=tuple(o.id for o in action.partners),
        revised_reason=action.revised_reason,
        superseded_by=superseded_by.reference if superseded_by else "",
        updates=tuple(
            ActionUpdateView(
                id=u.id,
                on=u.on,
                meeting_id=u.meeting_id,
                meeting_label=meeting_label(u.meeting),
                text=u.text,
                progress=u.progress,
                impact=u.impact,
                evidence=u.evidence,
                recorded_at=u.recorded_at,
            )
            for u in action.updates
        ),
        files=tuple(
            EvidenceFileView(
                id=f.id,
                file_id=f.file_id,
                name=f.original_name,
                size=sizes.get(f.file_id, 0),
                update_id=f.update_id,
                added_at=f.added_at,
            )
            for f in action.files
        ),
    )


def get_action(db: Database, action_id: int, *, today: date | None = None) -> ActionDetail:
    with db.read() as session:
        return detail(session, action_id, today or clock.today())


def action_history(db: Database, action_id: int) -> tuple[ActionUpdateView, ...]:
    """Every update of an action, oldest first."""
    return get_action(db, action_id).updates


def action_options(db: Database) -> ActionOptions:
    with db.read() as session:
        people = session.execute(
            select(Person.id, Person.name, Organisation.name)
            .outerjoin(Organisation, Organisation.id == Person.organisation_id)
            .order_by(func.lower(Person.name))
        ).all()
        orgs = session.execute(
            select(Organisation.id, Organisation.name, Organisation.short_name).order_by(
                func.lower(Organisation.name)
            )
        ).all()
        areas = session.scalars(select(PriorityArea)).all()
        boards = session.execute(select(Board.id, Board.name).order_by(Board.name)).all()
        meetings = session.scalars(
            select(Meeting).options(selectinload(Meeting.board)).order_by(Meeting.starts_at.desc())
        ).all()
        items = session.execute(
            select(
                AgendaItem.id, AgendaItem.meeting_id, AgendaItem.position, AgendaItem.title
            ).order_by(AgendaItem.meeting_id, AgendaItem.position)
        ).all()
        return ActionOptions(
            people=tuple(Option(i, name, org or "") for i, name, org in people),
            organisations=tuple(Option(i, name, short) for i, name, short in orgs),
            priority_areas=tuple(
                Option(a.id, a.code, a.title)
                for a in sorted(areas, key=lambda a: reference_key(a.code))
            ),
            boards=tuple(Option(i, name) for i, name in boards),
            meetings=tuple(Option(m.id, meeting_label(m)) for m in meetings),
            agenda_items=tuple(
                AgendaOption(i, meeting_id, f"{position + 1}. {title}")
                for i, meeting_id, position, title in items
            ),
            area_boards={a.id: a.sub_group_id for a in areas if a.sub_group_id is not None},
        )
