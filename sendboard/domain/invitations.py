"""Who is invited, how they replied, whether they came, and whether the meeting was quorate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sendboard.domain.wording import counted


class InvitationKind(StrEnum):
    MEMBER = "member"
    REQUIRED_ROLE = "required_role"  # holds a statutory role the board must invite
    GUEST = "guest"
    SUBSTITUTE = "substitute"

    @property
    def label(self) -> str:
        return {"required_role": "Required role"}.get(self.value, self.value.capitalize())


class Response(StrEnum):
    NO_REPLY = "no_reply"
    ACCEPTED = "accepted"
    TENTATIVE = "tentative"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return {"no_reply": "No reply"}.get(self.value, self.value.capitalize())


class Attendance(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"  # attended as substitute for someone
    IN_ATTENDANCE = "in_attendance"  # advisers and officers: there, but not members

    @property
    def label(self) -> str:
        return {"in_attendance": "In attendance", "substitute": "Substitute (attended)"}.get(
            self.value, self.value.capitalize()
        )


@dataclass(frozen=True)
class QuorumStatus:
    required: int
    counted: int

    @property
    def met(self) -> bool:
        return self.counted >= self.required

    @property
    def text(self) -> str:
        if self.required == 0:
            present = counted(self.counted, "voting member")
            return f"No quorum is set for this board ({present} present)."
        verdict = "Quorate" if self.met else "Not quorate"
        return (
            f"{verdict}: {self.counted} of {counted(self.required, 'voting member')} present or "
            "substituted."
        )


def quorum(required: int, attendees: Iterable[tuple[bool, Attendance | None]]) -> QuorumStatus:
    """Count voting members present, and substitutes attending for voting members.

    `attendees` are (counts as voting, attendance); a substitute row carries the voting flag of
    the member it stands in for. Advisers "in attendance" never count.
    """
    counted = sum(
        1
        for voting, attendance in attendees
        if voting and attendance in (Attendance.PRESENT, Attendance.SUBSTITUTE)
    )
    return QuorumStatus(required=required, counted=counted)
