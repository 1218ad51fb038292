"""Fuzz every service entry and the command line with 100,000+ junk cases; print counts and outcome.

    .venv/bin/python benchmarks/fuzz_services.py [--cases 100000] [--cli-cases 5000] [--seed 1]

Each case is reproducible from its seed (``RandomSource(seed + i)``). A case passes when it ends in a
value, a Chinese field error, a clear refusal (``PrintRefused``) or, for the CLI, exit 0/1/2; after
every case the store must hold no half-written record (``tests/fuzz_harness.invariants``) and at
the end the audit chain must verify. Passwords are hashed with argon2id's cheapest parameters here
(the product's cost would make 100,000 cases take a day); the code paths are the same.
"""

from __future__ import annotations

import argparse
import collections
import logging
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "services")]

import argon2  # noqa: E402
from argon2.profiles import CHEAPEST  # noqa: E402
from fuzz_harness import CliCase, Context, FuzzFailure, RandomSource, invariants, run_case  # noqa: E402
from service_world import build_world, fixed_clock  # noqa: E402

from counter_app.services import audit, clerks, open_counter  # noqa: E402

SHOWN_FAILURES = 5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="service cases")
    parser.add_argument("--cli-cases", type=int, default=5_000, help="command-line cases")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the printing font's notes about rare characters in junk names
    clerks.HASHER = argon2.PasswordHasher.from_parameters(CHEAPEST)
    work = Path(tempfile.mkdtemp(prefix="fuzz-services-"))
    try:
        return run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path) -> int:
    with open_counter(work / "services", clock=fixed_clock) as counter:
        build_world(counter.store)
    shutil.copytree(work / "services", work / "cli")
    tally: collections.Counter[tuple[str, str]] = collections.Counter()
    failures: list[str] = []
    started = time.perf_counter()
    with open_counter(work / "services", clock=fixed_clock) as counter:
        ctx = Context(counter, work)
        for i in range(args.cases):
            seed = args.seed * 10**7 + i
            try:
                tally[run_case(ctx, RandomSource(seed))] += 1
            except FuzzFailure as failure:
                tally[("failure", str(failure).split(":")[0])] += 1
                failures.append(f"seed {seed}: {failure}\n{_cause(failure)}")
            problems = invariants(counter.store.path) if i % 20 == 0 or i == args.cases - 1 else []
            if problems:
                failures.append(f"after seed {seed}: {problems}")
                break
        verdict = audit.verify_chain(counter)
    service_seconds = time.perf_counter() - started
    started = time.perf_counter()
    cli = CliCase(work / "cli", work)
    for i in range(args.cli_cases):
        seed = args.seed * 10**7 + 5 * 10**6 + i
        try:
            tally[("cli", cli.run(RandomSource(seed))[1])] += 1
        except FuzzFailure as failure:
            tally[("cli", "failure")] += 1
            failures.append(f"seed {seed}: {failure}\n{_cause(failure)}")
        problems = invariants(work / "cli" / "station.sqlite3") if i % 20 == 0 else []
        if problems:
            failures.append(f"cli after seed {seed}: {problems}")
            break
    cli_seconds = time.perf_counter() - started
    report(tally, failures, verdict, service_seconds, cli_seconds)
    return 1 if failures or not verdict.ok else 0


def _cause(failure: FuzzFailure) -> str:
    cause = failure.__cause__
    return "".join(traceback.format_exception(cause))[-1500:] if cause else ""


def report(tally: collections.Counter[tuple[str, str]], failures: list[str], verdict: audit.Verdict,
           service_seconds: float, cli_seconds: float) -> None:
    services = sum(n for (entry, _), n in tally.items() if entry != "cli")
    commands = sum(n for (entry, _), n in tally.items() if entry == "cli")
    print(f"{'entry':<14}{'outcome':<14}{'cases':>9}")
    for (entry, outcome), n in sorted(tally.items()):
        print(f"{entry:<14}{outcome:<14}{n:>9,}")
    print(f"service cases: {services:,} in {service_seconds:.0f} s ({services / max(service_seconds, 1e-9):,.0f}/s)")
    print(f"command-line cases: {commands:,} in {cli_seconds:.0f} s")
    print(f"total cases: {services + commands:,}")
    print(f"audit chain after the run: {'intact' if verdict.ok else verdict.first_bad.message} ({verdict.rows:,} rows)")
    print(f"failures: {len(failures)}")
    for text in failures[:SHOWN_FAILURES]:
        print(text)
    print("OUTCOME:", "PASS — only values, field errors, refusals and exit codes 0/1/2; nothing half-written"
          if not failures and verdict.ok else "FAIL")


if __name__ == "__main__":
    sys.exit(main())
