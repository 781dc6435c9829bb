"""People import and export: round trips, heading variants, matching rules, all rows or none."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from sendboard.domain.governance import StatutoryRole
from sendboard.errors import ImportRejected
from sendboard.services import boards as board_service
from sendboard.services import people as people_service
from sendboard.services.audit import count_audit
from sendboard.services.common.imports import RowStatus
from sendboard.services.common.workspace import Database
from sendboard.services.people.io import (
    EXPORT_HEADER,
    export_people,
    import_people,
    preview_people_import,
)
from sendboard.store.models import Membership, Organisation, Person

KIMANI = "robert.kimani@education.example.gov.uk"
MARSH = "helen.marsh@kingsmere.example.gov.uk"


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def person(db: Database, email: str) -> people_service.PersonView:
    return next(p for p in people_service.list_people(db) if p.email == email)


def counts(db: Database) -> tuple[int, int, int, int]:
    with db.read() as session:
        people = session.scalar(select(func.count()).select_from(Person))
        members = session.scalar(select(func.count()).select_from(Membership))
        orgs = session.scalar(select(func.count()).select_from(Organisation))
    return people or 0, members or 0, orgs or 0, count_audit(db)


def test_xlsx_export_has_the_contact_columns(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "people.xlsx"
    written = export_people(demo_db, out)
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == EXPORT_HEADER
    assert written == len(rows) - 1 == len(people_service.list_people(demo_db))
    by_email = {r[3]: r for r in rows[1:]}
    kimani = by_email[KIMANI]
    assert kimani[0] == "Robert Kimani"
    assert kimani[2] == "Department for Education"
    assert kimani[5] == "DfE SEND adviser"
    assert kimani[6] == "SEND Improvement Board"
    assert by_email[MARSH][6] == (
        "SEND Delivery Group; SEND Improvement Board; "
        "Sub-group 2: Communication and joined-up systems"
    )


def test_csv_export_reads_back_with_the_csv_module(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "people.csv"
    export_people(demo_db, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == EXPORT_HEADER
    assert any(r[0] == "Zoë Hartley" and r[4].startswith("01632") for r in rows)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_changes_nothing(demo_db: Database, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"people{suffix}"
    export_people(demo_db, out)
    before = counts(demo_db)
    preview = import_people(demo_db, out).value
    assert preview.count(RowStatus.UNCHANGED) == len(preview.rows) == before[0]
    assert counts(demo_db) == before


def test_heading_variants_under_a_title_row(demo_db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "contacts.csv",
        [
            ["Kingsmere SEND contacts (November)"],
            [],
            [
                "Full name",
                "Job title",
                "Organization",
                "E-mail address",
                "Tel",
                "Adviser role",
                "Groups",
                "Notes",
            ],
            [
                "Nadia Farouk",
                "Locality Lead",
                "Dunmoor College",
                "Nadia.Farouk@Dunmoor.example.ac.uk",
                "07700 900123",
                "",
                "SEND Delivery Group",
                "met at forum",
            ],
        ],
    )
    preview = preview_people_import(demo_db, path)
    assert preview.unmapped_columns == ("Notes",)
    assert [(r.row, r.status) for r in preview.rows] == [(4, RowStatus.NEW)]
    import_people(demo_db, path)
    added = person(demo_db, "nadia.farouk@dunmoor.example.ac.uk")
    assert (added.name, added.title, added.organisation, added.phone) == (
        "Nadia Farouk",
        "Locality Lead",
        "Dunmoor College",
        "07700 900123",
    )
    assert added.boards == ("SEND Delivery Group",)


def test_rows_match_by_email_ignoring_case_and_update(demo_db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "update.csv",
        [
            ["Name", "Title", "Email", "Statutory role"],
            ["Helen Marsh", "Assistant Director, SEND", MARSH.upper(), "none"],
            ["Robert Kimani", "SEND Adviser", KIMANI, "DfE SEND adviser"],
        ],
    )
    before = counts(demo_db)
    preview = import_people(demo_db, path).value
    marsh_row, kimani_row = preview.rows
    assert marsh_row.status is RowStatus.UPDATE
    assert marsh_row.messages == ("title: Head of SEND → Assistant Director, SEND",)
    assert kimani_row.status is RowStatus.UNCHANGED
    marsh = person(demo_db, MARSH)
    assert marsh.title == "Assistant Director, SEND"
    assert marsh.organisation == "Kingsmere Borough Council"  # no column: kept
    assert marsh.phone  # no column: kept
    people, members, orgs, audit = counts(demo_db)
    assert (people, members, orgs) == before[:3]
    assert audit == before[3] + 1


def test_a_blank_cell_clears_and_a_missing_column_keeps(demo_db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "roles.csv",
        [["Name", "Email", "Statutory role"], ["Robert Kimani", KIMANI, ""]],
    )
    preview = import_people(demo_db, path).value
    assert preview.rows[0].messages == ("statutory role: DfE SEND adviser → (blank)",)
    kimani = person(demo_db, KIMANI)
    assert kimani.statutory_role is None
    assert kimani.title == "SEND Adviser"


def test_boards_column_only_adds_current_memberships(demo_db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "boards.csv",
        [
            ["Name", "Email", "Boards"],
            ["Robert Kimani", KIMANI, "send delivery group;  SEND Improvement Board"],
            ["Helen Marsh", MARSH, ""],
        ],
    )
    preview = import_people(demo_db, path).value
    assert preview.rows[0].messages == ("Joins SEND Delivery Group",)
    assert preview.rows[1].status is RowStatus.UNCHANGED
    assert person(demo_db, KIMANI).boards == ("SEND Delivery Group", "SEND Improvement Board")
    assert len(person(demo_db, MARSH).boards) == 3
    delivery = board_service.find_board(demo_db, "SEND Delivery Group")
    member = next(
        m for m in board_service.list_members(demo_db, delivery.id) if m.name == "Robert Kimani"
    )
    assert member.current and member.from_date is not None


def test_any_bad_row_rejects_the_whole_file(demo_db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "bad.csv",
        [
            ["Name", "Title", "Email", "Statutory role", "Boards"],
            ["Good Person", "Officer", "good@example.org", "", ""],  # row 2
            ["", "Officer", "nameless@example.org", "", ""],  # row 3
            ["Bad Email", "", "bad@", "", ""],  # row 4
            ["Second Good", "", "GOOD@example.org", "", ""],  # row 5
            ["Wrong Role", "", "role@example.org", "Chief adviser", ""],  # row 6
            ["Wrong Board", "", "board@example.org", "", "Cabinet"],  # row 7
            ["Helen Marsh", "Boss", MARSH, "", ""],  # row 8: fine on its own
        ],
    )
    before = counts(demo_db)
    with pytest.raises(ImportRejected) as caught:
        import_people(demo_db, path)
    assert counts(demo_db) == before
    assert person(demo_db, MARSH).title == "Head of SEND"
    preview = caught.value.preview
    found = {r.row: r for r in preview.rows}
    assert found[2].status is RowStatus.NEW and found[8].status is RowStatus.UPDATE
    assert [r.row for r in preview.errors] == [3, 4, 5, 6, 7]
    assert found[3].messages == ("Name is missing",)
    assert "not a valid email" in found[4].messages[0]
    assert found[5].messages == ("good@example.org is also on row 2",)
    assert "DfE case lead" in found[6].messages[0]
    assert found[7].messages == ("There is no board called 'Cabinet'",)
    message = str(caught.value)
    assert "5 rows have errors" in message and "row 7" in message


def test_rows_without_email(db: Database, tmp_path: Path) -> None:
    people_service.create_person(
        db, people_service.PersonInput(name="Ann Listed", email="ann@x.org")
    )
    people_service.create_person(db, people_service.PersonInput(name="Bob Noemail"))
    path = write_csv(
        tmp_path / "no-email.csv",
        [
            ["Name", "Title", "Email"],
            ["Bob Noemail", "Parent rep", ""],
            ["Cara New", "", ""],
            ["Ann Listed", "", ""],
        ],
    )
    preview = preview_people_import(db, path)
    statuses = [r.status for r in preview.rows]
    assert statuses == [RowStatus.UPDATE, RowStatus.NEW, RowStatus.ERROR]
    assert "already listed with ann@x.org" in preview.rows[2].messages[0]

    write_csv(path, [["Name", "Email"], ["Bob Noemail", "bob@x.org"], ["Cara New", ""]])
    import_people(db, path)
    names = {p.name: p.email for p in people_service.list_people(db)}
    assert names == {"Ann Listed": "ann@x.org", "Bob Noemail": "bob@x.org", "Cara New": None}
    again = import_people(db, path).value
    assert [r.status for r in again.rows] == [RowStatus.UNCHANGED, RowStatus.UNCHANGED]


def test_same_nameless_email_row_twice_is_refused(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "twice.csv", [["Name", "Email"], ["Dee", ""], ["dee", ""]])
    preview = preview_people_import(db, path)
    assert preview.rows[1].messages == ("dee is also on row 2 without an email; add the emails",)


def test_a_file_with_no_rows_is_refused(db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "empty.csv", [["Name", "Email"]])
    with pytest.raises(ImportRejected, match="no data rows"):
        import_people(db, path)


def test_statutory_role_aliases_are_read(db: Database, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "roles.csv",
        [["Name", "Email", "Statutory"], ["Cass Lead", "cass@x.org", "case lead"]],
    )
    import_people(db, path)
    assert person(db, "cass@x.org").statutory_role is StatutoryRole.DFE_CASE_LEAD


def test_two_rows_cannot_update_the_same_person(db: Database, tmp_path: Path) -> None:
    people_service.create_person(db, people_service.PersonInput(name="Bob Noemail"))
    path = write_csv(
        tmp_path / "twice.csv",
        [["Name", "Email"], ["Bob Noemail", "bob@x.org"], ["Bob Noemail", ""]],
    )
    preview = preview_people_import(db, path)
    assert preview.rows[0].status is RowStatus.UPDATE
    assert preview.rows[1].messages == ("Row 2 already updates Bob Noemail",)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_international_phone_numbers_survive_a_round_trip(
    db: Database, tmp_path: Path, suffix: str
) -> None:
    data = people_service.PersonInput(name="Ina Abroad", email="ina@x.org", phone="+44 7700 900000")
    people_service.create_person(db, data)
    out = tmp_path / f"people{suffix}"
    export_people(db, out)
    preview = import_people(db, out).value
    assert [r.status for r in preview.rows] == [RowStatus.UNCHANGED]
    assert person(db, "ina@x.org").phone == "+44 7700 900000"


def test_a_formula_never_calculated_is_an_error_on_its_row(db: Database, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Name", "Email", "Phone"])
    book.active.append(["Ann Abbott", '=LOWER("ANN@EXAMPLE.ORG")', None])
    path = tmp_path / "contacts.xlsx"
    book.save(path)
    (finding,) = preview_people_import(db, path).rows
    assert finding.status is RowStatus.ERROR
    assert "cell B2 holds a formula with no saved value" in finding.messages[0]
    with pytest.raises(ImportRejected):
        import_people(db, path)
