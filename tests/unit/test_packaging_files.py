"""The installer and desktop files point at what the build really produces."""

from __future__ import annotations

import configparser
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def test_desktop_entry_runs_the_sendboard_command_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "sendboard.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] in scripts
    assert (ROOT / "resources" / "icons" / f"{desktop['Icon']}.png").is_file()
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")


def test_windows_installer_is_per_user_and_ships_the_built_folder() -> None:
    script = (PACKAGING / "windows" / "sendboard.iss").read_text("utf-8")
    settings = dict(re.findall(r"^(\w+)=(.*)$", script, flags=re.MULTILINE))
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"] == r"{localappdata}\Programs\sendboard"
    assert (ROOT / settings["SetupIconFile"].replace("\\", "/")).is_file()
    assert r'Source: "dist\sendboard\*"' in script
    assert r'Filename: "{app}\sendboard.exe"' in script
    assert "{userprograms}" in script


def test_build_script_is_executable_and_runs_the_smoke_test() -> None:
    build = PACKAGING / "build.sh"
    assert build.stat().st_mode & 0o111
    text = build.read_text("utf-8")
    assert "--self-test" in text
    assert "packaging/sendboard.spec" in text


def test_ci_moves_the_clock_a_year_on_to_a_leap_day_or_clock_change() -> None:
    import importlib.util
    from datetime import date

    spec = importlib.util.spec_from_file_location("moved_day", PACKAGING / "moved_day.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.last_sunday(2027, 3) == date(2027, 3, 28)
    assert module.last_sunday(2027, 10) == date(2027, 10, 31)
    assert module.moved_day(date(2026, 12, 6)) == date(2028, 2, 29)
    assert module.moved_day(date(2028, 6, 1)) == date(2029, 10, 28)
    assert module.moved_day(date(2099, 3, 1)) == date(2100, 3, 28)  # 2100 has no 29 February
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert 'faketime -f "@${moved} 10:00:00" .venv/bin/python -m pytest' in ci


def test_the_bundle_keeps_what_the_server_driver_and_word_files_load() -> None:
    """psycopg will not load without Python's ssl module, nor python-docx without lxml.etree."""
    import ast

    spec = ast.parse((PACKAGING / "sendboard.spec").read_text("utf-8"))
    excludes = next(
        node.value
        for node in spec.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "excludes"
    )
    left_out = {n.value for n in ast.walk(excludes) if isinstance(n, ast.Constant)}
    assert left_out.isdisjoint({"ssl", "_ssl", "_hashlib", "lxml", "lxml.etree", "psycopg", "docx"})
