"""The house rules: the core never loads Qt; the front end never touches the store; each module
imports only from its own layer or below; pages never reach into other pages; and no file in an
area package repeats the area in its name."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_and_services_load_no_qt(tmp_path: Path) -> None:
    script = f"""
import sys, pkgutil, importlib
import sendboard, sendboard.cli
for info in pkgutil.walk_packages(sendboard.__path__, 'sendboard.'):
    if '.migrations' not in info.name and not info.name.endswith('__main__'):
        importlib.import_module(info.name)
from sendboard.services.common.workspace import open_database
from sendboard.demo import build_demo
from sendboard.services import boards
db = open_database({str(tmp_path / "x.db")!r})
build_demo(db)
boards.list_boards(db)
qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui')))
assert not qt, qt
"""
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_ui_never_imports_the_store() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            n for n in _imports(path) if n.startswith("sendboard.store")
        )
        for path in (ROOT / "ui").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_core_never_imports_qt_or_ui() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            n for n in _imports(path) if n.split(".")[0] in ("PySide6", "shiboken6", "ui")
        )
        for path in (ROOT / "sendboard").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


CLOCK_READS = ("date.today", "datetime.now", "datetime.utcnow", "time.time", "currentDate")


def test_only_the_clock_reads_the_system_clock() -> None:
    """Today and now come from sendboard.clock, so tests and `demo --today` can move them."""
    offenders = []
    for path in [*(ROOT / "sendboard").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        if path == ROOT / "sendboard" / "clock.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and ast.unparse(node).endswith(CLOCK_READS):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []


# Lowest first. The small shared ground (clock, paths, errors, progress, resources) sits with
# the domain; the demo builder works through the services, so it sits with them.
LAYERS: list[tuple[str, ...]] = [
    (
        "sendboard.domain",
        "sendboard.clock",
        "sendboard.paths",
        "sendboard.errors",
        "sendboard.progress",
        "sendboard.resources",
        "sendboard",
    ),
    ("sendboard.store",),
    ("sendboard.outputs", "sendboard.mail"),
    ("sendboard.services", "sendboard.demo"),
    ("sendboard.cli", "sendboard.__main__", "ui"),
]
#: Every page package the window's registry (ui/pages.py) loads, read from it so none is missed.
PAGES = tuple(
    sorted(set(re.findall(r'"ui\.(\w+)\.page"', (ROOT / "ui" / "pages.py").read_text("utf-8"))))
)


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layer(name: str) -> int | None:
    """The layer of a first-party module (the longest matching prefix), or None."""
    best: tuple[int, int] | None = None
    for level, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if _within(name, prefix) and (best is None or len(prefix) > best[1]):
                best = (level, len(prefix))
    return best[0] if best else None


def _imported_names(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return found


def _code() -> list[Path]:
    skip = ROOT / "sendboard" / "store" / "migrations"
    return [
        p
        for p in [*(ROOT / "sendboard").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
        if skip not in p.parents
    ]


def layer_violations(modules: dict[str, Path]) -> list[str]:
    """`module:line imports name` for each import of a higher layer than the module's own."""
    offenders = []
    for module, path in modules.items():
        own = layer(module)
        for line, name in _imported_names(path):
            other = layer(name)
            if own is not None and other is not None and other > own:
                offenders.append(f"{module}:{line} imports {name}")
    return offenders


def test_layers_are_ordered_lowest_first() -> None:
    assert layer("sendboard.domain.brag") == 0
    assert layer("sendboard.clock") == 0
    assert layer("sendboard.store.models") == 1
    assert layer("sendboard.outputs.calendar") == layer("sendboard.mail.draft") == 2
    assert layer("sendboard.services.risks.views") == 3
    assert layer("sendboard.cli.risks") == layer("ui.risks.page") == 4
    assert layer("PySide6.QtCore") is None


def test_no_module_imports_from_a_higher_layer() -> None:
    assert layer_violations({_module(path): path for path in _code()}) == []


def test_the_layer_check_catches_a_lower_layer_looking_up(tmp_path: Path) -> None:
    # A real outputs module, and a copy of it that also reaches up into the services.
    path = ROOT / "sendboard" / "outputs" / "calendar.py"
    text = path.read_text(encoding="utf-8") + "\nfrom sendboard.services.mail import hand_offs\n"
    probe = tmp_path / "calendar.py"
    probe.write_text(text, encoding="utf-8")
    assert layer_violations({"sendboard.outputs.calendar": path}) == []
    assert layer_violations({"sendboard.outputs.calendar": probe}) == [
        f"sendboard.outputs.calendar:{len(text.splitlines())} imports "
        "sendboard.services.mail.hand_offs"
    ]


def _page_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "ui" and parts[1] in PAGES else None


def test_pages_never_import_other_pages_and_common_code_imports_none() -> None:
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        module = _module(path)
        own = _page_of(module)
        shared = _within(module, "ui.common")
        for line, name in _imported_names(path):
            other = _page_of(name)
            if other and (shared or (own and other != own)):
                offenders.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert offenders == []


def _areas() -> list[Path]:
    folders = [ROOT / "sendboard" / "services", ROOT / "ui"]
    return [p for folder in folders for p in folder.iterdir() if (p / "__init__.py").is_file()]


#: Areas whose singular is not the name without its final "s".
SINGULAR = {"people": "person"}


def test_files_in_an_area_package_do_not_repeat_the_area_in_their_name() -> None:
    offenders = []
    for package in _areas():
        names = (package.name, SINGULAR.get(package.name, package.name.removesuffix("s")))
        for path in package.rglob("*.py"):
            if path.stem in names or path.stem.startswith(tuple(f"{n}_" for n in names)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_flat_folders_are_gone_and_every_area_says_what_it_owns() -> None:
    services = ROOT / "sendboard" / "services"
    assert sorted(p.name for p in services.glob("*.py")) == ["__init__.py"]
    assert not any((ROOT / "ui" / name).exists() for name in ("widgets", "dialogs", "models"))
    for package in _areas():
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text("utf-8")))
        assert doc and len(doc) > 40, f"{package.relative_to(ROOT)} needs a docstring"


def import_cycles(modules: dict[str, Path]) -> list[list[str]]:
    """Each circle of imports among `modules`, type-only and deferred imports included."""
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets = set()
        for _, name in _imported_names(path):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module and not _within(module, name):
                targets.add(name)
        graph[module] = targets
    cycles: list[list[str]] = []
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            cycles.append(trail[trail.index(node) :])
        elif node not in done:
            for target in sorted(graph[node]):
                visit(target, [*trail, node])
            done.add(node)

    for start in sorted(graph):
        visit(start, [])
    return cycles


def test_the_window_code_has_no_import_circles() -> None:
    """A page's helpers take what they need as arguments (or a Protocol) instead of the page."""
    ui = {_module(path): path for path in (ROOT / "ui").rglob("*.py")}
    assert import_cycles(ui) == []


def test_the_circle_check_catches_a_helper_importing_its_page(tmp_path: Path) -> None:
    page, helper = tmp_path / "page.py", tmp_path / "sheets.py"
    page.write_text("from ui.x.sheets import run\n", encoding="utf-8")
    helper.write_text("if TYPE_CHECKING:\n    from ui.x.page import Page\n", encoding="utf-8")
    assert import_cycles({"ui.x.page": page, "ui.x.sheets": helper}) == [
        ["ui.x.page", "ui.x.sheets"]
    ]
