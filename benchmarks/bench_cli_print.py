"""Cold ``counter-app print receipt R --printer P``: a fresh process each run, to the job accepted by
the suite's own CUPS server (issue #24: p95 <= 1 s). Prints p50/p95 of wall and CPU time, the same
command with ``--out`` and ``--version`` for comparison, and what the heaviest imports cost.

Run: ``.venv/bin/python benchmarks/bench_cli_print.py [--runs N] [--tree DIR]`` (``--tree``: another
checkout's source, to measure it with this environment). A first untimed run fills a temporary bytecode
cache, as an installed wheel has its bytecode; wall time waits for a shared CPU too, CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "services"), str(ROOT / "tests" / "sync")]
# The audit chain's key lives only in a keyring: the suite's file keyring (tests/sync), for this
# process and the CLI processes it starts (as tests/conftest.py sets it up).
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "tests" / "sync"), os.environ.get("PYTHONPATH")) if p)
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring_file_backend.FileKeyring")
os.environ.setdefault("COUNTER_TEST_KEYRING", str(Path(tempfile.mkdtemp(prefix="bench-keyring-")) / "keyring.json"))

from cupsserver import destroy_server, start_server  # noqa: E402

TARGET_S = 1.0
HEAVY = ("sqlalchemy.orm", "alembic.runtime.migration", "reportlab.platypus", "pypinyin", "psycopg", "pydantic",
         "keyring", "counter_app.store", "counter_app.services", "counter_app.cli.print_cmd")


def _pct(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str], env: dict[str, str], cwd: Path, runs: int) -> tuple[list[float], list[float]]:
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), _children_cpu()
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
        wall.append(time.perf_counter() - t)
        cpu.append(_children_cpu() - c)
        if done.returncode:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{done.stdout}{done.stderr}")
    return wall, cpu


def _line(label: str, wall: list[float], cpu: list[float], target: bool = False) -> None:
    p50, p95 = _pct(wall)
    c50, c95 = _pct(cpu)
    verdict = f" (target <= 1 s: {'ok' if p95 <= TARGET_S else 'ABOVE TARGET'})" if target else ""
    print(f"{label} ({len(wall)} runs): wall p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms{verdict}; "
          f"CPU p50 {c50 * 1000:.0f} ms, p95 {c95 * 1000:.0f} ms")


def _station(base: Path) -> tuple[Path, str]:
    from service_world import build_world, complete, fixed_clock, withdrawal_form

    from counter_app.services import open_counter, submit_application

    data = base / "station"
    with open_counter(data, clock=fixed_clock) as counter:
        build_world(counter.store)
        form = complete(counter, "withdrawal", withdrawal_form())
        return data, submit_application(counter, "withdrawal", form).receipt_number


def _import_costs(env: dict[str, str], cwd: Path) -> None:
    """CPU of importing each heavy part alone in a fresh process (best of 3; they overlap)."""
    costs = []
    for module in HEAVY:
        best = min(float(subprocess.run(
            [sys.executable, "-c", f"import time; t = time.process_time(); import {module}; "
                                   "print(time.process_time() - t)"],
            capture_output=True, text=True, env=env, cwd=cwd, check=True).stdout) for _ in range(3))
        costs.append(f"{module} {best * 1000:.0f}")
    print("import CPU alone, ms (overlapping): " + ", ".join(costs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose counter_app to run")
    args = parser.parse_args()
    tree = args.tree.resolve()
    server = start_server()
    try:
        server.add_pdf_queue("counter-receipt", "receipt", page_size="A5", default=True)
        with tempfile.TemporaryDirectory(prefix="bench-cli-print-") as tmp:
            data, number = _station(Path(tmp))
            env = {**os.environ, "CUPS_SERVER": server.server, "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pyc"),
                   "PYTHONPATH": os.pathsep.join((str(tree), os.environ["PYTHONPATH"]))}
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            cli = [sys.executable, "-m", "counter_app", "--data-dir", str(data), "print", "receipt", number,
                   "--reprint-reason", "申请人另需一份"]
            # One untimed run fills the bytecode cache (ours and the libraries', under the prefix).
            _timed([*cli, "--out", str(Path(tmp) / "warm.pdf")], env, tree, 1)
            commit = subprocess.run(["git", "-C", str(tree), "log", "-1", "--format=%h"], capture_output=True,
                                    text=True).stdout.strip() or "not a git checkout"
            print(f"source: {tree} ({commit}); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
            _line("`counter-app --version` (interpreter and the CLI's own start)",
                  *_timed([sys.executable, "-m", "counter_app", "--version"], env, tree, 5))
            _line("`counter-app print receipt R --printer P --json` to the job accepted, cold process",
                  *_timed([*cli, "--printer", "counter-receipt", "--json"], env, tree, args.runs), target=True)
            _line("  the same with --out FILE (no print service)",
                  *_timed([*cli, "--out", str(Path(tmp) / "r.pdf")], env, tree, max(5, args.runs // 2)))
            _import_costs(env, tree)
            server.wait_for_jobs()
    finally:
        destroy_server(server)


if __name__ == "__main__":
    main()
