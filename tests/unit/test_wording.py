from sendboard.domain.wording import counted, plural_word


def test_counts_read_in_the_singular_for_one() -> None:
    assert counted(1, "update") == "1 update"
    assert counted(2, "update") == "2 updates"
    assert counted(0, "problem") == "0 problems"
    assert counted(1, "person") == "1 person"
    assert counted(3, "person") == "3 people"
    assert counted(1, "member") == "1 member"
    assert counted(2, "box") == "2 boxes"
    assert counted(2, "priority") == "2 priorities"
    assert counted(2, "day") == "2 days"
    assert plural_word(2, "was") == "were"
