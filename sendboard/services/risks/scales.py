"""The board's scoring bands and risk appetite per category: configurable, with council defaults."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sendboard.domain import validation
from sendboard.domain.risk import (
    DEFAULT_APPETITES,
    DEFAULT_BANDS,
    MAX_SCORE,
    Appetite,
    Band,
    Matrix,
    check_bands,
)
from sendboard.errors import ValidationError
from sendboard.services.common.changes import Area, Outcome, outcome
from sendboard.services.common.settings_rows import write_settings
from sendboard.store.database import Database
from sendboard.store.models import Risk, RiskAppetite, Setting

BANDS_KEY = "risk_bands"


@dataclass(frozen=True)
class AppetiteView:
    category: str
    level: Appetite
    highest_score: int
    stored: bool  # False: the built-in default for a common category


def matrix_in(session: Session) -> Matrix:
    """The scoring matrix with the board's own bands, or the default ones."""
    setting = session.get(Setting, BANDS_KEY)
    if setting is None or not setting.value:
        return Matrix(DEFAULT_BANDS)
    try:
        bands = tuple(Band(**b) for b in json.loads(setting.value))
        return Matrix(check_bands(bands))
    except (ValueError, TypeError, ValidationError):
        return Matrix(DEFAULT_BANDS)  # a damaged setting never stops the register showing


def get_matrix(db: Database) -> Matrix:
    with db.read() as session:
        return matrix_in(session)


def save_bands(db: Database, bands: list[Band] | tuple[Band, ...]) -> Outcome[Matrix]:
    checked = check_bands(bands)
    with db.write() as session:
        write_settings(session, {BANDS_KEY: json.dumps([asdict(b) for b in checked])})
    return outcome(Matrix(checked), Area.RISKS, Area.SETTINGS)


def reset_bands(db: Database) -> Outcome[Matrix]:
    return save_bands(db, DEFAULT_BANDS)


def appetites_in(session: Session) -> dict[str, AppetiteView]:
    """Appetite per category (lower-cased key): stored rows over the built-in defaults."""
    found = {
        name.lower(): AppetiteView(name, level, level.default_score, stored=False)
        for name, level in DEFAULT_APPETITES.items()
    }
    for row in session.scalars(select(RiskAppetite)):
        found[row.category.lower()] = AppetiteView(
            row.category, row.level, row.highest_score, stored=True
        )
    return found


def list_appetites(db: Database) -> list[AppetiteView]:
    """Every category with an appetite, and every category a risk uses (default: cautious)."""
    with db.read() as session:
        found = appetites_in(session)
        used = session.scalars(select(Risk.category).distinct()).all()
    for name in used:
        if name and name.lower() not in found:
            level = Appetite.CAUTIOUS
            found[name.lower()] = AppetiteView(name, level, level.default_score, stored=False)
    return sorted(found.values(), key=lambda a: a.category.lower())


def set_appetite(
    db: Database, category: str, level: Appetite, highest_score: int | None = None
) -> Outcome[AppetiteView]:
    """Set a category's appetite; the highest acceptable score defaults to the level's."""
    name = validation.required(category, "Category", "category")
    score = level.default_score if highest_score is None else highest_score
    if not 1 <= score <= MAX_SCORE:
        raise ValidationError(f"The highest acceptable score must be 1 to {MAX_SCORE}.", "score")
    with db.write() as session:
        row = session.scalar(
            select(RiskAppetite).where(func.lower(RiskAppetite.category) == name.lower())
        )
        if row is None:
            row = RiskAppetite(category=name)
            session.add(row)
        row.level = level
        row.highest_score = score
        return outcome(AppetiteView(name, level, score, stored=True), Area.RISKS)
