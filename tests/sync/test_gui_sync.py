"""The counter window syncs with a real centre: background rounds at start, 同步 (F5) on demand."""

from __future__ import annotations

import psycopg
import pytest
from test_sync_cli import connect

from counter_app import services
from counter_app.domain.ids import make_uscc_of

pytestmark = pytest.mark.postgres


def establish_form(counter, n: int) -> dict:
    form = {
        "uscc": make_uscc_of("91620102", f"00000{n:03d}"), "employer_name": f"示范市同步测试{n}号有限公司", "legal_rep": "黄伟",
        "employer_address": "示范市南山镇", "contact_name": "林芳", "contact_mobile": "13712345678",
        "bank_name": "中国建设银行", "bank_account": "62000001234567890", "worker_ratio": "10",
        "employer_ratio": "10", "first_month": "2026-12",
    }
    form["materials"] = [m.code for m in services.required_materials(counter, "establish-employer", form)]
    return form


def inbox_count(central) -> int:
    with psycopg.connect(central.dsn) as conn:
        return conn.execute("SELECT count(*) FROM central.inbox").fetchone()[0]


def test_window_syncs_in_the_background_and_on_f5(qtbot, central, file_keyring, tmp_path, capsys, monkeypatch):
    from counter_app.gui.app import create_main_window

    station = central.add_station()
    data = tmp_path / "data"
    assert connect(capsys, monkeypatch, data, station)[0] == 0
    with services.open_counter(data) as counter:  # taken while "offline": waiting in the outbox
        assert services.submit_application(counter, "establish-employer", establish_form(counter, 1)).ok

    window = create_main_window(data)
    qtbot.addWidget(window)
    # The background runner's first round starts at once and sends what waited.
    qtbot.waitUntil(lambda: inbox_count(central) == 1, timeout=30000)
    assert window.background_sync is not None and window.background_sync.thread.is_alive()

    assert services.submit_application(window.counter, "establish-employer", establish_form(window.counter, 2)).ok
    window.action_sync.trigger()  # 同步 (F5)
    qtbot.waitUntil(lambda: inbox_count(central) == 2, timeout=30000)
    qtbot.waitUntil(lambda: window.status.last is not None and window.status.last.pending == 0
                    and window.status.last.connection == "online", timeout=30000)
    window.close()
    assert not window.background_sync.thread.is_alive()
