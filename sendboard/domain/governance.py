"""Who sits where: board kinds, statutory roles the notice names, membership roles."""

from __future__ import annotations

from enum import StrEnum


class StatutoryRole(StrEnum):
    """Roles the Improvement Notice requires to be invited to every board meeting."""

    DFE_SEND_ADVISER = "dfe_send_adviser"
    NHSE_ADVISER = "nhse_adviser"
    DFE_CASE_LEAD = "dfe_case_lead"

    @property
    def label(self) -> str:
        return STATUTORY_ROLE_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> StatutoryRole | None:
        """Read a role from a spreadsheet cell or form: label, value or common shorthand."""
        key = " ".join(text.replace("_", " ").replace("-", " ").lower().split())
        if key in ("", "none", "n/a", "na", "-"):
            return None
        for role in cls:
            if key in (role.value.replace("_", " "), role.label.lower(), *_ALIASES[role]):
                return role
        raise ValueError(
            f"'{text}' is not a statutory role; use one of: "
            + ", ".join(r.label for r in cls)
            + " (or leave blank)"
        )


STATUTORY_ROLE_LABELS = {
    StatutoryRole.DFE_SEND_ADVISER: "DfE SEND adviser",
    StatutoryRole.NHSE_ADVISER: "NHS England adviser",
    StatutoryRole.DFE_CASE_LEAD: "DfE case lead",
}

_ALIASES = {
    StatutoryRole.DFE_SEND_ADVISER: ("send adviser", "dfe send advisor", "dfe adviser"),
    StatutoryRole.NHSE_ADVISER: ("nhs england advisor", "nhse adviser", "nhse advisor", "nhse"),
    StatutoryRole.DFE_CASE_LEAD: ("case lead", "dfe caselead"),
}

#: The roles every Improvement Board meeting must invite, in the order the notice names them.
REQUIRED_BY_NOTICE: tuple[StatutoryRole, ...] = tuple(StatutoryRole)


class BoardKind(StrEnum):
    IMPROVEMENT_BOARD = "improvement_board"
    DELIVERY_GROUP = "delivery_group"
    SUB_GROUP = "sub_group"
    SCRUTINY = "scrutiny"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class MemberRole(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    ADVISER = "adviser"
    OFFICER = "officer"
    SECRETARY = "secretary"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def votes_by_default(self) -> bool:
        """Advisers, officers in attendance and the secretary attend without a vote."""
        return self not in (MemberRole.ADVISER, MemberRole.OFFICER, MemberRole.SECRETARY)
