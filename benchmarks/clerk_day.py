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
import io
import json
import os
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack, redirect_stdout
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "sync"))  # the test keyring backend (a JSON file)


def connect_centre(data_dir: Path, stack: ExitStack, workdir: Path) -> Any:
    """A throwaway PostgreSQL, the central schema, this station's role; the password in a test keyring."""
    import keyring
    from keyring_file_backend import FileKeyring
    from pgcluster import PostgresUnavailable, destroy_cluster, start_cluster
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    from counter_app import services
    from counter_app.cli import main as app_main
    from counter_app.sync.central_cli import main as central_main

    try:
        cluster = start_cluster()
    except PostgresUnavailable as exc:
        print(f"(no PostgreSQL: {exc}; the day runs without syncs)")
        return None
    stack.callback(destroy_cluster, cluster)
    os.environ["COUNTER_TEST_KEYRING"] = str(workdir / "keyring.json")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring_file_backend.FileKeyring"
    keyring.set_keyring(FileKeyring())
    dsn = cluster.dsn()
    group = "grp_" + uuid.uuid4().hex[:8]
    with services.open_counter(data_dir) as counter:
        code = counter.station_code
    out = io.StringIO()
    with redirect_stdout(out):
        assert central_main(["init", "--dsn", dsn, "--group-role", group, "--json"]) == 0
    out = io.StringIO()
    with redirect_stdout(out):
        assert central_main(["add-station", code, "--name", "城关区南山镇服务站", "--district", "城关区",
                             "--dsn", dsn, "--json"]) == 0
    creds = json.loads(out.getvalue())
    parts = conninfo_to_dict(dsn)
    parts.update(user=creds["role"])
    parts.pop("password", None)
    sys.stdin = io.StringIO(creds["password"] + "\n")
    out = io.StringIO()
    with redirect_stdout(out):
        rc = app_main(["--data-dir", str(data_dir), "connect", "--dsn", make_conninfo(**parts), "--station", code,
                       "--json"])
    sys.stdin = sys.__stdin__
    if rc != 0:
        raise RuntimeError(f"connect failed: {out.getvalue()}")
    return cluster, dsn


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
    args = parser.parse_args(argv)

    from clerk_day_driver import ClerkDay, summary

    from counter_app import services
    from counter_app.gui.app import create_main_window

    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="clerk-day-")))
        if args.data_dir:
            data_dir = Path(args.data_dir)
        else:
            data_dir = workdir / "data"
            from counter_app.demo import generate_and_load
            from datetime import date

            with services.open_counter(data_dir) as counter:
                started = time.perf_counter()
                generate_and_load(counter.store, workers=args.workers, employers=args.employers, seed=0,
                                  as_of=date.today())
                print(f"demo city of {args.workers:,} workers made in {time.perf_counter() - started:.0f} s")
        centre = None if args.no_sync else connect_centre(data_dir, stack, workdir)
        lookup = stack.enter_context(services.open_counter(data_dir))
        with lookup.store.unit_of_work() as uow:
            workers = uow.workers.count() if hasattr(uow.workers, "count") else None
        started = time.perf_counter()
        window = create_main_window(data_dir)
        window.resize(1366, 768)
        window.show()
        print(f"window on {data_dir} ({workers if workers is not None else '?'} workers) open in "
              f"{time.perf_counter() - started:.1f} s; centre: {'yes' if centre else 'no'}")
        day = ClerkDay(window, lookup, seed=args.seed, sync_every=args.sync_every if centre else 0)

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
            print(f"centre inbox: {centre_counts(centre[1])} applications; last sync: {figures.syncs[-1] if figures.syncs else '-'}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
