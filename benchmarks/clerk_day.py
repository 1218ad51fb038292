"""A clerk's day at the real counter window: 200 walk-ins, key by key, with a sync every 20 against a
real local PostgreSQL (started here, when its binaries are installed).

    python benchmarks/clerk_day.py [--data-dir DIR | --workers 200000 --employers 8000] [--walk-ins 200]
                                   [--seed 1] [--no-sync] [--pdf-dir DIR]

With ``--data-dir`` the day runs on that data dir (a demo city made beforehand, e.g. by ``counter-app
demo-data --workers 200000 --employers 8000``); otherwise a demo city of ``--workers`` is made in a
temporary directory. Prints per business: keystrokes beyond the data, seconds per walk-in, p95 of the
field checks and of the submits; over the day: the longest GUI stall, RSS growth and the drift of
``None``'s reference count. The driver is ``tests/clerk_day_driver.py`` (the suite's short day uses it).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "sync"))  # the test keyring backend (a JSON file)


def connect_centre(data_dir: Path, stack: ExitStack, workers: int, employers: int, seed: int) -> Any:
    """A throwaway PostgreSQL for the day (None when its binaries are missing), the station connected."""
    from clerk_day_driver import connect_to_centre
    from pgcluster import PostgresUnavailable, destroy_cluster, start_cluster

    try:
        cluster = start_cluster()
    except PostgresUnavailable as exc:
        print(f"(no PostgreSQL: {exc}; the day runs without syncs)")
        return None
    stack.callback(destroy_cluster, cluster)
    started = time.perf_counter()
    district = connect_to_centre(data_dir, cluster.dsn(), workers, employers, seed)
    print(f"centre seeded with {workers:,} workers and connected in {time.perf_counter() - started:.0f} s; "
          f"station district {district}")
    return cluster, cluster.dsn()


def use_file_keyring(path: Path) -> None:
    """The day's keyring: a JSON file (``COUNTER_TEST_KEYRING``, default in the work dir) for the data dir's
    audit key and the station's password. A ``--data-dir`` must have been made with the same file."""
    import keyring
    from keyring_file_backend import FileKeyring

    os.environ.setdefault("COUNTER_TEST_KEYRING", str(path))
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring_file_backend.FileKeyring"
    keyring.set_keyring(FileKeyring())


def centre_counts(dsn: str) -> int:
    import psycopg

    with psycopg.connect(dsn) as conn:
        return conn.execute("SELECT count(*) FROM central.inbox").fetchone()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir")
    parser.add_argument("--workers", type=int, default=200_000)
    parser.add_argument("--employers", type=int, default=8_000)
    parser.add_argument("--walk-ins", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sync-every", type=int, default=20)
    parser.add_argument("--no-sync", action="store_true")
    parser.add_argument("--quiet", action="store_true", help="no line per walk-in")
    parser.add_argument("--city-seed", type=int, default=0, help="seed of the demo city (as demo-data --seed)")
    args = parser.parse_args(argv)

    from clerk_day_driver import ClerkDay, summary

    from counter_app import services
    from counter_app.gui.app import create_main_window

    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="clerk-day-")))
        use_file_keyring(workdir / "keyring.json")
        if args.data_dir:
            data_dir = Path(args.data_dir)
        else:
            data_dir = workdir / "data"
            from datetime import date

            from counter_app.demo import generate_and_load

            with services.open_counter(data_dir) as counter:
                started = time.perf_counter()
                generate_and_load(counter.store, workers=args.workers, employers=args.employers, seed=0,
                                  as_of=date.today())
                print(f"demo city of {args.workers:,} workers made in {time.perf_counter() - started:.0f} s")
        centre = None if args.no_sync else connect_centre(data_dir, stack, args.workers, args.employers,
                                                          args.city_seed)
        started = time.perf_counter()
        window = create_main_window(data_dir)
        window.resize(1366, 768)
        window.show()
        opened = time.perf_counter() - started
        lookup = stack.enter_context(services.open_counter(data_dir))
        day = ClerkDay(window, lookup, seed=args.seed, sync_every=args.sync_every if centre else 0)
        if centre:
            started = time.perf_counter()
            day.sync()
            print(f"morning sync (F5): {day.figures.syncs[-1]} in {time.perf_counter() - started:.0f} s")
            day.figures.syncs.clear()
        with lookup.store.unit_of_work() as uow:
            workers = uow.workers.count() if hasattr(uow.workers, "count") else None
        print(f"window on {data_dir} ({workers if workers is not None else '?'} workers in the station) open in "
              f"{opened:.1f} s; centre: {'yes' if centre else 'no'}")

        def progress(w: Any) -> None:
            if not args.quiet:
                state = w.receipt or (f"refused: {w.refused[:40]}" if w.refused else "-")
                print(f"{w.n:4d} {w.kind:<19}{w.scenario:<12}{w.seconds:6.2f}s keys {w.data_keys:3d}+{w.extra_keys:3d}  {state}",
                      flush=True)

        started = time.perf_counter()
        figures = day.run(args.walk_ins, progress)
        print(f"\n{len(figures.walk_ins)} walk-ins in {time.perf_counter() - started:.0f} s")
        for line in summary(figures):
            print(line)
        if centre:
            last = figures.syncs[-1] if figures.syncs else "-"
            print(f"centre inbox: {centre_counts(centre[1])} applications; last sync: {last}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
