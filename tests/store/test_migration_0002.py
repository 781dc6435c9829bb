"""Revision 0002 (supplement pages) upgrades a database with issued packs and keeps them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import text

from sendboard.services import packs
from sendboard.services.common.workspace import open_database
from sendboard.store.backups import list_backups
from sendboard.store.database import alembic_config, head_revision
from sendboard.store.engine import make_engine, to_url

SHA = "ab" * 32


def write_0001_database(path: Path) -> None:
    """A database as release 0001 left it: a meeting with a main pack and a supplement whose
    pages were numbered from 1."""
    engine = make_engine(to_url(path))
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(
            text(
                "INSERT INTO boards (id, name, kind, quorum, papers_deadline_days, cadence, "
                "description) VALUES (1, 'Kingsmere SEND Improvement Board', "
                "'improvement_board', 3, 5, '', '')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO meetings (id, board_id, schedule_note, title, kind, status, "
                "starts_at, ends_at, venue, online_link, uid, sequence, notes) VALUES "
                "(1, 1, '', 'Improvement Board', 'ordinary', 'planned', "
                "'2026-03-10 14:00:00.000000', '2026-03-10 16:00:00.000000', 'Civic Centre', "
                "'', 'uid-1@sendboard', 0, '')"
            )
        )
        for pack_id, supplement, pages, built in (
            (1, 0, 34, "2026-03-03 09:00:00.000000"),
            (2, 1, 4, "2026-03-06 09:00:00.000000"),
        ):
            conn.execute(
                text(
                    "INSERT INTO pack_builds (id, meeting_id, built_at, public, supplement, "
                    "version, pages, sha256, path) VALUES "
                    "(:id, 1, :built, 0, :supplement, 1, :pages, :sha, :path)"
                ),
                {
                    "id": pack_id,
                    "built": built,
                    "supplement": supplement,
                    "pages": pages,
                    "sha": SHA,
                    "path": f"/packs/{pack_id}.pdf",
                },
            )
    engine.dispose()


def test_upgrade_keeps_issued_packs_and_numbers_the_next_supplement_on(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    write_0001_database(path)
    db = open_database(path)
    try:
        assert db.revision() == head_revision()
        listed = packs.list_packs(db, 1)
        assert [(v.id, v.supplement, v.pages, v.sha256, v.path) for v in listed] == [
            (1, False, 34, SHA, "/packs/1.pdf"),
            (2, True, 4, SHA, "/packs/2.pdf"),
        ]
        # What was printed on them: both numbered from page 1, following nothing recorded.
        assert [(v.first_page, v.follows_id, v.page_range) for v in listed] == [
            (1, None, "1–34"),
            (1, None, "1–4"),
        ]
        after = packs.check_supplement(db, 1, public=False)
        assert (after.number, after.first_page) == (2, 35)
    finally:
        db.close()
    # The file was copied aside before it was migrated, still at 0001.
    (kept,) = list_backups(path)
    with sqlite3.connect(kept) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT count(*) FROM pack_builds").fetchone() == (2,)
