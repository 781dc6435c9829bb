"""A lighter version of the check PySide runs on every module imported after it.

Once PySide6.QtCore is loaded, each newly imported module is passed to PySide's
`shibokensupport.feature._mod_uses_pyside` (for its opt-in `from __feature__ import ...`), which
reads the module's whole source through `inspect.getsource`, keeping every line in `linecache`,
only to look for the word "PySide6". The window is shown before SQLAlchemy, the store and the
pages are imported, so their ~400 modules all pay for it: about 40 ms before Home has its
figures, and the sources held in memory for good. The same test made on the file's bytes costs
a quarter of that. A module without a readable source file keeps PySide's own check, and
nothing is changed if PySide names the hook differently.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs PySide's import hook and its feature module)

_FEATURE_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"


def lighten() -> bool:
    """Put the lighter check in place (once); whether PySide's hook was found."""
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _HOOK, None)
    if not callable(original):
        return False
    if getattr(original, "__wrapped__", None) is None:
        setattr(feature, _HOOK, _lighter(original))
    return True


def _lighter(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside
