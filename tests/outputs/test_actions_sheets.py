"""Importing an existing action log and exporting ours, read back with openpyxl and csv."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from sendboard.cli import main
from sendboard.domain.brag import Brag
from sendboard.domain.meetings import MeetingStatus
from sendboard.errors import ImportRejected
from sendboard.services import actions
from sendboard.services.common.imports import RowStatus
from sendboard.store.models import Action, ActionUpdate, Meeting
from tests.pg_server import target

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo_db(pinned_demo_db):  # type: ignore[no-untyped-def]
    """Imports here are dated TODAY: the demo as it stood then."""
    return pinned_demo_db


def _xlsx(path: Path, rows: list[list], title: str | None = "Kingsmere SEND action log") -> Path:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.merge_cells("A1:F1")
        sheet.append([])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _counts(db) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Action)),
            session.scalar(select(func.count()).select_from(ActionUpdate)),
        )


def test_import_reads_heading_variants_merged_title_serials_and_blanks(demo_db, tmp_path) -> None:
    path = _xlsx(
        tmp_path / "log.xlsx",
        [
            ["Ref.", "Action", "Lead", "Deadline", "RAG", "Impact RAG", "Comments", "Priority",
             "Partner(s)", "Success measure"],
            [None, "Run a transitions fair", "helen.marsh@kingsmere.example.gov.uk", 46387, "G",
             "A", "Venue booked", "P5", "Dunmoor College; PCF", "200 families attend"],
            [],
            [None, "Audit short breaks", "Tom Whitcombe", "31/03/2027", "Amber", None, None,
             "Priority 3", None, None],
        ],
    )  # fmt: skip
    before = _counts(demo_db)
    preview = actions.preview_import(demo_db, path, today=TODAY)
    assert [(r.row, r.key, r.status) for r in preview.rows] == [
        (4, "P5.13", RowStatus.NEW),
        (6, "P3.13", RowStatus.NEW),
    ]
    assert _counts(demo_db) == before
    actions.import_actions(demo_db, path, today=TODAY)
    views = {v.reference: v for v in actions.list_actions(demo_db, today=TODAY)}
    fair = views["P5.13"]
    assert fair.original_due == date(2026, 12, 31)  # Excel serial 46387
    assert (fair.owner_name, fair.progress, fair.impact) == ("Helen Marsh", Brag.GREEN, Brag.AMBER)
    assert fair.partners == ("Dunmoor College", "Kingsmere Parent Carer Forum")
    assert fair.target == "200 families attend"
    assert fair.board_name.startswith("Sub-group 5")
    assert views["P3.13"].original_due == date(2027, 3, 31)
    assert views["P3.13"].progress is Brag.AMBER
    assert _counts(demo_db) == (before[0] + 2, before[1] + 2)


def test_existing_reference_updates_the_action_and_appends_an_update(demo_db, tmp_path) -> None:
    target = actions.list_actions(demo_db, today=TODAY)[1]
    history = len(actions.action_history(demo_db, target.id))
    path = tmp_path / "log.csv"
    path.write_text(
        "Reference,Action,Owner,BRAG,Update\n"
        f"{target.reference.lower()},{target.title},{target.owner_name},R,Supplier withdrew\n",
        encoding="utf-8",
    )
    preview = actions.preview_import(demo_db, path, today=TODAY)
    assert [(r.key, r.status) for r in preview.rows] == [(target.reference, RowStatus.UPDATE)]
    actions.import_actions(demo_db, path, today=TODAY)
    updates = actions.action_history(demo_db, target.id)
    assert len(updates) == history + 1
    assert (updates[-1].text, updates[-1].progress, updates[-1].on) == (
        "Supplier withdrew",
        Brag.RED,
        TODAY,
    )
    again = actions.preview_import(demo_db, path, today=TODAY)
    assert again.rows[0].status is RowStatus.UNCHANGED


def test_one_bad_row_writes_nothing_and_names_the_row(demo_db, tmp_path) -> None:
    path = _xlsx(
        tmp_path / "bad.xlsx",
        [
            ["Reference", "Action", "Owner", "Due date", "BRAG", "Status"],
            ["N.01", "Fine action", "Helen Marsh", "01/02/2027", "G", "Open"],
            ["N.02", "Unknown owner", "Helen Mash", "01/02/2027", "G", "Open"],
            ["N.03", "Bad date", "Helen Marsh", "31/02/2027", "G", "Open"],
            ["N.04", "Bad rating", "Helen Marsh", "01/02/2027", "Purple", "Open"],
            ["N.01", "Duplicate", "Helen Marsh", None, None, None],
        ],
        title=None,
    )
    before = _counts(demo_db)
    preview = actions.preview_import(demo_db, path, today=TODAY)
    errors = {r.row: " ".join(r.messages) for r in preview.errors}
    assert set(errors) == {3, 4, 5, 6}
    assert "did you mean Helen Marsh" in errors[3]
    assert "'31/02/2027' is not a date" in errors[4]
    assert "'Purple' is not a BRAG rating" in errors[5]
    assert "appears again (first on row 2)" in errors[6]
    assert preview.rows[0].status is RowStatus.NEW
    with pytest.raises(ImportRejected):
        actions.import_actions(demo_db, path, today=TODAY)
    assert _counts(demo_db) == before
    code = main(["actions", "import", "--db", target(demo_db), str(path)])
    assert code == 1
    assert _counts(demo_db) == before


def test_original_due_cannot_be_changed_by_import(demo_db, tmp_path) -> None:
    first = actions.list_actions(demo_db, today=TODAY)[0]
    path = tmp_path / "due.csv"
    path.write_text(
        "Ref,Action,Owner,Due date\n"
        f"{first.reference},{first.title},{first.owner_name},01/01/2030\n",
        encoding="utf-8",
    )
    (finding,) = actions.preview_import(demo_db, path, today=TODAY).rows
    assert finding.status is RowStatus.ERROR
    assert "Revised due date" in finding.messages[0]


def test_cli_dry_run_and_import(demo_db, tmp_path, capsys) -> None:
    path = tmp_path / "new.csv"
    path.write_text("Action,Owner,Target date\nNew thing,Priya Raman,1 March 2027\n", "utf-8")
    before = _counts(demo_db)
    assert main(["actions", "import", "--db", target(demo_db), str(path), "--dry-run"]) == 0
    assert "1 new" in capsys.readouterr().out
    assert _counts(demo_db) == before
    assert main(["actions", "import", "--db", target(demo_db), str(path)]) == 0
    assert _counts(demo_db) == (before[0] + 1, before[1])


def test_export_xlsx_has_fills_letters_frozen_header_and_filters(demo_db, tmp_path) -> None:
    out = tmp_path / "log.xlsx"
    assert main(["actions", "export", "--db", target(demo_db), "--out", str(out)]) == 0
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Reference", "Action", "Priority area"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    assert sheet.max_row == 67  # the heading row, and 66 actions (6 arising from minutes)
    column = header.index("Progress BRAG") + 1
    seen = {}
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row, column)
        if cell.value:
            seen[cell.value[0]] = cell.fill.fgColor.rgb[-6:].lower()
    assert seen["R"] == Brag.RED.colour.lstrip("#")
    assert seen["G"] == Brag.GREEN.colour.lstrip("#")
    assert sheet.column_dimensions["B"].width >= 40


def test_export_round_trips_unchanged(demo_db, tmp_path) -> None:
    out = tmp_path / "log.xlsx"
    actions.export_actions(demo_db, out, today=TODAY)
    preview = actions.preview_import(demo_db, out, today=TODAY)
    assert preview.ok
    assert preview.count(RowStatus.UNCHANGED) == 66  # 60, and 6 arising from minutes
    assert preview.unmapped_columns == ()


def test_export_current_view_only_and_csv_neutralises_formulas(demo_db, tmp_path) -> None:
    views = actions.list_actions(demo_db, today=TODAY)
    action = actions.get_action(demo_db, views[2].id)
    actions.update_action(
        demo_db,
        action.row.id,
        actions.ActionInput(
            title='=HYPERLINK("http://evil","x")',
            owner_id=action.row.owner_id,
            priority_area_id=action.row.priority_area_id,
            board_id=action.row.board_id,
            reference=action.row.reference,
            original_due=action.row.original_due,
            revised_due=action.row.revised_due,
            revised_reason=action.revised_reason,
        ),
    )
    out = tmp_path / "view.csv"
    count = actions.export_actions(demo_db, out, ids=[views[2].id, views[0].id])
    assert count == 2
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert [r[0] for r in rows[1:]] == [views[2].reference, views[0].reference]
    assert rows[1][1].startswith("'=HYPERLINK")


def _next_meeting_of(db, board_id: int, on: date) -> int | None:
    """The board's first meeting, not cancelled, on or after the day (read from the tables)."""
    with db.read() as session:
        meetings = session.execute(
            select(Meeting.id, Meeting.starts_at, Meeting.status).where(
                Meeting.board_id == board_id
            )
        ).all()
    later = sorted(
        (starts, mid)
        for mid, starts, status in meetings
        if starts.date() >= on and status is not MeetingStatus.CANCELLED
    )
    return later[0][1] if later else None


