"""A process killed (SIGKILL) in the middle of submit_application leaves no half record.

One helper process (``sys.executable -c``) imports the app once, then forks one child per run; each
child opens the station's store and submits establishment applications until it is killed:
- at each step of a submission (after the receipt number, the application row, the status step,
  the outbox row; before and after the commit), by a patched store method that SIGKILLs its process;
- at a random SQLite VM step, from inside SQLite's progress handler (so inside a statement or COMMIT);
- at a random moment, by the helper sending SIGKILL on a timer.
Each child reports every receipt it was given through a pipe. Afterwards the store must pass
``PRAGMA integrity_check``, hold exactly one outbox row and the status steps for every application
and nothing else, number receipts without gaps, keep every receipt a child was given, and go on
numbering from there.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from service_world import NOW, fixed_clock, receipt, submit_good

from counter_app.demo.codes import org_code
from counter_app.domain.ids import make_uscc
from counter_app.services import open_counter

SEED = 20261123
RUNS = 40
SUBMISSIONS = 3  # per child
# The application row and both status steps (submitted, queued) are written by one repository call.
POINTS = ("after_number", "after_application", "after_outbox", "before_commit", "after_commit")

HELPER = r'''
import json, os, random, signal, sys, time
from datetime import datetime, timezone

from sqlalchemy import event
from sqlalchemy.engine import Engine

from counter_app.demo.codes import org_code
from counter_app.domain.ids import make_uscc
from counter_app.domain.policy import default_policy
from counter_app.services import open_counter, submit_application
from counter_app.store.repositories.work import ApplicationRepository, OutboxRepository, ReceiptCounterRepository
from counter_app.store.uow import UnitOfWork

data_dir, runs, seed, submissions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
NOW = datetime.fromisoformat(sys.argv[5])
POINTS = {
    "after_number": (ReceiptCounterRepository, "next_number", False),
    "after_application": (ApplicationRepository, "add", False),
    "after_outbox": (OutboxRepository, "add", False),
    "before_commit": (UnitOfWork, "commit", True),
    "after_commit": (UnitOfWork, "commit", False),
}
MATERIALS = ["business_license", "legal_rep_id", "agent_id", "authorization", "bank_account_proof"]
default_policy()  # parsed once here, before forking
ticks = {"count": 0, "kill_at": None}


def die():
    os.kill(os.getpid(), signal.SIGKILL)


def progress():
    if ticks["kill_at"] is not None:
        ticks["count"] += 1
        if ticks["count"] >= ticks["kill_at"]:
            die()
    return 0


event.listen(Engine, "connect", lambda dbapi, _record: dbapi.set_progress_handler(progress, 1))


def arm_point(name):
    cls, attr, before = POINTS[name]
    original = getattr(cls, attr)

    def killing(*args, **kwargs):
        if before:
            die()
        original(*args, **kwargs)
        die()

    setattr(cls, attr, killing)


def form(n):
    return {
        "uscc": make_uscc("91620102" + org_code(f"C{n:07d}")), "employer_name": f"示范市测试{n}号有限公司",
        "legal_rep": "黄伟", "employer_address": "示范市南山镇食品街5号", "contact_name": "林芳",
        "contact_mobile": "13712345678", "bank_name": "中国建设银行", "bank_account": "62000001234567890",
        "worker_ratio": "10", "employer_ratio": "10", "first_month": "2026-12", "materials": MATERIALS,
    }


def child(plan, fd):
    counter = open_counter(data_dir, clock=lambda: NOW)
    if plan.get("point"):
        arm_point(plan["point"])
    if plan.get("tick"):
        ticks["kill_at"] = plan["tick"]
    if plan.get("count"):
        ticks["kill_at"] = 10 ** 12
    os.write(fd, b"ready\n")
    started = time.perf_counter()
    for i in range(submissions):
        n = plan["first"] + i
        result = submit_application(counter, "establish-employer", form(n))
        if not result.ok:
            os.write(fd, b"refused\n")
            os._exit(3)
        os.write(fd, f"{n} {result.receipt_number} {result.client_id}\n".encode())
    os.write(fd, f"ticks {ticks['count']} {time.perf_counter() - started}\n".encode())
    os._exit(0)


def run(plan, timer=None):
    sys.stdout.flush()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            child(plan, write_fd)
        finally:
            os._exit(4)
    os.close(write_fd)
    seen = b""
    while b"ready\n" not in seen:  # the timer starts once the child has opened the store
        chunk = os.read(read_fd, 4096)
        if not chunk:
            break
        seen += chunk
    if timer:
        def kill_child(*_):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        signal.signal(signal.SIGALRM, kill_child)
        signal.setitimer(signal.ITIMER_REAL, timer)
    _, status = os.waitpid(pid, 0)
    signal.setitimer(signal.ITIMER_REAL, 0)
    with os.fdopen(read_fd, "rb") as pipe:
        lines = (seen + pipe.read()).decode().splitlines()
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    exit_code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    given = [line.split() for line in lines if not line.startswith(("ticks", "refused", "ready"))]
    ticks_line = [line.split() for line in lines if line.startswith("ticks")]
    return {**plan, "killed": killed, "exit": exit_code, "given": given, "refused": "refused" in lines,
            "ticks": int(ticks_line[0][1]) if ticks_line else None,
            "seconds": float(ticks_line[0][2]) if ticks_line else None}


rng = random.Random(seed)
calibration = run({"first": 0, "count": True})
out = [calibration]
for r in range(1, runs + 1):
    plan = {"first": r * 100}
    if r <= len(POINTS):
        plan["point"] = list(POINTS)[r - 1]
        out.append(run(plan))
    elif r % 2:
        plan["tick"] = rng.randint(1, calibration["ticks"])
        out.append(run(plan))
    else:
        plan["delay"] = rng.uniform(0.0, calibration["seconds"])
        out.append(run(plan, timer=plan["delay"]))
print(json.dumps(out))
'''


def stored_applications(db: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """client_id → (receipt number, USCC)."""
    rows = db.execute("SELECT client_id, receipt_number, subject_key FROM applications").fetchall()
    return {client_id: (number, subject) for client_id, number, subject in rows}


@pytest.fixture
def crashed(counter, data_dir: Path) -> list[dict]:
    counter.close()  # nothing of this process holds the store while the children work
    done = subprocess.run(
        [sys.executable, "-c", HELPER, str(data_dir), str(RUNS), str(SEED), str(SUBMISSIONS), NOW.isoformat()],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_killed_submissions_leave_whole_records_or_nothing(crashed, data_dir: Path):
    calibration, runs = crashed[0], crashed[1:]
    assert not calibration["killed"] and len(calibration["given"]) == SUBMISSIONS and calibration["ticks"] > 0
    assert not any(r["refused"] for r in crashed)
    assert all(r["killed"] for r in runs if r.get("point"))
    assert sum(r["killed"] for r in runs) >= len(runs) // 2  # random kills mostly land before the end
    assert all(r["killed"] or r["exit"] == 0 for r in runs)

    db = sqlite3.connect(data_dir / "station.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    apps = stored_applications(db)

    # Exactly one outbox row per application, carrying its receipt number; no orphan rows.
    outbox = db.execute("SELECT client_id, payload FROM outbox").fetchall()
    assert sorted(c for c, _ in outbox) == sorted(apps)
    for client_id, payload in outbox:
        assert json.loads(payload)["receipt_number"] == apps[client_id][0]
    # Both status steps of every application, nothing else.
    steps = db.execute(
        "SELECT a.client_id, group_concat(h.status, '>') FROM applications a "
        "JOIN application_status_history h ON h.application_id = a.id GROUP BY a.id ORDER BY a.id"
    ).fetchall()
    assert len(steps) == len(apps) and {s for _, s in steps} == {"submitted>queued"}
    assert db.execute(
        "SELECT count(*) FROM application_status_history WHERE application_id NOT IN (SELECT id FROM applications)"
    ).fetchone()[0] == 0

    # Receipt numbers 1..n without a gap, and the counter stands at n.
    with open_counter(data_dir, clock=fixed_clock) as counter:
        numbers = sorted(number for number, _ in apps.values())
        assert numbers == [receipt(counter, seq) for seq in range(1, len(apps) + 1)]
        assert db.execute("SELECT last_seq FROM receipt_counters").fetchall() == [(len(apps),)]

        # Every receipt a child was given is stored as given; a killed child left at most one more,
        # the submission it was in (committed just before the kill).
        by_client = {client_id: number for client_id, (number, _) in apps.items()}
        for run in crashed:
            for _n, number, client_id in run["given"]:
                assert by_client[client_id] == number
        stored_per_run: dict[int, int] = {}
        for _number, subject in apps.values():
            first = next(r["first"] for r in crashed if subject in run_usccs(r))
            stored_per_run[first] = stored_per_run.get(first, 0) + 1
        for run in crashed:
            extra = stored_per_run.get(run["first"], 0) - len(run["given"])
            assert extra in ((0, 1) if run["killed"] else (0,)), run
            if run.get("point") == "after_commit":
                assert (len(run["given"]), extra) == (0, 1)
            elif run.get("point"):
                assert stored_per_run.get(run["first"], 0) == 0, run

        # The store takes the next application as if nothing had happened.
        after = submit_good(counter, "open-account")
        assert after.ok and after.receipt_number == receipt(counter, len(apps) + 1)
    db.close()


def run_usccs(run: dict) -> set[str]:
    """The employers a run's child submits (its forms are numbered from ``first``)."""
    return {make_uscc("91620102" + org_code(f"C{n:07d}")) for n in range(run["first"], run["first"] + SUBMISSIONS)}
