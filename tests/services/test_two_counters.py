"""Two counter processes on one data dir submitting at the same time: every application accepted,
receipt numbers unique and gap-free, each with its outbox row (the service-level view of the store's
write lock; the store's own tests cover the counter itself)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from service_world import NOW, fixed_clock, receipt

from counter_app.services import open_counter

PER_PROCESS = 15

HELPER = r'''
import json, os, sys
from datetime import datetime

from counter_app.demo.codes import org_code
from counter_app.domain.ids import make_uscc
from counter_app.domain.policy import default_policy
from counter_app.services import open_counter, submit_application

data_dir, per_process, now = sys.argv[1], int(sys.argv[2]), datetime.fromisoformat(sys.argv[3])
MATERIALS = ["business_license", "legal_rep_id", "agent_id", "authorization", "bank_account_proof"]
default_policy()


def form(n):
    return {
        "uscc": make_uscc("91620102" + org_code(f"P{n:07d}")), "employer_name": f"示范市并发{n}号有限公司",
        "legal_rep": "黄伟", "employer_address": "示范市南山镇", "contact_name": "林芳", "contact_mobile": "13712345678",
        "bank_name": "中国建设银行", "bank_account": "62000001234567890", "worker_ratio": "10", "employer_ratio": "10",
        "first_month": "2026-12", "materials": MATERIALS,
    }


def child(index, go, report):
    counter = open_counter(data_dir, clock=lambda: now)
    os.read(go, 1)  # both start together
    for i in range(per_process):
        result = submit_application(counter, "establish-employer", form(index * 1000 + i))
        os.write(report, (json.dumps([result.ok, result.receipt_number, [e.message for e in result.errors]]) + "\n").encode())
    os._exit(0)


gos, reports, pids = [], [], []
for index in (1, 2):
    go_r, go_w = os.pipe()
    rep_r, rep_w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        child(index, go_r, rep_w)
    os.close(go_r)
    os.close(rep_w)
    gos.append(go_w)
    reports.append(rep_r)
    pids.append(pid)
for go in gos:
    os.write(go, b"g")
out = []
for pid, rep in zip(pids, reports):
    with os.fdopen(rep, "rb") as pipe:
        out.append([json.loads(line) for line in pipe.read().decode().splitlines()])
    _, status = os.waitpid(pid, 0)
    out[-1].append(status)
print(json.dumps(out))
'''


def test_two_processes_number_receipts_without_duplicates_or_gaps(counter, data_dir):
    counter.close()
    done = subprocess.run([sys.executable, "-c", HELPER, str(data_dir), str(PER_PROCESS), NOW.isoformat()],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    per_child = json.loads(done.stdout)
    numbers = []
    for results in per_child:
        status = results.pop()
        assert status == 0
        assert len(results) == PER_PROCESS and all(ok for ok, _, _ in results), results
        mine = [number for _, number, _ in results]
        assert mine == sorted(mine)  # one process's numbers only go up
        numbers += mine
    with open_counter(data_dir, clock=fixed_clock) as again:
        assert sorted(numbers) == [receipt(again, seq) for seq in range(1, 2 * PER_PROCESS + 1)]
    with sqlite3.connect(data_dir / "station.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 2 * PER_PROCESS
        stored = sorted(n for (n,) in db.execute("SELECT receipt_number FROM applications"))
    assert stored == sorted(numbers)
