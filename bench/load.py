"""Five people on one shared server for a minute: no save lost, no error but reported conflicts.

    python bench/load.py --server postgresql+psycopg://postgres@127.0.0.1:5432/postgres

(`--server` defaults to SENDBOARD_TEST_PG.) A new database is made on the server, filled with
the small demo, and dropped at the end. Five processes, each opened as its own user, then for
`--seconds` each repeatedly either edits one of a few actions that all of them edit (reading it,
pausing as a person would, then saving its description with a mark of its own appended, from
the version it read), or imports a small action log of new actions. Afterwards every saved mark
must still be in its action's description and every imported action must exist: anything
missing is a lost update. Prints lost updates (must be 0), errors other than reported conflicts
(must be 0), conflicts, and operations per second; exits 1 if either must-be-0 figure is not.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

USERS = 5
HOT_ACTIONS = 4
IMPORT_ROWS = 10


def _edit(db, action_id: int, mark: str) -> None:  # type: ignore[no-untyped-def]
    from sendboard.services import actions
    from sendboard.services.actions import ActionInput
    from sendboard.services.common.editing import Ticket, guarded

    found = actions.get_action(db, action_id)
    row = found.row
    time.sleep(random.uniform(0.0, 0.05))  # reading the form
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
    data = replace(data, description=f"{found.description} [{mark}]")
    ticket = Ticket("Action", action_id, row.version)
    guarded(ticket, lambda: actions.update_action(db, action_id, data))()


def worker(url: str, user: int, hot: list[int], seconds: float, people: list[str], orgs: list[str]):  # type: ignore[no-untyped-def]
    from actions import write_log  # bench/actions.py

    from sendboard.errors import EditConflict
    from sendboard.services import actions
    from sendboard.services.common.workspace import open_database

    random.seed(user)
    db = open_database(url, user=f"Load user {user}")
    saved, imported, errors = [], [], []
    conflicts = operations = 0
    folder = Path(tempfile.mkdtemp(prefix=f"sendboard-load-{user}-"))
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        try:
            if random.random() < 0.8:
                mark = f"u{user}-{n}"
                _edit(db, random.choice(hot), mark)
                saved.append(mark)
            else:
                start = 100000 + user * 10000 + n * IMPORT_ROWS
                sheet = folder / f"log-{n}.xlsx"
                write_log(sheet, IMPORT_ROWS, start, people, orgs)
                actions.import_actions(db, sheet)
                imported += [f"B{k % 5 + 1}.{start + k:05d}" for k in range(IMPORT_ROWS)]
            operations += 1
        except EditConflict:
            conflicts += 1
            operations += 1
        except Exception as exc:  # counted and shown: the figure that must be 0
            errors.append(f"{type(exc).__name__}: {exc}")
    db.close()
    return {
        "saved": saved,
        "imported": imported,
        "errors": errors,
        "conflicts": conflicts,
        "ops": operations,
    }


def _run(url: str, seconds: float) -> int:
    from sendboard.demo import build_demo
    from sendboard.services import actions
    from sendboard.services.common.workspace import open_database

    db = open_database(url)
    build_demo(db, "small")
    hot = [a.id for a in actions.list_actions(db)[:HOT_ACTIONS]]
    options = actions.action_options(db)
    people = [p.label for p in options.people if "(" not in p.label][:40]
    orgs = [o.label for o in options.organisations]
    before = {a: actions.get_action(db, a).description for a in hot}
    context = multiprocessing.get_context("spawn")
    started = time.monotonic()
    with context.Pool(USERS) as pool:
        jobs = [
            pool.apply_async(worker, (url, user, hot, seconds, people, orgs))
            for user in range(1, USERS + 1)
        ]
        results = [job.get() for job in jobs]
    elapsed = time.monotonic() - started
    descriptions = "".join(actions.get_action(db, a).description for a in hot)
    references = {a.reference for a in actions.list_actions(db)}
    db.close()
    saved = [mark for r in results for mark in r["saved"]]
    lost = [m for m in saved if f"[{m}]" not in descriptions]
    lost += [ref for r in results for ref in r["imported"] if ref not in references]
    errors = [e for r in results for e in r["errors"]]
    operations = sum(r["ops"] for r in results)
    conflicts = sum(r["conflicts"] for r in results)
    imports = sum(len(r["imported"]) for r in results) // IMPORT_ROWS
    assert all(text in descriptions for text in before.values() if text)
    print(f"users                {USERS} processes, {seconds:.0f} s each ({elapsed:.1f} s in all)")
    print(f"operations           {operations} ({operations / elapsed:.1f} per second)")
    print(f"saved edits          {len(saved)} on {HOT_ACTIONS} shared actions")
    print(f"imports              {imports} of {IMPORT_ROWS} new actions each")
    print(f"conflicts (reported) {conflicts}")
    print(f"lost updates         {len(lost)}   (must be 0)")
    print(f"other errors         {len(errors)}   (must be 0)")
    for item in lost[:5]:
        print(f"  lost: {item}")
    for error in errors[:5]:
        print(f"  {error}")
    return 1 if lost or errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.environ.get("SENDBOARD_TEST_PG", ""))
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    if not args.server:
        parser.error("give --server (a role that may create databases) or set SENDBOARD_TEST_PG")
    from sqlalchemy.engine import make_url

    from tests.pg_server import fresh

    with fresh(make_url(args.server), "load") as url:
        return _run(url.render_as_string(hide_password=False), args.seconds)


if __name__ == "__main__":
    sys.exit(main())
