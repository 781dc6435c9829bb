"""Kill sendboard part way through its writes, hundreds of times, and count what breaks.

    python bench/faults.py [--points 300] [--jobs 2] [--seed 1]

Each kill point runs one real command in a child process (tests/store/fault_child.py) that is
killed, as kill -9 would, either at a chosen step (an SQL statement or a file operation) or after
a random delay. The work is spread over: building a new database, upgrading a 0001 database,
importing 20 actions into the demo, taking a backup, and building the demo (`sendboard demo`)
into a new file. After each kill the database is opened again and checked. Printed figures (each
should be 0):

  corrupt     the database fails its integrity check or will not open again
  backups     a file counted as a backup that is unusable
  tracebacks  a child that printed a traceback before it was killed (or instead of a message)
  partial     an import that left some but not all of its rows or audit entries, or a demo
              build that left anything but an empty database or the whole demo
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sendboard.services.common.workspace import open_database  # noqa: E402
from sendboard.store import backups  # noqa: E402
from tests.store.test_migration_0002 import write_0001_database  # noqa: E402

CHILD = ROOT / "tests" / "store" / "fault_child.py"
ROWS = 20


@dataclass
class Result:
    work: str
    point: str
    corrupt: bool = False
    unusable_backups: int = 0
    traceback: bool = False
    partial: bool = False


def run(kill_at: int, args: list[str], delay: float | None = None) -> tuple[int, str, str]:
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(kill_at), *args],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if delay is not None:
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
    out, err = proc.communicate(timeout=300)
    return proc.returncode, out, err


def counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        actions = conn.execute("SELECT count(*) FROM actions").fetchone()[0]
        audited = conn.execute(
            "SELECT count(*) FROM audit_entries WHERE entity = 'Action' AND action = 'create'"
        ).fetchone()[0]
        return actions, audited
    finally:
        conn.close()


def table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
        }
    finally:
        conn.close()


def copy(source: Path, target: Path) -> Path:
    src, dest = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dest)
    src.close()
    dest.close()
    return target


class Bench:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.demo = folder / "demo-template.db"
        db = open_database(self.demo)
        from sendboard.demo import build_demo

        build_demo(db, "small")
        db.close()
        self.sheet = folder / "new.csv"
        lines = ["Action,Owner,Target date"]
        lines += [f"Bench step {n},Priya Raman,1 March 2027" for n in range(ROWS)]
        self.sheet.write_text("\n".join(lines) + "\n", "utf-8")
        self.old = folder / "old-template.db"
        write_0001_database(self.old)
        self.before = counts(self.demo)
        self.whole_demo = table_counts(self.demo)
        empty = folder / "empty.db"
        open_database(empty).close()
        self.empty = table_counts(empty)

    def prepare(self, work: str, case: Path) -> tuple[Path, list[str]]:
        case.mkdir(exist_ok=True)
        path = case / "board.db"
        if work == "create":
            return path, ["--", "check", "--db", str(path)]
        if work == "demo":
            return path, ["--", "demo", "--db", str(path)]
        if work == "upgrade":
            shutil.copyfile(self.old, path)
            return path, ["--", "check", "--db", str(path)]
        copy(self.demo, path)
        open_database(path).close()  # the day's backup taken before the timed work
        if work == "import":
            return path, ["--", "actions", "import", "--db", str(path), str(self.sheet)]
        return path, ["backup", str(path)]

    def steps(self, work: str) -> int:
        _path, args = self.prepare(work, Path(tempfile.mkdtemp(dir=self.folder)))
        status, out, err = run(0, args)
        assert status == 0, err
        return int(out.strip().splitlines()[-1].removeprefix("steps="))

    def case(self, work: str, number: int, kill_at: int, delay: float | None) -> Result:
        path, args = self.prepare(work, self.folder / f"{work}-{number}")
        point = f"after {delay:.2f}s" if delay is not None else f"step {kill_at}"
        _, _, err = run(kill_at if delay is None else 0, args, delay)
        result = Result(work, point, traceback="Traceback" in err)
        for kept in backups.list_backups(path):
            result.unusable_backups += backups.describe(kept).problem is not None
        try:
            db = open_database(path)
            result.corrupt = db.integrity_check() != "ok"
            db.close()
            if work == "import":
                after = counts(path)
                done = (self.before[0] + ROWS, self.before[1] + ROWS)
                result.partial = after not in (self.before, done)
            if work == "demo":
                result.partial = table_counts(path) not in (self.empty, self.whole_demo)
        except Exception as exc:  # any failure to reopen is what is counted
            result.corrupt = True
            print(f"  {work} {point}: {exc}", file=sys.stderr)
        shutil.rmtree(path.parent, ignore_errors=True)
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    works = ("create", "upgrade", "import", "backup", "demo")
    with tempfile.TemporaryDirectory(prefix="sendboard-faults-") as tmp:
        started = time.perf_counter()
        bench = Bench(Path(tmp))
        totals = {work: bench.steps(work) for work in works}
        plan = []
        for n in range(args.points):
            work = works[n % len(works)]
            if n % 3 == 2:  # a third of the kills land at a random moment, not a step
                longest = 8.0 if work == "demo" else 2.5  # a demo build takes several seconds
                plan.append((work, n, 0, rng.uniform(0.3, longest)))
            else:
                plan.append((work, n, rng.randint(1, totals[work]), None))
        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(lambda p: bench.case(*p), plan))
        elapsed = time.perf_counter() - started
    print(f"kill points: {len(results)} in {elapsed:.0f} s; steps per run: {totals}")
    print(f"{'work':<10}{'kills':>7}{'corrupt':>9}{'backups':>9}{'tracebacks':>12}{'partial':>9}")
    for work in works:
        mine = [r for r in results if r.work == work]
        print(
            f"{work:<10}{len(mine):>7}{sum(r.corrupt for r in mine):>9}"
            f"{sum(r.unusable_backups for r in mine):>9}{sum(r.traceback for r in mine):>12}"
            f"{sum(r.partial for r in mine):>9}"
        )
    bad = [r for r in results if r.corrupt or r.unusable_backups or r.traceback or r.partial]
    for r in bad:
        print(f"  FAILED {r.work} killed {r.point}: {r}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
