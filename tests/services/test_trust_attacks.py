"""Issue #17's probes against a station, each replayed as it was made: through the command line a
clerk or a script uses, with the store file edited by plain sqlite3 as an attacker would edit it."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from service_world import (
    PURCHASE_CONTRACT,
    RENT_LEASE,
    W,
    complete,
    fixed_clock,
    info_change_form,
    withdrawal_form,
)

from counter_app.cli import main
from counter_app.domain.audit_chain import row_hash
from counter_app.domain.policy import parse_policy
from counter_app.services import audit, open_counter, submit_application
from counter_app.services.settings import load_settings, save_settings

DB = "station.sqlite3"


def cli(capsys, monkeypatch, data_dir: Path, *argv: str, stdin: str = "") -> tuple[int, object]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), *argv])
    out = capsys.readouterr().out.strip()
    return code, json.loads(out) if out.startswith(("{", "[")) else out


def take(counter, kind: str, form: dict):
    return submit_application(counter, kind, complete(counter, kind, form))


def sql(data_dir: Path, *statements: tuple) -> list:
    db = sqlite3.connect(data_dir / DB, isolation_level=None)
    try:
        return [db.execute(*s).fetchall() for s in statements]
    finally:
        db.close()


def form_file(tmp_path: Path, payload) -> str:
    path = tmp_path / "form.json"
    path.write_text(payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return str(path)


# --- 1. the station is set before intake ---------------------------------------------------------

def test_a_data_dir_without_a_station_takes_nothing_until_station_set(data_dir, capsys, monkeypatch):
    # Probe: a new data dir numbered its receipts with the default code CG01.
    sql(data_dir, ("DELETE FROM settings WHERE key IN ('station_code', 'station_name', 'station_district')",))
    with open_counter(data_dir, clock=fixed_clock) as counter:
        refused = take(counter, "info-change", info_change_form())
    assert not refused.ok and [e.field for e in refused.errors] == ["station_code"]
    assert "station set" in refused.errors[0].message
    assert sql(data_dir, ("SELECT count(*) FROM applications",))[0] == [(0,)]
    code, shown = cli(capsys, monkeypatch, data_dir, "station", "set", "--code", "TT02", "--name", "测试镇服务站",
                      "--district", "620102", "--json")
    assert code == 0 and shown["code"] == "TT02"
    with open_counter(data_dir, clock=fixed_clock) as counter:
        taken = take(counter, "info-change", info_change_form())
    assert taken.ok and taken.receipt_number.startswith("TT02-")
    code, out = cli(capsys, monkeypatch, data_dir, "station", "set", "--code", "TT03", "--name", "别的服务站",
                    "--district", "620102", "--json")
    assert code == 2 and out["errors"][0]["field"] == "code"  # receipts already carry TT02


def test_the_settings_dialog_cannot_renumber_a_station_that_took_business(counter):
    assert take(counter, "info-change", info_change_form()).ok
    problems = save_settings(counter, {"station_code": "TT09", "station_name": "别的服务站"})
    assert [p.field for p in problems if p.severity == "error"] == ["station_code"]
    assert "回执已发出" in problems[-1].message and load_settings(counter).station_code == "CG01"


# --- 2. payload integrity --------------------------------------------------------------------------

@pytest.mark.parametrize("where", ["outbox", "application"])
def test_an_amount_changed_in_the_queue_or_the_row_is_named_by_audit_verify(counter, data_dir, capsys, monkeypatch,
                                                                           where):
    # Probe: a queued withdrawal of 101,337.60 edited to 999,999.00 and another card passed `audit verify`.
    taken = take(counter, "withdrawal", withdrawal_form())
    assert taken.ok
    counter.close()
    if where == "outbox":
        (raw,), = sql(data_dir, ("SELECT payload FROM outbox WHERE client_id = ?", (taken.client_id,)))[0]
        payload = json.loads(raw)
        payload["fields"].update(amount="999999.00", bank_card="6222020000000000018")
        sql(data_dir, ("UPDATE outbox SET payload = ? WHERE client_id = ?", (json.dumps(payload), taken.client_id)))
    else:
        sql(data_dir, ("UPDATE applications SET fields = json_set(fields, '$.amount', '999999.00') WHERE client_id = ?",
                       (taken.client_id,)))
    code, verdict = cli(capsys, monkeypatch, data_dir, "audit", "verify", "--offline", "--json")
    assert code == 1 and verdict["payload"]["receipt_number"] == taken.receipt_number
    assert verdict["payload"]["where"] == where and "被改动" in verdict["message"]


# --- 3. a chain that cannot be quietly rewritten ------------------------------------------------------

def _rows(data_dir: Path) -> list[dict]:
    cols = ("seq", "at", "station_code", "terminal", "clerk", "action", "subject", "details", "prev_hash", "hash")
    rows = sql(data_dir, (f"SELECT {', '.join(cols)} FROM audit_log ORDER BY seq",))[0]
    return [dict(zip(cols, r), details=json.loads(r[7])) for r in rows]


def _rewrite(data_dir: Path, rows: list[dict]) -> None:
    """Rewrite rows with hashes recomputed as anyone can (SHA-256 without the station's key)."""
    prev = rows[0]["prev_hash"]
    for row in rows:
        row["prev_hash"], row["hash"] = prev, row_hash(prev, row)
        prev = row["hash"]
        sql(data_dir, ("UPDATE audit_log SET subject = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                       (row["subject"], row["prev_hash"], row["hash"], row["seq"])))


def _set_head(data_dir: Path, value: str | None) -> None:
    if value is None:
        sql(data_dir, ("DELETE FROM settings WHERE key = 'audit_head'",))
    else:
        sql(data_dir, ("UPDATE settings SET value = ? WHERE key = 'audit_head'", (value,)))


def edit_and_rehash(data_dir: Path) -> None:
    rows = _rows(data_dir)
    rows[2]["subject"] = "110105********0099"
    _rewrite(data_dir, rows[2:])
    _set_head(data_dir, json.dumps({"seq": rows[-1]["seq"], "hash": rows[-1]["hash"]}))


def cut_and_rewrite_head(data_dir: Path) -> None:
    rows = _rows(data_dir)
    sql(data_dir, ("DELETE FROM audit_log WHERE seq > ?", (rows[-3]["seq"],)))
    _set_head(data_dir, json.dumps({"seq": rows[-3]["seq"], "hash": rows[-3]["hash"]}))


@pytest.mark.parametrize(("attack", "reason"), [
    (edit_and_rehash, "edited"),
    (cut_and_rewrite_head, "head_forged"),
    (lambda d: _set_head(d, None), "head_missing"),
    (lambda d: _set_head(d, '"garbage"'), "head_garbled"),
    (lambda d: _set_head(d, "not json at all {"), "head_garbled"),
], ids=["edit-and-rehash", "cut-and-rewrite-head", "delete-head", "garbage-head", "unreadable-head"])
def test_each_rewrite_of_the_log_fails_audit_verify(counter, data_dir, capsys, monkeypatch, attack, reason):
    # Probe: after each of these `audit verify` exited 0 (unkeyed SHA-256, head in the same file).
    for n in range(6):
        audit.record(counter, "lookup", f"110105********00{n}X", {"via": "card"})
    counter.close()
    assert cli(capsys, monkeypatch, data_dir, "audit", "verify", "--offline")[0] == 0
    attack(data_dir)
    code, verdict = cli(capsys, monkeypatch, data_dir, "audit", "verify", "--offline", "--json")
    assert code == 1 and verdict["ok"] is False and verdict["reason"] == reason



def test_audit_verify_without_a_usable_keyring_says_it_cannot_check_rather_than_tampered(counter, data_dir, capsys,
                                                                                         monkeypatch):
    # Probe: with the keyring backend failing, `audit verify` said "审计日志已被改动" (exit 1) about an
    # intact log: a PC fault read as tampering. It cannot check the keyed rows: exit 2, naming the keyring.
    audit.record(counter, "lookup", "110105********0011", {"via": "card"})
    counter.close()
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        code, out = cli(capsys, monkeypatch, data_dir, "audit", "verify", "--offline", "--json")
    finally:
        keyring.set_keyring(previous)
    assert code == 2 and out["errors"][0]["field"] == "keyring", out
    assert "无法核验" in out["errors"][0]["message"] and "已被改动" not in out["errors"][0]["message"]
    assert cli(capsys, monkeypatch, data_dir, "audit", "verify", "--offline")[0] == 0  # keyring back: intact

# --- 4. integrity at open -------------------------------------------------------------------------------

def test_a_damaged_page_refuses_new_business_and_writes_nothing(counter, data_dir, tmp_path, capsys, monkeypatch):
    # Probe: 8 bytes overwritten inside the file, and `apply` still returned 0 with a receipt.
    assert take(counter, "info-change", info_change_form()).ok
    counter.close()
    (root,), = sql(data_dir, ("SELECT rootpage FROM sqlite_master WHERE name = 'applications'",))[0]
    (page_size,), = sql(data_dir, ("PRAGMA page_size",))[0]
    sql(data_dir, ("PRAGMA wal_checkpoint(TRUNCATE)",))
    path = data_dir / DB
    with open(path, "r+b") as f:  # the b-tree page header of the applications table
        f.seek((root - 1) * page_size + (100 if root == 1 else 0))
        f.write(b"\x55" * 8)
    before = path.read_bytes()
    code, out = cli(capsys, monkeypatch, data_dir, "apply", "info-change", "--json-file",
                    form_file(tmp_path, {**info_change_form(), "materials": ["id_card"]}))
    assert code == 2 and out["errors"][0]["field"] == "data_dir"
    assert "counter-app restore" in out["errors"][0]["message"]
    assert path.read_bytes() == before  # nothing written
    assert not (data_dir / f"{DB}-wal").exists() or (data_dir / f"{DB}-wal").stat().st_size == 0


# --- 7. bad input and faults: exit 2 naming the problem --------------------------------------------------

@pytest.mark.parametrize(("payload", "field"), [
    ("[" * 100_000 + "]" * 100_000, "json_file"),                                  # JSON nested 100,000 deep
    ('{"id_number": "' + W.active + '", "amount": ' + "9" * 5001 + "}", "json_file"),  # a 5,001-digit JSON number
    ({**withdrawal_form(), "amount": "9" * 5001}, "amount"),                        # a 5,001-digit amount
    ({**info_change_form(), "new_address": "南山镇\u202e号3街新"}, "new_address"),  # bidi override (spoofed print)
    ({**info_change_form(), "new_address": "南山镇\u200b新街"}, "new_address"),      # zero-width space
])
def test_bad_input_exits_2_naming_the_field(data_dir, tmp_path, capsys, monkeypatch, payload, field):
    kind = "withdrawal" if isinstance(payload, dict) and "reason_code" in payload else "info-change"
    before = sql(data_dir, ("SELECT count(*) FROM applications",))[0]
    code, out = cli(capsys, monkeypatch, data_dir, "apply", kind, "--json-file", form_file(tmp_path, payload))
    assert code == 2 and field in [e["field"] for e in out["errors"]]
    assert sql(data_dir, ("SELECT count(*) FROM applications",))[0] == before


@pytest.mark.parametrize("limit", ["99999999999999999999", "-1", "0", "1" * 5001, "1e9"])
def test_a_huge_or_silly_limit_exits_2(data_dir, capsys, monkeypatch, limit):
    # Probe: `records --limit 99999999999999999999` crashed (exit 3). SQLite's LIMIT is 64-bit at most.
    with pytest.raises(SystemExit) as stopped:
        cli(capsys, monkeypatch, data_dir, "records", "--limit", limit, "--json")
    assert stopped.value.code == 2 and "条数应为1至100000之间的整数" in capsys.readouterr().err


@pytest.mark.parametrize("moment", [datetime(9999, 12, 31, 23, 59, tzinfo=UTC), datetime(1970, 1, 1, tzinfo=UTC)])
def test_a_clock_out_of_range_takes_nothing_and_exits_2(data_dir, tmp_path, capsys, monkeypatch, moment):
    monkeypatch.setattr("counter_app.services.counter.system_clock", lambda: moment)
    code, out = cli(capsys, monkeypatch, data_dir, "apply", "info-change", "--json-file",
                    form_file(tmp_path, {**info_change_form(), "materials": ["id_card"]}))
    assert code == 2 and out["errors"][0]["field"] == "clock" and str(moment.year) in out["errors"][0]["message"]
    assert sql(data_dir, ("SELECT count(*) FROM applications",))[0] == [(0,)]



@pytest.mark.parametrize("clock", ["9999-12-31 23:59:00", "2263-01-01 00:00:00"])
def test_a_system_clock_beyond_what_python_can_read_exits_2_naming_the_clock(data_dir, tmp_path, clock):
    # Probe: the real system clock at 9999-12-31 (libfaketime sets it for one process). Python's
    # time.time() overflows past 2262, so the first import that reads it (logging) failed and the
    # command was "无法加载" — an exit 2 that named the module, not the clock.
    form = form_file(tmp_path, {**info_change_form(), "materials": ["id_card"]})
    app = str(Path(sys.executable).with_name("counter-app"))
    assert shutil.which("faketime"), "faketime (Debian package faketime) is missing: scripts/run-tests installs it"
    for argv, stream in ((["apply", "info-change", "--json-file", form], "stdout"), (["records"], "stderr")):
        done = subprocess.run(["faketime", clock, app, "--data-dir", str(data_dir), *argv], capture_output=True,
                              text=True, encoding="utf-8", timeout=120)
        said = getattr(done, stream)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert "clock" in said and "时钟" in said and "无法加载" not in done.stderr, said
    assert sql(data_dir, ("SELECT count(*) FROM applications",))[0] == [(0,)]


COUNT_RECORDS = 'import json, sys; print(json.dumps({"records": len(json.load(sys.stdin))}))'


def in_own_mounts(script: str, **env: str) -> list[dict]:
    """Run ``script`` (sh) in a private mount namespace, where it may mount a small tmpfs or a
    read-only bind without touching the machine; what it prints is a series of JSON values. Not
    available (no user namespaces) is a failure, never a skip."""
    done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-euc", script],
                          capture_output=True, text=True, encoding="utf-8", timeout=600,
                          env={**os.environ, "APP": str(Path(sys.executable).with_name("counter-app")),
                               "COUNT": COUNT_RECORDS, **env})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    found, text, decoder = [], done.stdout, json.JSONDecoder()
    while text.strip():
        value, end = decoder.raw_decode(text.lstrip())
        found.append(value)
        text = text.lstrip()[end:]
    return found


def test_a_full_disk_says_so_saves_nothing_and_the_work_continues_once_space_is_freed(data_dir, tmp_path):
    # Probe: a full disk gave "程序内部错误：disk I/O error" (exit 3). A real full file system: a
    # 4 MiB tmpfs filled up, the command run, the filler removed, the command run again.
    form = form_file(tmp_path, {**info_change_form(), "materials": ["id_card"]})
    disk = tmp_path / "disk"
    disk.mkdir()
    script = """
mount -t tmpfs -o size=4m tmpfs "$DISK"
cp -a "$SRC" "$DISK/station"
dd if=/dev/zero of="$DISK/filler" bs=4096 2>/dev/null || true
set +e
"$APP" --data-dir "$DISK/station" apply info-change --json-file "$FORM"; printf '{"rc": %s}' $?
rm "$DISK/filler"
"$APP" --data-dir "$DISK/station" records --json | python3 -c "$COUNT"
"$APP" --data-dir "$DISK/station" apply info-change --json-file "$FORM"; printf '{"rc": %s}' $?
"$APP" --data-dir "$DISK/station" audit verify --offline --json; printf '{"rc": %s}' $?
"""
    full, full_rc, after_free, taken, taken_rc, verdict, verdict_rc = in_own_mounts(
        script, DISK=str(disk), SRC=str(data_dir), FORM=form)
    assert full_rc == {"rc": 2} and full["errors"][0]["field"] == "disk"
    assert "磁盘空间不足" in full["errors"][0]["message"]
    assert after_free == {"records": 0}  # nothing half-written
    assert taken_rc == {"rc": 0} and taken["receipt_number"]
    assert verdict_rc == {"rc": 0} and verdict["ok"] is True


def test_a_read_only_data_dir_exits_2_naming_it(data_dir, tmp_path):
    # Probe: a read-only data dir gave exit 3. The folder is bind-mounted read-only (chmod would not
    # stop root, as which the suite may run).
    form = form_file(tmp_path, {**info_change_form(), "materials": ["id_card"]})
    script = """
mount --bind "$DATA" "$DATA"
mount -o remount,ro,bind "$DATA"
set +e
"$APP" --data-dir "$DATA" apply info-change --json-file "$FORM"; printf '{"rc": %s}' $?
"$APP" --data-dir "$DATA" records --json | python3 -c "$COUNT"
"""
    refused, rc, *_ = in_own_mounts(script, DATA=str(data_dir), FORM=form)
    assert rc == {"rc": 2} and refused["errors"][0]["field"] == "data_dir"
    assert "只读" in refused["errors"][0]["message"]


def test_a_broken_policy_file_exits_2_with_file_and_line(data_dir, capsys, monkeypatch):
    broken = "[cities]\nname = \"示范市\"\nthis is not toml\n"
    monkeypatch.setattr("counter_app.services.counter.default_policy", lambda: parse_policy(broken, "demo-city.toml"))
    code, out = cli(capsys, monkeypatch, data_dir, "records", "--json")
    assert code == 2 and out["errors"][0]["field"] == "policy"
    assert "demo-city.toml:3" in out["errors"][0]["message"]


# --- 9. documents used once ------------------------------------------------------------------------------

@pytest.mark.parametrize(("form", "label"), [
    (withdrawal_form(id_number=W.active, document_no=RENT_LEASE), "租赁合同"),
    (withdrawal_form(id_number=W.active, reason_code="01", variant=None, amount="30000.00", event_date="2026-10-01",
                     document_no=PURCHASE_CONTRACT), "购房合同"),
])
def test_a_document_another_worker_used_is_refused(counter, form, label):
    # Probe: the same purchase contract or lease number was accepted for unrelated workers.
    refused = take(counter, "withdrawal", form)
    errors = {e.field: e.message for e in refused.errors}
    assert not refused.ok and "document_no" in errors and "其他职工" in errors["document_no"]


def test_a_document_another_workers_pending_withdrawal_uses_is_refused(counter):
    assert take(counter, "withdrawal", withdrawal_form(id_number=W.active, document_no="ZL-2026-0500")).ok
    again = take(counter, "withdrawal", withdrawal_form(id_number=W.repaid, document_no="zl 2026-0500"))
    assert not again.ok and any(e.field == "document_no" and "在办" in e.message for e in again.errors)
