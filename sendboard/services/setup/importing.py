"""Checking a whole setup workbook against the database, then writing all of it or none."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

from sendboard.domain import validation
from sendboard.errors import ValidationError
from sendboard.outputs.setup.layout import (
    BOARDS,
    MEMBERSHIPS,
    PEOPLE,
    PRIORITY_AREAS,
    SECRETARY,
    SHEETS,
)
from sendboard.outputs.sheets import Sheet
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.imports import ImportPreview, RowFinding, RowStatus, rejection
from sendboard.services.people.io import PeoplePlanner, PersonPlan
from sendboard.services.setup.boards_plan import BoardsPlanner
from sendboard.services.setup.reading import Known, load_known, read_workbook
from sendboard.services.setup.records_plan import RecordsPlanner
from sendboard.services.setup.writing import SetupPlan, write
from sendboard.store.database import Database


def _people(
    session: Session, sheet: Sheet, known: Known
) -> tuple[list[PersonPlan], list[RowFinding]]:
    """The contact import's own rules, with an email required: other sheets refer to it."""
    planner = PeoplePlanner(session, sheet)
    plans, findings = [], []
    for row in sheet.rows:
        plan = planner.plan(row)
        finding = replace(plan.finding, sheet=PEOPLE.name)
        if not row.text("email") and finding.status is not RowStatus.ERROR:
            finding = replace(
                finding,
                status=RowStatus.ERROR,
                messages=("Email is missing: memberships and invitations need it",),
            )
        findings.append(finding)
        if finding.status is RowStatus.ERROR:
            continue
        plans.append(plan)
        try:
            email = validation.email(row.text("email"))
        except ValidationError:
            email = None
        if email:
            known.new_emails.add(email)
    return plans, findings


def _plan(session: Session, path: Path) -> tuple[ImportPreview, SetupPlan]:
    sheets = read_workbook(path)
    known = load_known(session)
    boards = BoardsPlanner(known, sheets[BOARDS.name])
    boards.plan()
    people, people_findings = _people(session, sheets[PEOPLE.name], known)
    records = RecordsPlanner(known)
    records.memberships(sheets[MEMBERSHIPS.name])
    records.areas(sheets[PRIORITY_AREAS.name])
    records.secretary(sheets[SECRETARY.name])
    findings = [*boards.findings, *people_findings, *records.result.findings]
    order = {layout.name: index for index, layout in enumerate(SHEETS)}
    findings.sort(key=lambda f: (order[f.sheet], f.row))
    unmapped = tuple(
        f"{layout.name}: {heading}" for layout in SHEETS for heading in sheets[layout.name].unmapped
    )
    preview = ImportPreview(source=path.name, rows=tuple(findings), unmapped_columns=unmapped)
    return preview, SetupPlan(people=people, boards=boards.plans, records=records.result)


def preview_setup_import(db: Database, path: Path) -> ImportPreview:
    """What importing the workbook would do, sheet by sheet and row by row; writes nothing."""
    with db.read() as session:
        return _plan(session, path)[0]


def import_setup(db: Database, path: Path) -> Outcome[ImportPreview]:
    """Check every row of every sheet, then write them all in one transaction; on any error
    write nothing. Raises ImportRejected (carrying the preview) naming each sheet and row."""
    with db.write() as session:
        preview, plan = _plan(session, path)
        if not preview.ok:
            raise rejection(preview)
        write(session, plan)
        session.flush()
        return outcome(preview, Area.PEOPLE, Area.BOARDS, Area.MEETINGS, Area.SETTINGS)