def _with_update(db):  # type: ignore[no-untyped-def]
    """An open action on a board whose latest update has a rating and text."""
    for view in actions.list_actions(db, today=TODAY):
        latest = actions.action_history(db, view.id)[-1:] if view.board_id else ()
        if latest and latest[0].text and latest[0].progress and view.status.label == "Open":
            return view, latest[0]
    raise AssertionError("the demo has no updated action")


def test_an_update_with_a_new_date_is_kept_though_it_repeats_the_last(demo_db, tmp_path) -> None:
    view, latest = _with_update(demo_db)
    history = len(actions.action_history(demo_db, view.id))
    on = latest.on + timedelta(days=7)
    path = _xlsx(
        tmp_path / "cycle.xlsx",
        [
            ["Reference", "Action", "Owner", "Progress BRAG", "Impact BRAG", "Latest update",
             "Last updated"],
            [view.reference, view.title, view.owner_name, latest.progress.letter,
             latest.impact.letter if latest.impact else None, latest.text, on],
        ],
    )  # fmt: skip
    (finding,) = actions.preview_import(demo_db, path, today=TODAY).rows
    assert finding.status is RowStatus.UPDATE
    assert finding.messages == (
        f"New update dated {on:%d/%m/%Y} "
        f"(its ratings and text repeat the update of {latest.on:%d/%m/%Y})",
    )
    actions.import_actions(demo_db, path, today=TODAY)
    updates = actions.action_history(demo_db, view.id)
    assert len(updates) == history + 1
    added = updates[-1]
    assert (added.on, added.text, added.progress, added.impact) == (
        on,
        latest.text,
        latest.progress,
        latest.impact,
    )
    assert added.meeting_id is not None
    assert added.meeting_id == _next_meeting_of(demo_db, view.board_id, on)
    (again,) = actions.preview_import(demo_db, path, today=TODAY).rows
    assert (again.status, again.messages) == (RowStatus.UNCHANGED, ())


