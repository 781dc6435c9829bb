"""Minutes as a document to print: the confidential copy, or the public copy that leaves out every
exempt item's content, written to .docx or .pdf (and given to the next meeting's pack)."""

from __future__ import annotations

from pathlib import Path

from sendboard.domain.meetings import StandingItem
from sendboard.domain.wording import prose_date
from sendboard.errors import SendboardError
from sendboard.outputs.minutes.content import (
    ActionLine,
    MinuteItem,
    MinutesDocument,
    Person,
)
from sendboard.services.minutes.read import get_minutes
from sendboard.services.minutes.views import (
    AttendeeView,
    DeclarationView,
    ErratumView,
    MinutesView,
    PreviousMinutes,
    SectionView,
)
from sendboard.services.settings import get_settings
from sendboard.store.database import Database


def _person(a: AttendeeView) -> Person:
    return Person(a.name, a.organisation, a.role, a.substitute_for)


def declaration_line(d: DeclarationView) -> str:
    line = f"{d.name} declared an interest: {d.text}"
    return line + (f"; {d.participation}." if d.participation else ".")


def erratum_line(e: ErratumView) -> str:
    by = f" by {e.recorded_by}" if e.recorded_by else ""
    return f"{e.text} (recorded {e.recorded_at:%d/%m/%Y}{by})"


def previous_line(previous: PreviousMinutes | None) -> str:
    """What the meeting did with its previous minutes, as the minutes say it."""
    if previous is None:
        return ""
    held = f"the meeting held on {prose_date(previous.meeting_date)}"
    if previous.approved_here:
        line = f"The minutes of {held} were agreed as a true record"
        if previous.amendments:
            return f"{line}, with the following amendments: {previous.amendments}"
        return f"{line}."
    if previous.status is None:
        return f"No minutes of {held} were presented."
    return (
        f"The minutes of {held} were not approved at this meeting "
        f"({previous.status.label.lower()})."
    )


def previous_text(view: MinutesView) -> str:
    """What the meeting did with each set of minutes brought to it, one sentence for each."""
    return " ".join(previous_line(p) for p in view.previous_minutes)


def status_line(view: MinutesView) -> str:
    """Where the minutes stand: "Approved at the meeting of 11 November 2026." or "Draft: …"."""
    if view.locked:
        at = view.approved_at_date
        line = f"Approved at the meeting of {prose_date(at)}" if at else "Approved"
        if view.approved_on and view.approved_on != at:
            line += f" (recorded on {prose_date(view.approved_on)})"
        amended = ", with amendments" if view.amendments else ""
        return f"{line}{amended}."
    return f"{view.status.label}: not yet approved."


def _item(view: MinutesView, section: SectionView, public: bool) -> MinuteItem:
    if public and section.exempt:
        return MinuteItem(number=section.number, title="", exempt=True, withheld=True)
    standing = section.standing
    return MinuteItem(
        number=section.number,
        title=section.title,
        exempt=section.exempt,
        text=section.text,
        previous=previous_text(view) if standing is StandingItem.PREVIOUS_MINUTES else "",
        matters_arising=view.matters_arising if standing is StandingItem.PREVIOUS_MINUTES else "",
        declarations=tuple(declaration_line(d) for d in section.declarations),
        decisions=tuple((d.reference, d.text) for d in section.decisions),
        actions=tuple(
            ActionLine(
                a.reference,
                a.title,
                a.owner,
                f"{a.due:%d/%m/%Y}" if a.due else "",
                a.priority_area,
            )
            for a in section.actions
        ),
        errata=tuple(erratum_line(e) for e in section.errata),
    )


def document(
    view: MinutesView, *, public: bool, author: str = "", classification: str = "OFFICIAL"
) -> MinutesDocument:
    starts = view.starts_at
    when = f"{starts:%A} {starts.day} {starts:%B %Y}, {starts:%H:%M}–{view.ends_at:%H:%M}"
    items = tuple(_item(view, s, public) for s in view.sections)
    has_previous = any(s.standing is StandingItem.PREVIOUS_MINUTES for s in view.sections)
    if view.matters_arising and not has_previous:
        items = (MinuteItem(number=0, title="Matters arising", text=view.matters_arising), *items)
    attendance = view.attendance
    return MinutesDocument(
        board=view.board_name,
        title=f"Minutes of the {view.board_name}",
        when=when,
        venue=view.venue,
        status=status_line(view),
        author=author,
        classification=classification,
        public=public,
        present=tuple(_person(a) for a in attendance.present),
        apologies=tuple(_person(a) for a in attendance.apologies),
        substitutes=tuple(_person(a) for a in attendance.substitutes),
        in_attendance=tuple(_person(a) for a in attendance.in_attendance),
        quorum=attendance.quorum_text,
        items=items,
        declarations=tuple(declaration_line(d) for d in view.general_declarations),
        errata=tuple(erratum_line(e) for e in view.general_errata),
    )


def minutes_document(db: Database, meeting_id: int, *, public: bool = False) -> MinutesDocument:
    settings = get_settings(db)
    return document(
        get_minutes(db, meeting_id),
        public=public,
        author=settings.secretary_name,
        classification=settings.classification or "OFFICIAL",
    )


def export_minutes(db: Database, meeting_id: int, out: Path, *, public: bool = False) -> Path:
    """Write the minutes to `out`: .docx (Word) or .pdf."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise SendboardError(f"Cannot write {out.name}: give a file name ending .docx or .pdf.")
    content = minutes_document(db, meeting_id, public=public)
    if suffix == ".docx":
        from sendboard.outputs.minutes.word import write_docx

        return write_docx(content, out)
    from sendboard.outputs.minutes.pdf import write_pdf

    return write_pdf(content, out)


def minutes_pdf(db: Database, meeting_id: int, *, public: bool = False) -> bytes:
    from sendboard.outputs.minutes.pdf import render_pdf

    return render_pdf(minutes_document(db, meeting_id, public=public))
