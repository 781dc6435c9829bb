"""The `sendboard` command: the window by default, and subcommands for scripted work.

Each subcommand lives in its own module with `register(subparsers, common)`; the module sets
`run=` on its parser, a function taking the parsed arguments and returning the exit status.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sendboard import __version__
from sendboard.cli import actions, check, demo, gui, invite, meetings, pack
from sendboard.cli import audit as audit_cli
from sendboard.cli import compliance as compliance_cli
from sendboard.cli import people as people_cli
from sendboard.cli import risks as risks_cli
from sendboard.errors import SendboardError

COMMANDS = [gui, demo, check, meetings, invite, actions, pack]
COMMANDS.append(risks_cli)
COMMANDS.append(compliance_cli)
COMMANDS.append(people_cli)
COMMANDS.append(audit_cli)


# Arguments that only open the window: with nothing else on the command line, the subcommands'
# parsers are not built (they cost more than anything else before the window is shown).
WINDOW_FLAGS = frozenset({"--demo", "--self-test"})


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
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
    if commands:
        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        for module in COMMANDS:
            module.register(sub, common)
    parser.set_defaults(run=gui.run, command=None)
    return parser


def only_opens_the_window(argv: Sequence[str]) -> bool:
    """Whether `argv` holds nothing but the window's own options (`--db X`, `--demo`, ...)."""
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--db" and rest:
            rest.pop(0)
        elif not (arg in WINDOW_FLAGS or arg.startswith("--db=")):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(commands=not only_opens_the_window(argv)).parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    try:
        return int(args.run(args) or 0)
    except SendboardError as exc:
        print(f"sendboard: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
