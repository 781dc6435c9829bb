from datetime import date, datetime, time
from pathlib import Path

import pytest

from sendboard.domain.governance import BoardKind
from sendboard.domain.meetings import Purpose, StandingItem
from sendboard.errors import ValidationError
from sendboard.services import boards, meetings
from sendboard.services.common.workspace import Database
from sendboard.services.meetings import MeetingInput, agenda, papers
from sendboard.services.meetings.agenda import AgendaItemInput


@pytest.fixture
def board_id(db: Database) -> int:
    data = boards.BoardInput(name="SEND Delivery Group", kind=BoardKind.DELIVERY_GROUP)
    return boards.create_board(db, data).value.id


def _meeting(db: Database, board_id: int, day: date) -> int:
    data = MeetingInput(
        board_id, datetime.combine(day, time(14)), datetime.combine(day, time(16)), venue="Room 2"
    )
    return meetings.create_meeting(db, data).value.id


@pytest.fixture
def meeting_id(db: Database, board_id: int) -> int:
    return _meeting(db, board_id, date(2026, 12, 9))


def _titles(db: Database, meeting_id: int) -> list[str]:
    return [i.title for i in agenda.get_agenda(db, meeting_id).items]


def test_standing_items_fill_an_empty_agenda_in_template_order(
    db: Database, meeting_id: int
) -> None:
    view = agenda.add_standing_items(db, meeting_id).value
    assert [i.title for i in view.items] == [t.title for t in agenda.DEFAULT_TEMPLATE]
    assert [i.number for i in view.items] == list(range(1, 10))
    assert all(i.standing is not None for i in view.items)
    assert view.items[0].timing == "14:00–14:05"
    assert view.total_minutes == 90 and view.overrun == 0


def test_standing_items_slot_around_existing_items(db: Database, meeting_id: int) -> None:
    agenda.add_item(
        db, meeting_id, AgendaItemInput("Welcome and apologies", standing=StandingItem.WELCOME)
    )
    agenda.add_item(db, meeting_id, AgendaItemInput("Local offer refresh", "Helen Marsh"))
    agenda.add_item(
        db, meeting_id, AgendaItemInput("Any other business", standing=StandingItem.AOB)
    )
    titles = _titles(db, agenda.add_standing_items(db, meeting_id).value.meeting_id)
    assert titles[0] == "Welcome and apologies" and titles[1] == "Declarations of interest"
    assert titles.index("Local offer refresh") < titles.index("Any other business")
    assert titles[-2:] == ["Any other business", "Date of next meeting"]
    assert len(titles) == 10
    # running it again adds nothing
    assert len(agenda.add_standing_items(db, meeting_id).value.items) == 10


def test_board_template_replaces_the_default(db: Database, board_id: int, meeting_id: int) -> None:
    agenda.set_agenda_template(
        db,
        board_id,
        [
            AgendaItemInput(
                "Welcome", "Chair", Purpose.INFORMATION, 5, standing=StandingItem.WELCOME
            ),
            AgendaItemInput("Voice of young people", "Youth forum", Purpose.DISCUSSION, 20),
        ],
    )
    assert _titles(db, agenda.add_standing_items(db, meeting_id).value.meeting_id) == [
        "Welcome",
        "Voice of young people",
    ]
    agenda.set_agenda_template(db, board_id, [])
    assert len(agenda.agenda_template(db, board_id)) == len(agenda.DEFAULT_TEMPLATE)


