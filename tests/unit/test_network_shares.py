"""A database file on a network share is recognised from the path, the drive or the mounts."""

from __future__ import annotations

import pytest

from sendboard.cli import main
from sendboard.services.database import shares
from sendboard.services.database.shares import on_network_share, share_warning

MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
//nas.kingsmere.local/secretariat /mnt/board cifs rw,vers=3.0,username=priya 0 0
/dev/sdb1 /mnt/board/local-cache ext4 rw 0 0
nas:/export/send /srv/send nfs4 rw,vers=4.2 0 0
//nas/with\\040space /media/Team\\040Share smb3 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "found"),
    [
        ("/mnt/board/sendboard.db", "cifs //nas.kingsmere.local/secretariat on /mnt/board"),
        ("/srv/send/board/sendboard.db", "nfs4 nas:/export/send on /srv/send"),
        ("/media/Team Share/sendboard.db", "smb3 //nas/with space on /media/Team Share"),
        ("/mnt/board/local-cache/sendboard.db", None),  # a local disk mounted inside the share
        ("/mnt/boarding/sendboard.db", None),  # a neighbour of the share, not inside it
        ("/home/priya/sendboard.db", None),
        ("/tmp/sendboard.db", None),
    ],
)
def test_linux_mounts(path: str, found: str | None) -> None:
    assert on_network_share(path, system="linux", mounts=MOUNTS) == found


def _drives(remote: str):  # type: ignore[no-untyped-def]
    return lambda root: shares.DRIVE_REMOTE if root.upper() == remote else 3  # 3: fixed disk


@pytest.mark.parametrize(
    ("path", "found"),
    [
        (r"\\nas\secretariat\sendboard.db", r"the UNC path \\nas\secretariat"),
        ("//nas/secretariat/sendboard.db", r"the UNC path \\nas\secretariat"),
        (r"\\?\UNC\nas\secretariat\sendboard.db", "a UNC path"),
        (r"S:\Board\sendboard.db", "the mapped network drive S:"),
        (r"s:\Board\sendboard.db", "the mapped network drive S:"),
        (r"C:\Users\priya\AppData\Local\sendboard\sendboard.db", None),
        (r"\\?\C:\Users\priya\sendboard.db", None),
    ],
)
def test_windows_paths_and_mapped_drives(path: str, found: str | None) -> None:
    seen = on_network_share(path, system="win32", drive_type=_drives("S:\\"))
    assert seen == found


def test_the_warning_names_the_file_and_suggests_the_shared_server() -> None:
    said = share_warning("/mnt/board/sendboard.db", system="linux", mounts=MOUNTS)
    assert said is not None
    assert said.startswith("sendboard.db is on a network share (cifs //nas.kingsmere.local")
    assert "only one person may use it at a time" in said and "shared server" in said
    assert (
        share_warning("postgresql+psycopg://u@db/sendboard", system="linux", mounts=MOUNTS) is None
    )
    assert share_warning("/home/priya/sendboard.db", system="linux", mounts=MOUNTS) is None
    windows = share_warning(r"\\nas\board\team.db", system="win32", drive_type=_drives("Z:\\"))
    assert windows is not None and windows.startswith("team.db is on a network share")


def test_the_command_line_warns_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(shares, "_read_mounts", lambda: f"//nas/board {tmp_path} cifs rw 0 0\n")
    monkeypatch.setattr(shares.sys, "platform", "linux")
    assert main(["check", "--db", str(tmp_path / "team.db")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("sendboard: team.db is on a network share (cifs //nas/board on")
