"""Coverage flags and the suggested RAG from what is linked to a requirement."""

from __future__ import annotations

from sendboard.domain.brag import Brag
from sendboard.domain.measures import Status
from sendboard.domain.stocktake.judgement import Flag, Linked, Movement, flags, movement, suggest


def test_nothing_linked_is_flagged_and_suggested_red() -> None:
    assert flags(Linked()) == (Flag.NOTHING_LINKED,)
    assert suggest(Linked()).rag is Brag.RED


def test_everything_slipping_is_flagged() -> None:
    linked = Linked(actions=(Brag.RED, Brag.AMBER), measures=(Status.AT_RISK,))
    assert Flag.ALL_SLIPPING in flags(linked)
    assert suggest(linked).rag is Brag.RED
    some = Linked(actions=(Brag.GREEN, Brag.AMBER), measures=(Status.ON_TRACK,))
    assert Flag.ALL_SLIPPING not in flags(some)
    assert suggest(some).rag is Brag.AMBER  # a third slipping


def test_only_evidence_is_flagged_for_want_of_an_action() -> None:
    linked = Linked(engagement=2)
    assert flags(linked) == (Flag.NO_ACTION,)
    assert suggest(linked).rag is Brag.AMBER


def test_on_track_and_complete() -> None:
    assert suggest(Linked(actions=(Brag.GREEN, Brag.GREEN, Brag.BLUE))).rag is Brag.GREEN
    assert suggest(Linked(actions=(Brag.BLUE, Brag.BLUE))).rag is Brag.BLUE
    off = suggest(Linked(actions=(Brag.GREEN,) * 5, measures=(Status.OFF_TRACK,)))
    assert off.rag is Brag.AMBER and "off track" in off.reason


def test_movement_since_the_previous_stocktake() -> None:
    assert movement(Brag.RED, Brag.AMBER) is Movement.BETTER
    assert movement(Brag.GREEN, Brag.AMBER) is Movement.WORSE
    assert movement(Brag.AMBER, Brag.AMBER) is Movement.SAME
    assert movement(None, Brag.AMBER) is Movement.NEW


def test_everything_slipping_reads_with_its_counts() -> None:
    def reason(actions=(), measures=()) -> str:  # type: ignore[no-untyped-def]
        return suggest(Linked(actions=actions, measures=measures)).reason

    assert reason((Brag.RED,)) == "The one linked action is slipping."
    assert reason(measures=(Status.AT_RISK,)) == "The one linked measure is slipping."
    assert reason((Brag.RED, Brag.AMBER)) == "2 actions linked, both slipping."
    two = reason((Brag.AMBER,), (Status.OFF_TRACK,))
    assert two == "1 action and 1 measure linked, both slipping."
    many = reason((Brag.RED, Brag.AMBER, None), (Status.AT_RISK, Status.AT_RISK))
    assert many == "2 actions and 2 measures linked, all slipping."
    assert "All 2" not in two
