"""Bundled files resolve from the source tree, and from a frozen bundle's folder when frozen."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from alembic.util.exc import CommandError

from sendboard import resources
from sendboard.services.common.workspace import open_database
from sendboard.store.database import alembic_config, head_revision

SOURCE_ROOT = Path(__file__).resolve().parents[2]


def _bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bundle = tmp_path / "_internal"
    bundle.mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    return bundle


def test_from_source_the_repository_holds_the_files() -> None:
    assert getattr(sys, "_MEIPASS", None) is None
    assert resources.bundle_root() == SOURCE_ROOT
    assert resources.resource("fonts/DejaVuSans.ttf").is_file()
    assert (resources.migrations_dir() / "env.py").is_file()


def test_frozen_the_bundle_folder_holds_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _bundle(tmp_path, monkeypatch)
    icon = bundle / "resources" / "icons" / "sendboard.png"
    icon.parent.mkdir(parents=True)
    icon.write_bytes(b"png")
    assert resources.resource("icons/sendboard.png") == icon
    assert resources.migrations_dir() == bundle / "sendboard" / "store" / "migrations"
    with pytest.raises(FileNotFoundError, match=r"resources/fonts/DejaVuSans\.ttf"):
        resources.resource("fonts/DejaVuSans.ttf")


def test_a_database_opens_with_migrations_from_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _bundle(tmp_path, monkeypatch)
    shipped = bundle / "sendboard" / "store" / "migrations"
    shutil.copytree(
        SOURCE_ROOT / "sendboard" / "store" / "migrations",
        shipped,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    assert alembic_config().get_main_option("script_location") == str(shipped)
    database = open_database(tmp_path / "frozen.db")
    try:
        assert database.revision() == head_revision()
    finally:
        database.close()


def test_without_shipped_migrations_nothing_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bundle(tmp_path, monkeypatch)
    with pytest.raises(CommandError):
        open_database(tmp_path / "frozen.db")


def test_user_guide_ships_with_its_pictures() -> None:
    guide = resources.user_guide()
    text = guide.read_text(encoding="utf-8")
    pictures = re.findall(r"\]\((images/[^)]+)\)", text)
    assert pictures and all((guide.parent / p).is_file() for p in pictures)
    spec = (SOURCE_ROOT / "packaging" / "sendboard.spec").read_text(encoding="utf-8")
    assert 'tree(ROOT / "docs", "docs")' in spec


def test_frozen_the_user_guide_is_found_in_the_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _bundle(tmp_path, monkeypatch)
    with pytest.raises(FileNotFoundError, match=r"docs/user-guide\.md"):
        resources.user_guide()
    guide = bundle / "docs" / "user-guide.md"
    guide.parent.mkdir()
    guide.write_text("# Guide", encoding="utf-8")
    assert resources.user_guide() == guide
