"""`sendboard check`: open (migrating if needed), verify integrity, print a one-screen summary."""

from __future__ import annotations

import argparse

from sendboard.cli.database import open_target


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser("check", parents=[common], help="check a database and summarise it")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sendboard.services.common.workspace import check

    with open_target(args) as db:
        report = check(db)
    print(f"Database:   {report.label}")
    if report.read_only:
        print("Access:     read-only (the file or its folder cannot be written to)")
    print(f"Schema:     {report.revision}")
    if report.server:
        print("Integrity:  reachable; the file checks do not apply to a server database")
        print("Backup:     kept by the server's own tools (pg_dump), not by sendboard")
    else:
        print(f"Integrity:  {report.integrity}")
        backup = report.last_backup
        print(f"Backup:     {backup.name if backup else 'none yet'}")
    print("Records:")
    for table, count in sorted(report.counts.items()):
        if table != "alembic_version":
            print(f"  {table:<28}{count:>8}")
    return 0 if report.healthy else 1
