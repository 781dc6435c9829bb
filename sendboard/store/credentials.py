"""Server passwords live in the operating system's keyring (Windows Credential Manager, the
macOS Keychain, the Secret Service), never in a file or in settings."""

from __future__ import annotations

import contextlib

from sqlalchemy.engine import URL

SERVICE = "sendboard"


def account(url: URL) -> str:
    """The keyring entry's name: user@host:port/database."""
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def with_password(url: URL) -> URL:
    """`url` with the password kept for it, when it names none itself."""
    if url.password or url.get_backend_name() == "sqlite" or not url.username:
        return url
    password = _get(account(url))
    return url.set(password=password) if password else url


def keep_password(url: URL, password: str) -> None:
    import keyring

    keyring.set_password(SERVICE, account(url), password)


def forget_password(url: URL) -> None:
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):
        keyring.delete_password(SERVICE, account(url))


def _get(name: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(SERVICE, name)
    except Exception:  # no keyring on this machine: connect without, the server says if needed
        return None
