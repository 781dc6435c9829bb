"""This computer's choice of mail program, kept in a small JSON file beside other local settings."""

from __future__ import annotations

import json

from sendboard import paths

AUTOMATIC = "auto"
KEY = "mail_backend"


def _load() -> dict[str, object]:
    try:
        data = json.loads(paths.config_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_choice() -> str:
    value = _load().get(KEY, AUTOMATIC)
    return value if isinstance(value, str) else AUTOMATIC


def save_choice(name: str) -> None:
    data = _load()
    data[KEY] = name
    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=2), encoding="utf-8")
    temporary.replace(path)
