"""The `export` / `import` pair of subcommands shared by the areas kept in spreadsheets."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

Run = Callable[[argparse.Namespace], int]


def add_export_import(
    sub: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    name: str,
    help: str,
    *,
    export_help: str,
    import_help: str,
    dry_run_help: str,
    run_export: Run,
    run_import: Run,
    out_metavar: str = "FILE.xlsx|FILE.csv",
    file_metavar: str = "FILE",
) -> argparse.ArgumentParser:
    """`sendboard NAME export --out FILE` and `sendboard NAME import FILE [--dry-run]`.

    Returns the export parser, for commands whose export takes more options.
    """
    parser = sub.add_parser(name, parents=[common], help=help)
    commands = parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)
    export = commands.add_parser("export", parents=[common], help=export_help)
    export.add_argument("--out", required=True, type=Path, metavar=out_metavar)
    export.set_defaults(run=run_export)
    load = commands.add_parser("import", parents=[common], help=import_help)
    load.add_argument("file", type=Path, metavar=file_metavar)
    load.add_argument("--dry-run", action="store_true", help=dry_run_help)
    load.set_defaults(run=run_import)
    return export