def test_an_update_already_in_the_history_is_not_added_again(demo_db, tmp_path) -> None:
    """An older log re-imported: its update of that date is already there, though not the last."""
    for view in actions.list_actions(demo_db, today=TODAY):
        history = actions.action_history(demo_db, view.id)
        if len(history) >= 2 and history[-2].text != history[-1].text:
            break
    else:
        raise AssertionError("the demo has no action with two different updates")
    older = history[-2]
    path = _xlsx(
        tmp_path / "older.xlsx",
        [
            ["Reference", "Action", "Owner", "Progress BRAG", "Impact BRAG", "Latest update",
             "Last updated"],
            [view.reference, view.title, view.owner_name,
             older.progress.letter if older.progress else None,
             older.impact.letter if older.impact else None, older.text, older.on],
        ],
    )  # fmt: skip
    (finding,) = actions.preview_import(demo_db, path, today=TODAY).rows
    assert finding.status is RowStatus.UNCHANGED
    actions.import_actions(demo_db, path, today=TODAY)
    assert len(actions.action_history(demo_db, view.id)) == len(history)


def test_updates_of_new_actions_record_their_board_meeting(demo_db, tmp_path) -> None:
    path = tmp_path / "new.csv"
    path.write_text(
        "Action,Owner,Priority,BRAG,Update,Update date\n"
        "Map sensory support,Priya Raman,P2,G,Scoping started,02/11/2026\n",
        encoding="utf-8",
    )
    actions.import_actions(demo_db, path, today=TODAY)
    view = next(v for v in actions.list_actions(demo_db, today=TODAY) if v.title.startswith("Map"))
    (update,) = actions.action_history(demo_db, view.id)
    assert view.board_id is not None
    assert update.meeting_id == _next_meeting_of(demo_db, view.board_id, date(2026, 11, 2))
    assert update.meeting_id is not None


