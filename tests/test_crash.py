"""Crash handling: scrubbed reports, Chinese message, drafts saved, restart (bounded), real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app import crash
from counter_app.domain.ids import resident_id_check_char


@st.composite
def resident_ids(draw) -> str:
    body = draw(st.text("0123456789", min_size=17, max_size=17))
    return body + resident_id_check_char(body)


mobiles = st.builds(lambda second, rest: f"1{second}{rest}", st.sampled_from("3456789"),
                    st.text("0123456789", min_size=9, max_size=9))
cards = st.text("0123456789", min_size=16, max_size=19)
surroundings = st.text(st.characters(blacklist_categories=("Nd", "Lu", "Ll", "Cs")), max_size=12)


def grouped(number: str, sep: str) -> str:
    return sep.join(number[i:i + 4] for i in range(0, len(number), 4))


@given(resident_ids(), mobiles, cards, surroundings, st.sampled_from(["", " ", "-"]))
def test_numbers_that_identify_people_never_survive(id_number, mobile, card, around, sep) -> None:
    text = f"{around}证件{id_number}{around}，手机 {mobile}；卡号 {grouped(card, sep)}{around}"
    cleaned = crash.scrub(text)
    flat = cleaned.replace(" ", "").replace("-", "")
    for secret in (id_number, mobile, card):
        assert secret not in flat
    assert around in cleaned and "手机" in cleaned and "卡号" in cleaned


@pytest.mark.parametrize(("text", "secret"), [
    ("connection failed: host=10.0.0.5 dbname=hpf user=station_cg01 password=S3cr3t!x", "S3cr3t!x"),
    ("dsn postgresql://station_cg01:pa55w0rd@10.0.0.5:5432/hpf refused", "pa55w0rd"),
    ("conninfo \"password='with space' host=c\"", "with space"),
    ("PGPASSWORD=topsecret psql", "topsecret"),
])
def test_passwords_in_connection_strings_are_hidden(text: str, secret: str) -> None:
    cleaned = crash.scrub(text)
    assert secret not in cleaned and "***" in cleaned


def test_short_numbers_and_code_locations_stay_readable() -> None:
    text = 'File "counter_app/services/loans.py", line 123, in preview\n  amount 4270.16, months 360, 2025-01-02'
    assert crash.scrub(text) == text


def test_form_values_of_personal_fields_are_hidden_wherever_they_appear() -> None:
    form = {"name": "欧阳娜娜", "address": "南山镇幸福路8号", "new_name": "张𠮷", "sex": "2", "id_type": "01",
            "reason_code": "07", "amount": "5000.00"}
    secrets = crash.personal_values(form)
    assert sorted(secrets) == sorted(["欧阳娜娜", "南山镇幸福路8号", "张𠮷"])
    cleaned = crash.scrub("ValueError: 姓名欧阳娜娜与张𠮷不符，地址 南山镇幸福路8号, 性别 2", secrets)
    assert all(value not in cleaned for value in secrets)
    assert "性别 2" in cleaned  # one-character codes are not treated as secrets


def test_the_report_names_versions_and_hides_the_home_folder() -> None:
    try:
        raise OSError(f"cannot open {Path.home()}/station.sqlite3")
    except OSError as exc:
        text = crash.report_text(type(exc), exc, exc.__traceback__)
    assert "~/station.sqlite3" in text and f"{Path.home()}/" not in text
    assert "counter-app " in text and "Python 3." in text


@pytest.fixture
def handler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(crash.RESTART_ENV, raising=False)
    events: dict[str, list] = {"notify": [], "spawn": [], "exit": [], "saved": []}
    h = crash.CrashHandler(
        tmp_path / "data",
        form_values=lambda: {"name": "欧阳娜娜", "id_number": "11010519491231002X", "sex": "1"},
        notify=events["notify"].append,
        spawn=lambda command, env: events["spawn"].append((command, env)),
        exit=events["exit"].append,
    )
    h.draft_savers.append(lambda: events["saved"].append(True))
    h.events = events  # type: ignore[attr-defined]
    return h


def crash_with_secrets() -> None:
    dsn = "postgresql://station_cg01:pa55w0rd@10.0.0.5/hpf"
    raise RuntimeError(f"submit failed for 欧阳娜娜 11010519491231002X card 6222021234567890123 via {dsn}")


def test_a_crash_writes_a_scrubbed_report_saves_drafts_tells_the_clerk_and_restarts(handler) -> None:
    try:
        crash_with_secrets()
    except RuntimeError:
        handler(*sys.exc_info())
    [report] = (handler.data_dir / crash.CRASH_DIR).glob("crash-*.txt")
    text = report.read_text(encoding="utf-8")
    assert "crash_with_secrets" in text and "RuntimeError" in text and "counter-app" in text
    for secret in ("欧阳娜娜", "11010519491231002X", "6222021234567890123", "pa55w0rd"):
        assert secret not in text
    events = handler.events
    assert events["saved"] == [True]
    [message] = events["notify"]
    assert "程序将自动重新启动" in message and str(report) in message
    [(command, env)] = events["spawn"]
    assert command == crash.restart_command() and env[crash.RESTART_ENV] == "1"
    assert events["exit"] == [crash.EXIT_CRASHED]


def test_restarts_stop_after_a_series_of_quick_crashes(handler, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(crash.RESTART_ENV, str(crash.MAX_RESTARTS))
    try:
        crash_with_secrets()
    except RuntimeError:
        handler(*sys.exc_info())
    assert handler.events["spawn"] == []
    assert "已停止自动重启" in handler.events["notify"][0]
    handler.started -= crash.STABLE_AFTER_S + 1  # the same crash after a long stable run restarts
    try:
        crash_with_secrets()
    except RuntimeError:
        handler(*sys.exc_info())
    assert handler.events["spawn"][0][1][crash.RESTART_ENV] == "1"


def test_a_failing_draft_saver_is_reported_and_the_others_still_run(handler) -> None:
    def broken() -> None:
        raise OSError("disk full")

    handler.draft_savers.insert(0, broken)
    try:
        crash_with_secrets()
    except RuntimeError:
        handler(*sys.exc_info())
    assert handler.events["saved"] == [True]
    reports = [p.read_text(encoding="utf-8") for p in (handler.data_dir / crash.CRASH_DIR).glob("crash-*.txt")]
    assert len(reports) == 2 and any("disk full" in r for r in reports)


def test_a_worker_thread_exception_is_reported_and_the_app_goes_on(handler, monkeypatch) -> None:
    monkeypatch.setattr(threading, "excepthook", handler.on_thread_exception)
    worker = threading.Thread(target=crash_with_secrets, name="sync-worker")
    worker.start()
    worker.join()
    [report] = (handler.data_dir / crash.CRASH_DIR).glob("crash-*.txt")
    text = report.read_text(encoding="utf-8")
    assert "sync-worker" in text and "11010519491231002X" not in text
    assert handler.events["exit"] == [] and handler.events["notify"] == []


def test_an_exception_reaching_the_hook_on_a_worker_thread_only_writes_a_report(handler) -> None:
    def worker() -> None:
        try:
            crash_with_secrets()
        except RuntimeError:
            handler(*sys.exc_info())  # as PySide does for an exception in QRunnable.run

    thread = threading.Thread(target=worker, name="pool-1")
    thread.start()
    thread.join()
    [report] = (handler.data_dir / crash.CRASH_DIR).glob("crash-*.txt")
    assert "pool-1" in report.read_text(encoding="utf-8")
    assert handler.events["notify"] == [] and handler.events["spawn"] == [] and handler.events["exit"] == []


SCRIPT = textwrap.dedent("""
    import os, sys
    from counter_app import crash
    if os.environ.get(crash.RESTART_ENV):
        print("restarted", os.environ[crash.RESTART_ENV], flush=True)
        sys.exit(0)
    crash.install(sys.argv[1], restart=sys.argv[2] == "restart")
    raise ValueError("bad id 11010519491231002X")
