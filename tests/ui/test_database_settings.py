"""Settings → Database in the window, the window following the choice at startup, an
unreachable server at startup, and the banner for a file on a network share."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import keyring
import pytest
from sqlalchemy.engine import URL

from PySide6.QtWidgets import QMessageBox, QToolBar

import ui.app
from sendboard import paths
from sendboard.services import people
from sendboard.services.common.workspace import Database, open_database
from sendboard.services.settings import connection
from sendboard.services.settings.connection import SHARED_SERVER, Connection
from tests import pg_server
from tests.store.test_connection_settings import MemoryKeyring
from ui.app import make_context
from ui.database import share_banner, unreachable
from ui.main_window import MainWindow
from ui.settings.database import DatabaseSettings


@pytest.fixture
def ring():  # type: ignore[no-untyped-def]
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(before)


@pytest.fixture
def settings(qtbot, db: Database):  # type: ignore[no-untyped-def]
    ctx = make_context(db)
    widget = DatabaseSettings(ctx)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    ctx.tasks.wait()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fill(widget: DatabaseSettings, host: str, port: int, database: str, user: str) -> None:
    widget.shared.setChecked(True)
    widget.host.setText(host)
    widget.port.setValue(port)
    widget.database.setText(database)
    widget.user.setText(user)


def test_a_shared_server_is_saved_with_its_password_in_the_keyring_only(
    settings: DatabaseSettings, ring: MemoryKeyring, sendboard_home: Path
) -> None:
    assert settings.this_computer.isChecked() and not settings.host.isEnabled()
    _fill(settings, "db.kingsmere.example", 5433, "secretariat", "priya")
    assert settings.host.isEnabled() and settings.tls.isChecked()  # TLS required by default
    settings.password.setText("s3cret-Pa55")
    settings.save_button.click()
    assert settings.result.text() == (
        "Saved. sendboard opens secretariat on db.kingsmere.example:5433 from its next start."
    )
    assert settings.password.text() == ""
    saved = paths.config_file().read_text(encoding="utf-8")
    assert "s3cret" not in saved and json.loads(saved)["database"]["host"] == "db.kingsmere.example"
    assert ring.kept == {
        ("sendboard", "priya@db.kingsmere.example:5433/secretariat"): "s3cret-Pa55"
    }
    assert paths.resolve_target(None) == (
        "postgresql+psycopg://priya@db.kingsmere.example:5433/secretariat?sslmode=require"
    )
    assert paths.resolve_target(None) == connection.load_connection().target()
    settings.this_computer.setChecked(True)
    settings.save_button.click()
    assert paths.resolve_target(None) == str(sendboard_home / "sendboard.db")


def test_missing_details_are_named(settings: DatabaseSettings, ring: MemoryKeyring) -> None:
    _fill(settings, " ", 5432, "sendboard", "priya")
    settings.save_button.click()
    assert settings.result.text() == "Give the server's name or address."
    assert connection.load_connection() == Connection()


def test_test_connection_reaches_the_real_server(
    qtbot, settings: DatabaseSettings, pg_url: URL, ring: MemoryKeyring
) -> None:
    with pg_server.fresh(pg_url, "reach") as url:
        _fill(settings, url.host or "", url.port or 5432, url.database or "", url.username or "")
        settings.tls.setChecked(False)  # the test server has no certificate
        settings.test_button.click()
        qtbot.waitUntil(lambda: settings.result.text().startswith("Connected"), timeout=10000)
        assert f"Connected to {url.database} on {url.host}:{url.port} (PostgreSQL 1" in (
            settings.result.text()
        )
        assert "the database is empty" in settings.result.text()


def test_test_connection_to_nothing_says_why(qtbot, settings: DatabaseSettings, ring) -> None:
    _fill(settings, "127.0.0.1", _closed_port(), "sendboard", "priya")
    settings.test_button.click()
    qtbot.waitUntil(lambda: settings.test_button.isEnabled(), timeout=15000)
    assert settings.result.text().startswith("Cannot reach the database server for sendboard")
    assert "Check the network or VPN connection" in settings.result.text()


def test_move_to_a_shared_server_copies_and_switches_this_computer(
    qtbot,
    settings: DatabaseSettings,
    pg_url: URL,
    ring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    people.create_person(settings.ctx.db, people.PersonInput(name="Helen Marsh"))
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    with pg_server.fresh(pg_url, "move") as url:
        _fill(settings, url.host or "", url.port or 5432, url.database or "", url.username or "")
        settings.tls.setChecked(False)
        settings.move_button.click()
        qtbot.waitUntil(
            lambda: settings.result.text().startswith(("Moved", "Cannot", "The")), timeout=30000
        )
        assert settings.result.text().startswith("Moved: ")
        assert (
            "copied to" in settings.result.text()
            and "from its next start" in settings.result.text()
        )
        assert "must be empty" in asked[0]
        assert connection.load_connection().shared
        moved = open_database(paths.resolve_target(None))
        try:
            assert [p.name for p in people.list_people(moved)] == ["Helen Marsh"]
        finally:
            moved.close()


def _answers(monkeypatch: pytest.MonkeyPatch, replies: list[str]) -> list[str]:
    reasons: list[str] = []

    def ask(parent, reason: str) -> str:  # type: ignore[no-untyped-def]
        reasons.append(reason)
        return replies.pop(0)

    monkeypatch.setattr(unreachable, "ask_unreachable", ask)
    return reasons


def _unreachable_choice() -> None:
    connection.save_connection(
        Connection(SHARED_SERVER, "127.0.0.1", _closed_port(), "sendboard", "priya", False)
    )


def test_an_unreachable_server_at_startup_offers_retry_then_this_computers_file(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,
    sendboard_home: Path,
    ring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _unreachable_choice()
    reasons = _answers(monkeypatch, [unreachable.RETRY, unreachable.LOCAL])
    monkeypatch.setenv("SENDBOARD_EXIT_AFTER_SHOWN", "1")
    assert ui.app.main() == 0
    assert len(reasons) == 2  # asked, retried, asked again, then opened the file here
    assert reasons[0].startswith("Cannot reach the database server for sendboard on 127.0.0.1")
    assert "Traceback" not in reasons[0]
    assert capsys.readouterr().out.split() == ["window-shown", "home-ready"]
    assert (sendboard_home / "sendboard.db").is_file()


def test_quitting_at_an_unreachable_server_ends_with_status_1(
    qtbot, monkeypatch: pytest.MonkeyPatch, sendboard_home: Path, ring: MemoryKeyring
) -> None:
    _unreachable_choice()
    reasons = _answers(monkeypatch, [unreachable.QUIT])
    assert ui.app.main() == 1
    assert len(reasons) == 1
    assert not (sendboard_home / "sendboard.db").exists()


def test_a_file_on_a_network_share_shows_a_banner(
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(share_banner, "share_warning", lambda target: f"{target} is on a share")
    ctx = make_context(db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    banner = window.findChild(QToolBar, "share-banner")
    assert banner is not None
    assert banner.widgetForAction(banner.actions()[0]).text() == f"{db.file} is on a share"
    ctx.tasks.wait()


def test_a_local_file_shows_no_banner(qtbot, db: Database) -> None:
    ctx = make_context(db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.findChild(QToolBar, "share-banner") is None
    ctx.tasks.wait()
