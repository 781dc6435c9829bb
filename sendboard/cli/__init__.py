"""The `sendboard` command: the window by default, and subcommands for scripted work.

Each subcommand lives in its own module with `register(subparsers, common)`; the module sets
`run=` on its parser, a function taking the parsed arguments and returning the exit status.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from sendboard import __version__
from sendboard.cli import actions, backups, check, demo, gui, invite, meetings, pack
from sendboard.cli import audit as audit_cli
from sendboard.cli import compliance as compliance_cli
from sendboard.cli import database as database_cli
from sendboard.cli import escalations as escalations_cli
from sendboard.cli import measures as measures_cli
from sendboard.cli import minutes as minutes_cli
from sendboard.cli import people as people_cli
from sendboard.cli import risks as risks_cli
from sendboard.cli import setup as setup_cli
from sendboard.cli import stocktake as stocktake_cli
from sendboard.errors import SendboardError

COMMANDS = [gui, demo, check, backups, setup_cli, meetings, invite, actions, pack]
COMMANDS.append(risks_cli)
COMMANDS.append(compliance_cli)
COMMANDS.append(people_cli)
COMMANDS.append(audit_cli)
COMMANDS.append(measures_cli)
COMMANDS.append(minutes_cli)
COMMANDS.append(stocktake_cli)
COMMANDS.append(database_cli)
COMMANDS.append(escalations_cli)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH|URL",
        default=argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: sendboard.db in the data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="sendboard",
        description="Secretariat tool for a local-area SEND Improvement Board.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"sendboard {__version__}")
    gui.add_window_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub, common)
    parser.set_defaults(run=gui.run)
    return parser


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """What the parser would make of `argv` when it holds only the window's own options
    (`--db PATH`, `--db=PATH`, `--demo`, `--self-test`); None for anything else.

    Opening the window is what nearly every start does, and building the parser (every
    subcommand's, with their help texts looked up for translation) costs more than anything
    else the command line does before the window is shown.
    """
    values: dict[str, object] = {"demo": False, "self_test": False, "command": None}
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--db" and rest and not rest[0].startswith("-"):
            values["db"] = rest.pop(0)
        elif arg.startswith("--db="):
            values["db"] = arg.removeprefix("--db=")
        elif arg in ("--demo", "--self-test"):
            values[arg[2:].replace("-", "_")] = True
        else:
            return None
    return argparse.Namespace(**values, run=gui.run)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = window_arguments(argv) or build_parser().parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    try:
        status = int(args.run(args) or 0)
        sys.stdout.flush()  # here, so a closed or full output is caught below
        return status
    except SendboardError as exc:
        message = str(exc)
        if _disk_full(exc) and "free some space" not in message:
            message += " The disk is full: free some space and try again."
        return fail(message, 1)
    except KeyboardInterrupt:
        return fail("interrupted.", 130)
    except BrokenPipeError:
        quiet_stdout()
        return fail("the output was closed before all of it was written.", 141)
    except OSError as exc:
        quiet_stdout()
        where = f" ({exc.filename})" if exc.filename else ""
        if _disk_full(exc):
            return fail(f"the disk is full{where}. Nothing was changed; free some space.", 1)
        return fail(f"{exc.strerror or exc}{where}.", 1)
    except Exception as exc:
        said = _database_failure(exc)
        if said is None:
            raise
        return fail(said, 1)


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    found: BaseException | None = exc
    while found is not None and found not in chain:
        chain.append(found)
        found = found.__cause__ or found.__context__
    return chain


def _disk_full(exc: BaseException) -> bool:
    import errno

    full = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    return any(isinstance(e, OSError) and e.errno in full for e in _causes(exc))


def _database_failure(exc: Exception) -> str | None:
    """A disk or SQLite failure raised outside the database's own code, in one line."""
    from sendboard.services.common.workspace import explain_failure

    for cause in _causes(exc):
        said = explain_failure(cause)
        if said is not None:
            return said
    return None


def fail(message: str, status: int) -> int:
    """One line on stderr, never a traceback, and the exit status."""
    with contextlib.suppress(OSError):  # stderr gone too: the status still says it failed
        print(f"sendboard: {message}", file=sys.stderr, flush=True)
    return status


def quiet_stdout() -> None:
    """Point stdout at the null device, so Python's own flush at exit does not fail again."""
    # When stdout is not a real file (tests capture it), nothing is flushed at exit anyway.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
