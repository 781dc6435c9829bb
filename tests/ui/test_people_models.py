"""The People & Boards table models and search proxy, without a window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from sendboard.domain.governance import MemberRole, StatutoryRole
from sendboard.services.boards import MemberView
from sendboard.services.people import PersonView
from ui.common.rows import sort_text
from ui.common.search_proxy import SearchProxy
from ui.people.contacts_model import PeopleModel
from ui.people.members_model import MembersModel


def member(id: int, name: str, **changes: object) -> MemberView:
    values: dict[str, object] = dict(
        id=id,
        person_id=id,
        name=name,
        title="Officer",
        organisation="Kingsmere Borough Council",
        email=f"{name.split()[0].lower()}@example.org",
        statutory_role=None,
        role=MemberRole.MEMBER,
        voting=True,
        from_date=date(2026, 1, 1),
        to_date=None,
    )
    values.update(changes)
    return MemberView(**values)  # type: ignore[arg-type]


ROWS = [
    member(1, "Zoë Hartley", title="Director of Children's Services"),
    member(2, "Łukasz Nowak", organisation="Kingsmere and Dunmoor ICB"),
    member(
        3,
        "Daniel Osei",
        organisation="Department for Education",
        statutory_role=StatutoryRole.DFE_CASE_LEAD,
        role=MemberRole.ADVISER,
        voting=False,
        from_date=date(2025, 6, 1),
    ),
    member(4, "Amy Abbott", from_date=None, to_date=date(2020, 3, 31)),
]


def texts(proxy: SearchProxy, column: int) -> list[str]:
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_members_model_shows_each_column() -> None:
    model = MembersModel()
    model.set_rows(ROWS)
    assert model.rowCount() == 4
    assert model.columnCount() == 9
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headers == [
        "Name",
        "Title",
        "Organisation",
        "Email",
        "Statutory role",
        "Board role",
        "Voting",
        "From",
        "To",
    ]
    osei = model.row_of(3)
    assert osei is not None
    assert model.index(osei, MembersModel.STATUTORY_ROLE).data() == "DfE case lead"
    assert model.index(osei, MembersModel.BOARD_ROLE).data() == "Adviser"
    assert model.index(osei, MembersModel.VOTING).data() == "No"
    assert model.index(osei, MembersModel.FROM).data() == "Sun 1 Jun 2025"
    former = model.row_of(4)
    assert former is not None
    assert model.index(former, MembersModel.TO).data() == "Tue 31 Mar 2020"
    assert model.index(former, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(osei, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_set_rows_replaces_everything_at_once() -> None:
    model = MembersModel()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows(ROWS)
    model.set_rows(ROWS[:1])
    assert model.rowCount() == 1
    assert resets == [1, 1]
    assert model.row_of(2) is None


def test_sorting_is_alphabetical_as_a_reader_expects_and_dates_by_value() -> None:
    proxy = SearchProxy(MembersModel())
    proxy.source().set_rows(ROWS)
    proxy.sort(MembersModel.NAME, Qt.SortOrder.AscendingOrder)
    assert texts(proxy, MembersModel.NAME) == [
        "Amy Abbott",
        "Daniel Osei",
        "Łukasz Nowak",
        "Zoë Hartley",
    ]
    proxy.sort(MembersModel.FROM, Qt.SortOrder.AscendingOrder)
    # Blank first, then 1 Jun 2025 before 1 Jan 2026 (not "1 J…" text order).
    assert texts(proxy, MembersModel.FROM) == [
        "",
        "Sun 1 Jun 2025",
        "Thu 1 Jan 2026",
        "Thu 1 Jan 2026",
    ]
    proxy.sort(MembersModel.TO, Qt.SortOrder.DescendingOrder)
    assert texts(proxy, MembersModel.TO)[-1] == "Tue 31 Mar 2020"  # current members sort as latest


def test_search_matches_every_word_across_columns() -> None:
    proxy = SearchProxy(MembersModel())
    proxy.source().set_rows(ROWS)
    proxy.set_search("case lead")
    assert texts(proxy, MembersModel.NAME) == ["Daniel Osei"]
    proxy.set_search("DUNMOOR")
    assert texts(proxy, MembersModel.NAME) == ["Łukasz Nowak"]
    proxy.set_search("zoe@example")
    assert texts(proxy, MembersModel.NAME) == ["Zoë Hartley"]
    proxy.set_search("kingsmere director")
    assert texts(proxy, MembersModel.NAME) == ["Zoë Hartley"]
    proxy.set_search("nobody-matches")
    assert proxy.rowCount() == 0
    proxy.set_search("  ")
    assert proxy.rowCount() == 4


def test_people_model_lists_boards_and_searches_them() -> None:
    people = [
        PersonView(1, "Helen Marsh", "Head of SEND", "KBC", "h@x.org", "", None, ("A", "B")),
        PersonView(2, "Robert Kimani", "Adviser", "DfE", None, "", None, ()),
    ]
    proxy = SearchProxy(PeopleModel())
    proxy.source().set_rows(people)
    assert proxy.source().index(0, PeopleModel.BOARDS).data() == "A; B"
    proxy.sort(PeopleModel.BOARDS, Qt.SortOrder.DescendingOrder)
    assert texts(proxy, PeopleModel.NAME) == ["Helen Marsh", "Robert Kimani"]
    proxy.set_search("b")
    assert texts(proxy, PeopleModel.NAME) == ["Helen Marsh", "Robert Kimani"]  # "Robert"
    proxy.set_search("; b")
    assert texts(proxy, PeopleModel.NAME) == ["Helen Marsh"]


def test_sort_text_folds_accents_and_case() -> None:
    assert sort_text("Łukasz") == "lukasz"
    assert sort_text("Zoë") == "zoe"
    assert sort_text("Siân") < sort_text("Simon")
