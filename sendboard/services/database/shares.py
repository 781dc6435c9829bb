"""A database file on a network share: one person at a time, or the file can be damaged.

SQLite's locking does not hold across SMB, NFS or CIFS, so two people opening the same file on
a share can corrupt it. The file still opens; the user is told once, and pointed at the shared
server instead. The mount table (Linux), the drive type (Windows) and the platform can be
given, so the rules are tested on any machine.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import PureWindowsPath

from sendboard.store.engine import sqlite_file, to_url

#: File systems reached over the network (as /proc/mounts names them).
NETWORK_FILE_SYSTEMS = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "afs",
        "ncpfs",
        "9p",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "fuse.sshfs",
        "davfs",
        "fuse.davfs2",
        "fuse.rclone",
    }
)
#: GetDriveTypeW's answer for a network drive.
DRIVE_REMOTE = 4

WARNING = (
    "{name} is on a network share ({where}): only one person may use it at a time, or the "
    "file can be damaged. For a team, move it to a shared server (File → Move to a shared "
    "server…, or `sendboard database copy --to postgresql+psycopg://…`)."
)


def _unescape(field: str) -> str:
    """/proc/mounts writes a space in a path as \\040 (and tab, newline, backslash alike)."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def network_mount(path: str, mounts: str) -> str | None:
    """The network mount (e.g. "cifs //nas/board on /mnt/board") holding `path`, or None."""
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        device, point, kind = _unescape(parts[0]), _unescape(parts[1]), parts[2]
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > best[0]):
            network = kind in NETWORK_FILE_SYSTEMS or kind.startswith("nfs")
            best = (len(point), f"{kind} {device} on {point}" if network else "")
    return (best[1] or None) if best else None


def _drive_type(root: str) -> int:  # pragma: no cover - Windows only
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _read_mounts() -> str:
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def on_network_share(
    path: str,
    *,
    system: str | None = None,
    mounts: str | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """Where the share is, when the file `path` is on one; None for a local disk."""
    system = system or sys.platform
    if system == "win32":
        windows = PureWindowsPath(path)
        if path.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
            return "a UNC path"
        if path.startswith(("\\\\", "//")) and not path.startswith(("\\\\?\\", "\\\\.\\")):
            return f"the UNC path {windows.anchor.rstrip(chr(92))}"
        drive = windows.drive
        if len(drive) == 2 and drive[1] == ":":
            kind = (drive_type or _drive_type)(drive + "\\")
            if kind == DRIVE_REMOTE:
                return f"the mapped network drive {drive.upper()}"
        return None
    if system.startswith("linux"):
        return network_mount(os.path.abspath(path), _read_mounts() if mounts is None else mounts)
    return None


def share_warning(target: str, **probe: object) -> str | None:
    """The warning to show for the database `target` (a path or URL), or None."""
    if "://" in target:
        file = sqlite_file(to_url(target))
        if file is None:
            return None
        path = str(file)
    else:
        path = os.path.expanduser(target)
    where = on_network_share(path, **probe)  # type: ignore[arg-type]
    name = PureWindowsPath(path).name if "\\" in path else os.path.basename(path)
    return WARNING.format(name=name, where=where) if where else None
