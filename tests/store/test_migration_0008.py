"""Revision 0008 (more record versions) upgrades a 0007 database with minutes, decisions, the
register of interests, an engagement event and a requirement in it, on a SQLite file and on a
PostgreSQL server: every one of them starts at version 1, a save from that version goes through,
and a save from an older one is refused naming who saved it since."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.engine import URL

from sendboard.errors import EditConflict
from sendboard.services import minutes, stocktake
from sendboard.services.common.editing import Ticket, guarded
from sendboard.services.common.workspace import open_database
from sendboard.store.database import alembic_config, head_revision
from sendboard.store.engine import make_engine, to_url
from tests import pg_server

ROWS = (
    "INSERT INTO people (id, name, title, email, phone, statutory_role) "
    "VALUES (1, 'Helen Marsh', '', 'helen@example.org', '', NULL)",
    "INSERT INTO boards (id, name, kind, parent_id, quorum, papers_deadline_days, cadence, "
    "description) VALUES (1, 'SEND Improvement Board', 'improvement_board', NULL, 0, 7, '', '')",
    "INSERT INTO meetings (id, board_id, schedule_note, title, kind, status, starts_at, ends_at, "
    "venue, online_link, uid, sequence, notes) VALUES (1, 1, '', 'Board', 'ordinary', 'held', "
    "'2026-11-02 10:00:00', '2026-11-02 12:00:00', '', '', 'uid-1', 0, '')",
    "INSERT INTO minutes (id, meeting_id, status, created_at, status_changed_at, amendments) "
    "VALUES (1, 1, 'draft', '2026-11-02 12:00:00', '2026-11-02 12:00:00', '')",
    "INSERT INTO minute_sections (id, minutes_id, agenda_item_id, text, saved_at) "
    "VALUES (1, 1, NULL, 'Action A01 was reported complete.', '2026-11-02 12:05:00')",
    "INSERT INTO decisions (id, minutes_id, agenda_item_id, board_id, year, number, reference, "
    "text, created_at) VALUES (1, 1, NULL, 1, 2026, 1, 'IB/2026/1', 'To note the report.', "
    "'2026-11-02 12:06:00')",
    "INSERT INTO interests (id, person_id, interest, organisation) "
    "VALUES (1, 1, 'Trustee', 'Parent Carer Forum')",
    "INSERT INTO engagement_events (id, reference, held_on, format, title, participants, said, "
    "changed) VALUES (1, 'E01', '2026-10-20', 'forum', 'Parent forum', '', '', '')",
    "INSERT INTO notice_requirements (id, reference, text, heading, position, tracked) "
    "VALUES (1, '4a', 'Improve timeliness of plans', '', 1, true)",
)


def _fill_at_0007(url: URL) -> None:
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0007")
        for row in ROWS:
            conn.execute(text(row))
    engine.dispose()


def _check_upgraded(target: str) -> None:
    priya = open_database(target, user="Priya Raman")
    sam = open_database(target, user="Sam Okafor")
    try:
        assert priya.revision() == head_revision() == "0008"
        view = minutes.get_minutes(priya, 1)
        assert view.matters_version == 1
        assert view.matters_arising == "Action A01 was reported complete."
        [interest] = minutes.list_interests(priya)
        [event] = stocktake.list_events(priya)
        detail = stocktake.requirement_detail(priya, 1)
        assert (interest.version, event.version, detail.version) == (1, 1, 1)

        saved = minutes.save_section(sam, 1, None, "A01 complete; A02 due in March.", 1).value
        assert saved.version == 2
        with pytest.raises(EditConflict, match="Sam Okafor changed the matters arising"):
            minutes.save_section(priya, 1, None, "Action A01 was reported complete. A03.", 1)

        theirs = minutes.InterestInput(1, "Trustee", "Parent Carer Forum (chair)")
        minutes.update_interest(sam, 1, theirs)
        mine = minutes.InterestInput(1, "Director", "Parent Carer Forum")
        with pytest.raises(EditConflict, match="Sam Okafor changed this interest"):
            guarded(
                Ticket("Interest", 1, interest.version),
                lambda: minutes.update_interest(priya, 1, mine),
            )()
        stored = minutes.list_interests(priya)[0]
        assert (stored.interest, stored.organisation, stored.version) == (
            "Trustee",
            "Parent Carer Forum (chair)",
            2,
        )
    finally:
        priya.close()
        sam.close()


def test_upgrade_from_0007_on_a_file(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    _fill_at_0007(to_url(path))
    _check_upgraded(str(path))


def test_upgrade_from_0007_on_a_server(pg_url: URL) -> None:
    with pg_server.fresh(pg_url, "older") as url:
        _fill_at_0007(url)
        _check_upgraded(url.render_as_string(hide_password=False))
