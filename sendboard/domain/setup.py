"""Words a setup workbook uses for tiers, membership roles and yes/no, read the forgiving way.

Each reader takes what a person types in a cell ("Sub-group", "vice chair", "Y") and returns the
value, or raises ValueError with a message that says what the cell may hold.
"""

from __future__ import annotations

from sendboard.domain.governance import BoardKind, MemberRole


def _key(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").replace("/", " ").lower().split())


TIER_WORDS: dict[str, BoardKind] = {
    "improvement board": BoardKind.IMPROVEMENT_BOARD,
    "send improvement board": BoardKind.IMPROVEMENT_BOARD,
    "board": BoardKind.IMPROVEMENT_BOARD,
    "delivery group": BoardKind.DELIVERY_GROUP,
    "delivery board": BoardKind.DELIVERY_GROUP,
    "sub group": BoardKind.SUB_GROUP,
    "subgroup": BoardKind.SUB_GROUP,
    "workstream": BoardKind.SUB_GROUP,
    "other": BoardKind.SCRUTINY,
    "scrutiny": BoardKind.SCRUTINY,
    "scrutiny other": BoardKind.SCRUTINY,
}
#: How the template names each tier (the first word the reader takes for it).
TIER_NAMES: dict[BoardKind, str] = {
    BoardKind.IMPROVEMENT_BOARD: "improvement board",
    BoardKind.DELIVERY_GROUP: "delivery group",
    BoardKind.SUB_GROUP: "sub-group",
    BoardKind.SCRUTINY: "other",
}

ROLE_WORDS: dict[str, MemberRole] = {
    "chair": MemberRole.CHAIR,
    "chairman": MemberRole.CHAIR,
    "chairperson": MemberRole.CHAIR,
    "independent chair": MemberRole.CHAIR,
    "vice chair": MemberRole.VICE_CHAIR,
    "vicechair": MemberRole.VICE_CHAIR,
    "deputy chair": MemberRole.VICE_CHAIR,
    "member": MemberRole.MEMBER,
    "adviser": MemberRole.ADVISER,
    "advisor": MemberRole.ADVISER,
    "secretary": MemberRole.SECRETARY,
    "clerk": MemberRole.SECRETARY,
    "officer": MemberRole.OFFICER,
    "in attendance": MemberRole.OFFICER,
}
ROLE_NAMES: dict[MemberRole, str] = {
    MemberRole.CHAIR: "chair",
    MemberRole.VICE_CHAIR: "vice-chair",
    MemberRole.MEMBER: "member",
    MemberRole.ADVISER: "adviser",
    MemberRole.SECRETARY: "secretary",
    MemberRole.OFFICER: "officer",
}
#: Roles that vote unless the Voting cell says otherwise.
VOTING_ROLES = frozenset({MemberRole.CHAIR, MemberRole.VICE_CHAIR, MemberRole.MEMBER})

_YES = {"yes", "y", "true", "1", "voting"}
_NO = {"no", "n", "false", "0", "non voting", "nonvoting"}


def parse_tier(text: str) -> BoardKind:
    """A board's tier; blank is an error (the tier decides who must be invited)."""
    key = _key(text)
    if key in TIER_WORDS:
        return TIER_WORDS[key]
    for kind in BoardKind:
        if key == _key(kind.value):
            return kind
    shown = f"'{text}' is not a tier" if key else "Tier is missing"
    raise ValueError(f"{shown}; use one of: " + ", ".join(TIER_NAMES.values()))


def parse_role(text: str) -> MemberRole:
    """A membership role; blank means member."""
    key = _key(text)
    if not key:
        return MemberRole.MEMBER
    if key in ROLE_WORDS:
        return ROLE_WORDS[key]
    raise ValueError(f"'{text}' is not a role; use one of: " + ", ".join(ROLE_NAMES.values()))


def parse_voting(text: str, role: MemberRole) -> bool:
    """Yes or no; blank means the role's usual (chairs and members vote, others do not)."""
    key = _key(text)
    if not key:
        return role in VOTING_ROLES
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValueError(f"Voting '{text}' should be yes or no")
