"""Escalations waiting for a board's response, as Home lists them: one line per board, linked to
the meeting whose agenda carries them."""

from __future__ import annotations

from html import escape

from sendboard.domain.wording import counted
from sendboard.services.escalations import AwaitingBoard


def escalations_html(boards: list[AwaitingBoard]) -> str:
    """'Escalations awaiting a response' and a line per board; empty when there are none."""
    if not boards:
        return ""
    lines = ["<b>Escalations awaiting a response</b>"]
    for board in boards:
        name = escape(board.board)
        if board.next_meeting_id is not None:
            name = f"<a href='meetings:meeting:{board.next_meeting_id}'>{name}</a>"
        waited = counted(board.oldest_days, "day").replace(" ", "&nbsp;")
        lines.append(
            f"{name} <span style='color:#555'>· {counted(board.count, 'escalation')}, "
            f"the oldest raised {waited} ago</span>"
        )
    return "<br>".join(lines)