@pytest.mark.parametrize("heading", ["Timescale", "By when", "Target date", "Deadline"])
def test_due_date_headings(demo_db, tmp_path, heading: str) -> None:
    path = _xlsx(
        tmp_path / "plan.xlsx",
        [["Action", "Owner", heading], ["Publish the local offer", "Priya Raman", "30/04/2027"]],
    )
    preview = actions.preview_import(demo_db, path, today=TODAY)
    assert preview.ok and preview.unmapped_columns == ()
    actions.import_actions(demo_db, path, today=TODAY)
    views = actions.list_actions(demo_db, today=TODAY)
    assert next(v for v in views if v.title == "Publish the local offer").original_due == date(
        2027, 4, 30
    )


def test_a_period_in_a_due_date_means_its_end_and_the_preview_says_so(demo_db, tmp_path) -> None:
    path = _xlsx(
        tmp_path / "plan.xlsx",
        [
            ["Action", "Owner", "Timescale", "Revised due date"],
            ["Refresh the EHCP template", "Priya Raman", "May 2027", None],
            ["Recruit two EPs", "Priya Raman", "Q3 2026/27", "Q4 2026/27"],
            ["Train SENCOs", "Priya Raman", "Spring term 2027", None],
            ["Launch the portal", "Priya Raman", datetime(2027, 6, 1), None],
        ],
    )
    book = load_workbook(path)
    book.active["C7"].number_format = "mmm-yy"  # typed as "Jun-27": Excel keeps 1 June
    book.save(path)
    preview = actions.preview_import(demo_db, path, today=TODAY)
    assert preview.ok
    notes = {r.row: r.messages for r in preview.rows}
    assert notes[4] == ("Due date: May 2027 read as 31 May 2027",)
    assert notes[5] == (
        "Due date: Q3 2026/27 read as 31 December 2026",
        "Revised due date: Q4 2026/27 read as 31 March 2027",
    )
    assert notes[6] == ("Due date: Spring term 2027 read as 31 March 2027",)
    assert notes[7] == ("Due date: June 2027 read as 30 June 2027",)
    actions.import_actions(demo_db, path, today=TODAY)
    due = {v.title: (v.original_due, v.revised_due) for v in actions.list_actions(demo_db)}
    assert due["Refresh the EHCP template"] == (date(2027, 5, 31), None)
    assert due["Recruit two EPs"] == (date(2026, 12, 31), date(2027, 3, 31))
    assert due["Train SENCOs"] == (date(2027, 3, 31), None)
    assert due["Launch the portal"] == (date(2027, 6, 30), None)


def test_a_formula_never_calculated_rejects_the_file_naming_the_cell(
    demo_db, tmp_path, capsys
) -> None:
    path = _xlsx(
        tmp_path / "formula.xlsx",
        [
            ["Reference", "Action", "Owner", "Due date"],
            ["N.01", "Fine action", "Helen Marsh", "01/02/2027"],
            ["N.02", "Worked-out date", "Helen Marsh", "=DATE(2027,3,31)"],
        ],
        title=None,
    )
    book = load_workbook(path)
    book.active.title = "Actions"
    book.save(path)
    before = _counts(demo_db)
    preview = actions.preview_import(demo_db, path, today=TODAY)
    assert [(r.row, r.status) for r in preview.rows] == [
        (2, RowStatus.NEW),
        (3, RowStatus.ERROR),
    ]
    assert preview.rows[1].messages == (
        "Sheet 'Actions' cell D3 holds a formula with no saved value; "
        "open and save the file in Excel first",
    )
    with pytest.raises(ImportRejected):
        actions.import_actions(demo_db, path, today=TODAY)
    assert _counts(demo_db) == before
    assert main(["actions", "import", "--db", target(demo_db), str(path)]) == 1
    out = capsys.readouterr()
    assert "cell D3 holds a formula" in out.out
    assert "Traceback" not in out.out + out.err
    assert _counts(demo_db) == before


