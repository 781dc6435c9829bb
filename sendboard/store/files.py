"""Putting file bytes into the database and getting them back."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sendboard.errors import SendboardError
from sendboard.store.models.files import StoredFile


def store_bytes(session: Session, content: bytes, media_type: str) -> StoredFile:
    digest = hashlib.sha256(content).hexdigest()
    existing = session.scalar(select(StoredFile).where(StoredFile.sha256 == digest))
    if existing is not None:
        return existing
    stored = StoredFile(sha256=digest, size=len(content), media_type=media_type, content=content)
    session.add(stored)
    return stored


def store_path(session: Session, path: Path) -> StoredFile:
    """Read a file the user chose and keep its bytes; a missing or unreadable file is refused."""
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise SendboardError(f"{path.name} could not be read ({exc.strerror}).") from exc
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return store_bytes(session, content, media_type)


def file_bytes(session: Session, file_id: int) -> bytes:
    stored = session.get(StoredFile, file_id)
    if stored is None:
        raise SendboardError(f"Stored file {file_id} is missing from the database.")
    return stored.content
