"""What the risk register page reads in the background: the register (now, or as at a day),
the scoring matrix and the form's choices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sendboard.domain.risk import Matrix
from sendboard.services import risks
from sendboard.services.risks import scales as risk_scales
from sendboard.services.risks.choices import RiskChoices, load_choices
from sendboard.services.risks.views import RiskView
from ui.context import AppContext


@dataclass(frozen=True)
class RegisterData:
    views: list[RiskView]
    matrix: Matrix
    choices: RiskChoices


def load_register(ctx: AppContext, as_at: date | None) -> RegisterData:
    views = risks.list_risks(ctx.db) if as_at is None else risks.register_as_at(ctx.db, as_at)
    return RegisterData(views, risk_scales.get_matrix(ctx.db), load_choices(ctx.db))