def test_cli_dry_run_prints_how_periods_were_read(demo_db, tmp_path, capsys) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("Action,Owner,Timescale\nNew thing,Priya Raman,Q3 2026/27\n", "utf-8")
    assert main(["actions", "import", "--db", target(demo_db), str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Due date: Q3 2026/27 read as 31 December 2026" in out


def test_large_demo_export_imports_back_with_every_row_unchanged(tmp_path) -> None:
    """The large demo has several people of one name owning actions: the export carries each
    owner's email beside the name, so its own import finds the right person."""
    from sendboard.demo import build_demo
    from sendboard.services.common.workspace import open_database

    db = open_database(tmp_path / "large.db")
    try:
        build_demo(db, "large")
        for suffix in ("xlsx", "csv"):
            out = tmp_path / f"log.{suffix}"
            count = actions.export_actions(db, out, today=TODAY)
            preview = actions.preview_import(db, out, today=TODAY)
            assert preview.ok, preview.report()
            assert preview.count(RowStatus.UNCHANGED) == count > 300
            assert preview.unmapped_columns == ()
    finally:
        db.close()


def test_owner_email_column_finds_the_owner_and_must_agree_with_the_name(demo_db, tmp_path) -> None:
    with_email = tmp_path / "emails.csv"
    with_email.write_text(
        "Action,Owner email,Target date\n"
        "New thing,helen.marsh@kingsmere.example.gov.uk,1 March 2027\n",
        "utf-8",
    )
    (row,) = actions.preview_import(demo_db, with_email, today=TODAY).rows
    assert row.status is RowStatus.NEW
    both = tmp_path / "both.csv"
    both.write_text(
        "Action,Owner,Owner email\n"
        "Agreed,Helen Marsh,helen.marsh@kingsmere.example.gov.uk\n"
        "Clash,Tom Whitcombe,helen.marsh@kingsmere.example.gov.uk\n",
        "utf-8",
    )
    agreed, clash = actions.preview_import(demo_db, both, today=TODAY).rows
    assert agreed.status is RowStatus.NEW
    assert clash.status is RowStatus.ERROR
    assert "Tom Whitcombe" in clash.messages[0] and "helen.marsh@" in clash.messages[0]


def test_imported_complete_action_takes_its_date_closed_from_the_sheet_or_none(
    demo_db, tmp_path
) -> None:
    """A "Complete" row never gets the import day as its date closed: the sheet's date, or none,
    and the preview says which."""
    path = tmp_path / "done.csv"
    path.write_text(
        "Action,Owner,Status,Date closed\n"
        "Dated,Helen Marsh,Complete,03/11/2026\n"
        "Undated,Helen Marsh,Complete,\n",
        "utf-8",
    )
    dated, undated = actions.preview_import(demo_db, path, today=TODAY).rows
    assert dated.status is RowStatus.NEW and undated.status is RowStatus.NEW
    assert any("03/11/2026" in m and "sheet" in m for m in dated.messages), dated.messages
    assert any("no date closed" in m for m in undated.messages), undated.messages
    report = actions.preview_import(demo_db, path, today=TODAY).report(notes=10)
    assert "no date closed" in report
    actions.import_actions(demo_db, path, today=TODAY)
    with demo_db.read() as session:
        closed = dict(
            session.execute(
                select(Action.title, Action.closed_on).where(Action.title.in_(["Dated", "Undated"]))
            ).all()
        )
    assert closed == {"Dated": date(2026, 11, 3), "Undated": None}
