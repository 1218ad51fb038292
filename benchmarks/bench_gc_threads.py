"""GC-thread stress, long: many Operations whose workers allocate while GUI garbage waits to be collected.

    python benchmarks/bench_gc_threads.py [--ops 20000] [--in-flight 8] [--runs 3]

Runs tests/gui/gc_threads_child.py (the suite runs it with 600 operations) in child processes and prints,
per run, its exit status, the operations delivered, on which threads collections started and the
garbage forms' C++ objects died, and the time taken. Any collection or deletion on a worker thread,
or a non-zero exit status (a segfault is -11), is a failure of the runner's GC guard.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = ROOT / "tests" / "gui" / "gc_threads_child.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=20_000)
    parser.add_argument("--in-flight", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    failed = 0
    for n in range(1, args.runs + 1):
        run = subprocess.run([sys.executable, str(CHILD), str(args.ops), str(args.in_flight)], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=1800)
        lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
        counts = json.loads(lines[-1]) if lines else {}
        bad = (run.returncode != 0 or not counts or counts["collections_on_worker"]
               or counts["forms_deleted_on_worker"])
        failed += bool(bad)
        print(f"run {n}: exit {run.returncode}, {counts or run.stderr[-1500:]}")
    print(f"{args.runs - failed}/{args.runs} runs clean ({args.ops} operations each, {args.in_flight} in flight)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