def test_reorder_add_edit_remove_renumber(db: Database, meeting_id: int) -> None:
    for title in ("A", "B", "C", "D"):
        agenda.add_item(db, meeting_id, AgendaItemInput(title, minutes=30))
    items = agenda.get_agenda(db, meeting_id).items
    agenda.shift_item(db, items[0].id, +1)
    assert _titles(db, meeting_id) == ["B", "A", "C", "D"]
    agenda.move_item(db, items[3].id, 0)
    assert _titles(db, meeting_id) == ["D", "B", "A", "C"]
    agenda.shift_item(db, items[3].id, -1)  # already first: stays
    agenda.move_item(db, items[1].id, 99)
    assert _titles(db, meeting_id) == ["D", "A", "C", "B"]
    agenda.add_item(db, meeting_id, AgendaItemInput("Urgent", minutes=15), position=1)
    view = agenda.update_item(
        db, items[2].id, AgendaItemInput("C (exempt)", "Chair", Purpose.DECISION, 30, exempt=True)
    ).value
    assert [i.number for i in view.items] == [1, 2, 3, 4, 5]
    assert view.items[3].title == "C (exempt)" and view.items[3].exempt
    assert view.overrun == 15  # 135 minutes in a two-hour meeting
    view = agenda.remove_item(db, items[0].id).value
    assert [i.title for i in view.items] == ["D", "Urgent", "C (exempt)", "B"]
    with pytest.raises(ValidationError, match="Item title is required"):
        agenda.add_item(db, meeting_id, AgendaItemInput("  "))


def test_copy_previous_agenda(db: Database, board_id: int, meeting_id: int) -> None:
    later = _meeting(db, board_id, date(2027, 1, 13))
    with pytest.raises(ValidationError, match="no earlier meeting"):
        agenda.copy_previous_agenda(db, meeting_id)
    agenda.add_standing_items(db, meeting_id)
    agenda.add_item(db, meeting_id, AgendaItemInput("Exempt: contract award", exempt=True), 5)
    copied = agenda.copy_previous_agenda(db, later).value
    assert [i.title for i in copied.items] == _titles(db, meeting_id)
    assert copied.items[5].exempt
    with pytest.raises(ValidationError, match="already has 10 item"):
        agenda.copy_previous_agenda(db, later)
    agenda.copy_previous_agenda(db, later, replace=True)
    assert len(_titles(db, later)) == 10


PDF_V1 = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PDF_V2 = b"%PDF-1.4\n% second version\ntrailer <<>>\n%%EOF\n"


def test_paper_versions_are_kept_and_bytes_round_trip(
    db: Database, meeting_id: int, tmp_path: Path
) -> None:
    item = agenda.add_item(db, meeting_id, AgendaItemInput("SEND sufficiency")).value.items[0]
    first = tmp_path / "Sufficiency_report.pdf"
    first.write_bytes(PDF_V1)
    v1 = papers.attach_paper(db, item.id, first, today=date(2026, 11, 23)).value
    assert (v1.title, v1.version, v1.late) == ("Sufficiency report", 1, False)
    first.unlink()  # the original moving away loses nothing
    second = tmp_path / "sufficiency-final.pdf"
    second.write_bytes(PDF_V2)
    v2 = papers.add_version(db, v1.id, second, today=date(2026, 12, 2)).value
    assert v2.version == 2 and v2.late  # after the pack issue date (1 Dec)
    versions = papers.list_versions(db, v1.id)
    assert [v.version for v in versions] == [2, 1]
    assert papers.paper_bytes(db, v1.id) == PDF_V1
    assert papers.paper_bytes(db, v2.id) == PDF_V2
    shown = agenda.get_agenda(db, meeting_id).items[0].papers
    assert [p.label for p in shown] == ["Sufficiency report v2 (late)"]
    out = papers.export_paper(db, v2.id, tmp_path)
    assert out.name == "sufficiency-final v2.pdf" and out.read_bytes() == PDF_V2
    with pytest.raises(ValidationError, match="already has a paper called"):
        papers.attach_paper(db, item.id, second, title="Sufficiency report")


def test_non_pdf_is_refused_with_a_clear_message(
    db: Database, meeting_id: int, tmp_path: Path
) -> None:
    item = agenda.add_item(db, meeting_id, AgendaItemInput("Dashboard")).value.items[0]
    word = tmp_path / "dashboard.pdf"
    word.write_bytes(b"PK\x03\x04 not really a pdf")
    with pytest.raises(ValidationError, match=r"dashboard\.pdf is not a PDF file"):
        papers.attach_paper(db, item.id, word)
    with pytest.raises(ValidationError, match="could not be read"):
        papers.attach_paper(db, item.id, tmp_path / "missing.pdf")
    assert agenda.get_agenda(db, meeting_id).items[0].papers == ()
