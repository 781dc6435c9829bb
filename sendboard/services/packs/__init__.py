"""Building and keeping meeting packs: the use cases the window and the command line share.

The area owns pack builds: what goes in (`data`, `sections`), issue numbers (`sequence`) and
emailing an issued pack (`mail`). The window and the command line may call this module and
`mail`; the rest serves the pack builder."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard import paths
from sendboard.domain.wording import counted
from sendboard.errors import NotFoundError, SendboardError
from sendboard.progress import CancelToken, Progress, no_progress
from sendboard.services import meetings
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.records import load
from sendboard.services.meetings.agenda import get_agenda
from sendboard.services.packs.data import gather
from sendboard.services.packs.sequence import (
    current_run,
    in_issue_order,
    kind_word,
    plan_supplement,
)
from sendboard.store.base import utcnow
from sendboard.store.database import Database
from sendboard.store.files import store_bytes
from sendboard.store.models import Meeting, PackBuild, StoredFile

if TYPE_CHECKING:
    from sendboard.outputs.pack.build import BuiltPack

# The PDF writer (reportlab, pypdf, Pillow) is imported when a pack is made: this module is
# loaded at startup, by the window and the command line.

#: Above this, many council mail systems refuse the message; the user is warned first.
EMAIL_WARNING_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class PackBuildView:
    id: int
    meeting_id: int
    built_at: datetime
    public: bool
    supplement: bool
    version: int
    pages: int
    sha256: str
    path: str
    size: int
    first_page: int = 1
    follows_id: int | None = None

    @property
    def kind_label(self) -> str:
        kind = "Public" if self.public else "Confidential"
        return f"{kind} supplement {self.version}" if self.supplement else f"{kind} pack"

    @property
    def last_page(self) -> int:
        return self.first_page + self.pages - 1

    @property
    def page_range(self) -> str:
        """The numbers printed on its pages: "1–34", or "35–38" for a supplement after it."""
        return f"{self.first_page}–{self.last_page}" if self.pages > 1 else str(self.first_page)

    @property
    def short_sha(self) -> str:
        return self.sha256[:12]


def _load_build(session: Session, build_id: int) -> PackBuild:
    return load(session, PackBuild, build_id, f"Pack {build_id} is no longer recorded.")


def _view(build: PackBuild) -> PackBuildView:
    return PackBuildView(
        id=build.id,
        meeting_id=build.meeting_id,
        built_at=build.built_at,
        public=build.public,
        supplement=build.supplement,
        version=build.version,
        pages=build.pages,
        sha256=build.sha256,
        path=build.path,
        size=build.file.size if build.file else 0,
        first_page=build.first_page,
        follows_id=build.follows_id,
    )


def find_meeting(db: Database, which: str) -> int:
    """`next` (the next meeting still to be held, of any board) or a meeting id."""
    if which.strip().lower() == "next":
        upcoming = meetings.next_meeting(db)
        if upcoming is None:
            raise NotFoundError("There is no upcoming meeting. Give a meeting id instead.")
        return upcoming.id
    with db.read() as session:
        try:
            meeting_id = int(which)
        except ValueError:
            raise NotFoundError(f"'{which}' is not a meeting id; use a number or next.") from None
        load(session, Meeting, meeting_id, f"There is no meeting {meeting_id}.")
        return meeting_id


def suggested_name(db: Database, meeting_id: int, *, public: bool, supplement: bool) -> str:
    """A file name a secretary recognises: board, date and kind, safe on every system. Each
    supplement gets its own number, so saving the second does not replace the first."""
    with db.read() as session:
        meeting = load(session, Meeting, meeting_id, f"Meeting {meeting_id} no longer exists.")
        board = meeting.board.name
        day = f"{meeting.starts_at:%Y-%m-%d}"
        run = current_run(session, meeting_id, public) if supplement else []
    kind = ("public " if public else "") + (f"supplement {len(run)}" if run else "pack")
    name = re.sub(r"[^\w\- ]+", "", f"{board} {day} {kind}").strip()
    return re.sub(r"\s+", " ", name) + ".pdf"


@dataclass(frozen=True)
class SupplementCheck:
    """What the next supplement would be, for the window to say before asking for a file."""

    number: int
    first_page: int
    follows: str  # "confidential pack version 1, pages 1–34"


def check_supplement(db: Database, meeting_id: int, *, public: bool) -> SupplementCheck:
    """Raise the same clear error the build would (no pack issued yet) before any work."""
    with db.read() as session:
        plan = plan_supplement(session, meeting_id, public)
    last = plan.earlier[-1]
    follows = f"{kind_word(public)} {last.label.lower()}, {last.page_range}"
    return SupplementCheck(plan.number, plan.first_page, follows)


@dataclass(frozen=True)
class MadePack:
    """A pack written to disk but not yet recorded as issued."""

    meeting_id: int
    public: bool
    supplement: bool
    version: int
    built: BuiltPack
    #: When its papers were read: papers attached later belong to the next supplement.
    gathered_at: datetime
    first_page: int = 1
    follows_id: int | None = None
    #: Numbers of the exempt items a public pack shows only as "not for publication" notices.
    withheld: tuple[str, ...] = ()
    #: Minutes the agenda runs past the meeting's end when the pack was made (0 if it fits).
    overrun: int = 0

    @property
    def overrun_note(self) -> str:
        """A warning when the pack goes out with an agenda longer than the meeting; else ""."""
        if not self.overrun:
            return ""
        return (
            f"⚠ The agenda runs {counted(self.overrun, 'minute')} over the meeting's time: "
            "shorten the items' timings or the agenda, and issue the pack again."
        )

    @property
    def withheld_note(self) -> str:
        """What to tell the secretary about exempt items in a public pack; empty otherwise."""
        if not self.withheld:
            return ""
        numbers = self.withheld
        named = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
        which = f"Item {named} is" if len(numbers) == 1 else f"Items {named} are"
        if self.supplement:
            return (
                f"{which} exempt: a 'not for publication' notice stands in for the late papers, "
                "which go only in the confidential pack or its supplement."
            )
        return f"{which} exempt: a 'not for publication' notice stands in for each."


def make_pack(
    db: Database,
    meeting_id: int,
    out: Path,
    *,
    public: bool = False,
    supplement: bool = False,
    progress: Progress = no_progress,
    token: CancelToken | None = None,
) -> MadePack:
    """Read the data and write the PDF; reads only, so it may run beside other work."""
    from sendboard.outputs.pack.build import write_pack

    gathered_at = utcnow()
    plan = None
    if supplement:
        with db.read() as session:
            plan = plan_supplement(session, meeting_id, public)
    content = gather(db, meeting_id, public=public, supplement=supplement, plan=plan)
    overrun = get_agenda(db, meeting_id).overrun
    built = write_pack(content, Path(out), progress, token)
    return MadePack(
        meeting_id,
        public,
        supplement,
        content.version,
        built,
        gathered_at=gathered_at,
        first_page=content.first_page,
        follows_id=plan.follows_id if plan else None,
        withheld=tuple(item.number for item in content.items if public and item.exempt),
        overrun=overrun,
    )


def record_pack(db: Database, made: MadePack) -> Outcome[PackBuildView]:
    """Record a made pack as issued, keeping a copy of its bytes in the database. A supplement
    is refused if another pack of its run was issued meanwhile: its page numbers would clash."""
    with db.write() as session:
        if made.supplement:
            run = current_run(session, made.meeting_id, made.public)
            if not run or run[-1].id != made.follows_id:
                raise SendboardError(
                    "Another pack for this meeting was issued while this supplement was being "
                    "built, so its page numbers no longer follow on. Build the supplement again."
                )
        stored = store_bytes(session, made.built.data, "application/pdf")
        record = PackBuild(
            meeting_id=made.meeting_id,
            built_at=made.gathered_at,
            public=made.public,
            supplement=made.supplement,
            version=made.version,
            pages=made.built.pages,
            first_page=made.first_page,
            follows_id=made.follows_id,
            sha256=made.built.sha256,
            path=str(made.built.path.resolve()),
            file=stored,
        )
        session.add(record)
        session.flush()
        view = _view(record)
    return outcome(view, Area.PACKS)


def build_pack(
    db: Database,
    meeting_id: int,
    out: Path,
    *,
    public: bool = False,
    supplement: bool = False,
    progress: Progress = no_progress,
    token: CancelToken | None = None,
) -> Outcome[PackBuildView]:
    """Make the pack and record it: the whole job, for the command line and scripts."""
    made = make_pack(
        db,
        meeting_id,
        out,
        public=public,
        supplement=supplement,
        progress=progress,
        token=token,
    )
    return record_pack(db, made)


def list_packs(db: Database, meeting_id: int) -> list[PackBuildView]:
    """Issued packs of a meeting in issue order, each main pack followed by its supplements,
    so a supplement is always seen beside the pack whose page numbers it continues."""
    with db.read() as session:
        builds = session.scalars(select(PackBuild).where(PackBuild.meeting_id == meeting_id)).all()
        return [_view(b) for b in in_issue_order(builds)]


def get_pack(db: Database, build_id: int) -> PackBuildView:
    with db.read() as session:
        return _view(_load_build(session, build_id))


def pack_file(db: Database, build_id: int) -> Path:
    """The issued file: where it was saved if it is still the same, else the kept copy."""
    with db.read() as session:
        build = _load_build(session, build_id)
        path = Path(build.path)
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == build.sha256:
            return path
        stored = session.get(StoredFile, build.file_id) if build.file_id else None
        if stored is None:
            raise SendboardError(
                f"The pack saved as {path} has been moved or changed, and no copy was kept. "
                "Build the pack again."
            )
        restored = paths.data_dir() / "packs" / f"{build.sha256[:12]}-{path.name}"
        restored.parent.mkdir(parents=True, exist_ok=True)
        restored.write_bytes(stored.content)
        return restored