""")


def run_crashing(tmp_path: Path, mode: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "crashing.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != crash.RESTART_ENV}
    # capture_output waits for the pipes' end: the restarted child inherits them, so it is awaited too.
    return subprocess.run([sys.executable, str(script), str(tmp_path / "data"), mode],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)


def test_a_real_process_reports_in_chinese_and_exits_without_a_traceback(tmp_path: Path) -> None:
    done = run_crashing(tmp_path, "no-restart")
    assert done.returncode == crash.EXIT_CRASHED
    assert "需要关闭" in done.stderr and "Traceback" not in done.stderr and "restarted" not in done.stdout
    [report] = (tmp_path / "data" / crash.CRASH_DIR).glob("crash-*.txt")
    text = report.read_text(encoding="utf-8")
    assert "ValueError" in text and "11010519491231002X" not in text
    assert (tmp_path / "data" / crash.CRASH_DIR / "fatal.log").exists()


def test_relaunch_starts_the_same_command_line_without_the_crash_count(monkeypatch) -> None:
    started: list[tuple[list[str], dict[str, str]]] = []
    monkeypatch.setattr(crash, "_spawn", lambda command, env: started.append((command, env)))
    monkeypatch.setenv(crash.RESTART_ENV, "2")
    crash.relaunch()
    [(command, env)] = started
    assert command == crash.restart_command() and crash.RESTART_ENV not in env


def test_a_real_process_restarts_itself(tmp_path: Path) -> None:
    done = run_crashing(tmp_path, "restart")
    assert done.returncode == crash.EXIT_CRASHED
    assert "restarted 1" in done.stdout
