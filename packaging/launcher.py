"""Entry point of the frozen app: the same `sendboard` command as the installed console script."""

from __future__ import annotations

import sys


def _console_streams() -> None:
    """A windowed Windows build has no stdout; reuse the console it was started from, if any."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes

    attach_parent_process = -1
    if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115


if __name__ == "__main__":
    _console_streams()
    from sendboard.cli import main

    sys.exit(main())
