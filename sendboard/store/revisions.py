"""The migration history, read from the revision files without importing Alembic.

Opening a database that is already up to date is the common case, and it only needs to know the
head revision and which revisions exist. Importing Alembic (with every SQL dialect it supports)
costs more than the rest of startup, so it is imported only when there is work for it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_ASSIGNMENT = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class History:
    revisions: frozenset[str]
    head: str


@cache
def read_history(script_folder: Path) -> History | None:
    """The revisions and single head found in `versions/`, or None when that is not clear-cut
    (several heads, or a file that does not state its revisions plainly): Alembic decides then.
    """
    parents: dict[str, tuple[str, ...]] = {}
    for path in sorted((script_folder / "versions").glob("*.py")):
        found = dict(_ASSIGNMENT.findall(path.read_text(encoding="utf-8")))
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found["down_revision"])
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str):
            return None
        parents[revision] = (down,) if isinstance(down, str) else tuple(down or ())
    children = {parent for downs in parents.values() for parent in downs}
    heads = [revision for revision in parents if revision not in children]
    if len(heads) != 1 or not children <= parents.keys():
        return None
    return History(revisions=frozenset(parents), head=heads[0])
