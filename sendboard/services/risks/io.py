"""Risk register spreadsheets: import with a preview, export of the register and mitigation plan.

One place for the window and the command line to call; the work lives in `risks_import` and
`risks_export`.
"""

from __future__ import annotations

from sendboard.services.risks.export import (
    PLAN_HEADER,
    REGISTER_HEADER,
    export_mitigation_plan,
    export_register,
)
from sendboard.services.risks.importing import ALIASES, import_risks, preview_import

__all__ = [
    "ALIASES",
    "PLAN_HEADER",
    "REGISTER_HEADER",
    "export_mitigation_plan",
    "export_register",
    "import_risks",
    "preview_import",
]
