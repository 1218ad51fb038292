"""Station settings: validation with Chinese field messages, storage, the live counter, the centre test."""

from __future__ import annotations

import shutil
import string
from pathlib import Path

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.normalize import normalize_text
from counter_app.services import open_counter
from counter_app.services.settings import (
    DOCUMENT_KINDS,
    StationSettings,
    central_password,
    check_dsn,
    check_station_code,
    check_terminal,
    keyring_account,
    load_settings,
    needs_setup,
    normalize_settings,
    save_central_password,
    save_settings,
    test_connection,
)


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("settings") / "station"
    open_counter(path).close()
    return path


@pytest.fixture
def fresh(empty_template: Path, tmp_path: Path):
    target = tmp_path / "station"
    shutil.copytree(empty_template, target)
    counter = open_counter(target)
    yield counter
    counter.close()


def fields_of(problems) -> set[str]:
    return {p.field for p in problems}


def test_a_new_store_is_not_configured_and_offline(fresh) -> None:
    settings = load_settings(fresh)
    assert not settings.configured
    assert settings.offline
    assert settings.terminal == "01" and settings.language == "zh_CN"


def test_a_demo_city_needs_no_setup_and_a_new_station_does(fresh) -> None:
    assert needs_setup(fresh)
    with fresh.store.unit_of_work(write=True) as uow:
        uow.settings.set("demo_seeded", True)  # what open_counter(demo=True) leaves
        uow.commit()
    assert not needs_setup(fresh) and not load_settings(fresh).configured


def test_save_normalises_stores_and_updates_the_open_counter(fresh) -> None:
    problems = save_settings(fresh, {
        "station_code": "ｃｇ-02", "station_name": "  城关区东关镇服务站 ", "terminal": "3",
        "central_dsn": "postgresql://station_cg02@10.0.0.5:5432/hpf", "language": "en",
        "printer_receipt": "EPSON LQ-630K",
    })
    assert problems == []
    settings = load_settings(fresh)
    assert (settings.station_code, settings.station_name, settings.terminal) == ("CG02", "城关区东关镇服务站", "03")
    assert settings.printer_for("receipt") == "EPSON LQ-630K" and settings.printer_for("form") == ""
    assert settings.language == "en" and not settings.offline
    assert (fresh.station_code, fresh.station_name, fresh.terminal) == ("CG02", "城关区东关镇服务站", "03")
    # A reopened counter reads the same station (open_counter uses these keys).
    fresh.close()
    with open_counter(fresh.data_dir) as again:
        assert (again.station_code, again.terminal) == ("CG02", "03")


def test_an_error_stores_nothing_and_names_every_bad_field(fresh) -> None:
    problems = save_settings(fresh, {"station_code": "CG03", "terminal": "100", "language": "fr"})
    assert fields_of(problems) == {"terminal", "language"}
    assert all(p.severity == "error" for p in problems)
    assert any("窗口号" in p.message for p in problems)
    assert not load_settings(fresh).configured


def test_unknown_keys_are_refused(fresh) -> None:
    problems = save_settings(fresh, {"station_code": "CG03", "admin": "1"})
    assert [(p.field, p.message) for p in problems] == [("admin", "未知的设置项")]


def test_a_printer_missing_on_this_pc_warns_but_saves(fresh) -> None:
    problems = save_settings(fresh, {"printer_notice": "Office Laser"}, available_printers=["EPSON LQ-630K"])
    assert [(p.field, p.severity) for p in problems] == [("printer_notice", "warning")]
    assert "通知书" in problems[0].message
    assert load_settings(fresh).printer_for("notice") == "Office Laser"


def test_clearing_the_dsn_means_work_offline(fresh) -> None:
    assert save_settings(fresh, {"central_dsn": "host=c dbname=hpf user=station_cg01"}) == []
    assert not load_settings(fresh).offline
    assert save_settings(fresh, {"central_dsn": "  "}) == []
    assert load_settings(fresh).offline


@pytest.mark.parametrize("code", ["CG01", "QS02", "A1", "TOWN_07", "BS01"])
def test_station_codes_accepted(code: str) -> None:
    assert check_station_code(code) == (code, [])


@pytest.mark.parametrize("code", ["", "1CG", "C", "CG01CG01CG01X", "城关01", "CG.01"])
def test_station_codes_refused_with_a_chinese_message(code: str) -> None:
    _, problems = check_station_code(code)
    assert fields_of(problems) == {"station_code"}
    assert "服务站代码" in problems[0].message


@given(st.integers(min_value=1, max_value=99))
def test_every_terminal_from_1_to_99_is_two_digits(n: int) -> None:
    for raw in (str(n), f"{n:02d}", f"{n:02d}".translate(str.maketrans(string.digits, "０１２３４５６７８９"))):
        assert check_terminal(raw) == (f"{n:02d}", [])


def digits_after_nfkc(text: str) -> bool:
    cleaned = normalize_text(text)  # ² and full-width ２ are digits once normalised, as typed by an IME
    return cleaned.isascii() and cleaned.isdigit()


@given(st.text(max_size=4).filter(lambda t: not digits_after_nfkc(t)))
def test_non_numeric_terminals_are_refused(raw: str) -> None:
    _value, problems = check_terminal(raw)
    assert fields_of(problems) == {"terminal"}


@pytest.mark.parametrize("raw", ["0", "00", "100", "-1"])
def test_out_of_range_terminals_are_refused(raw: str) -> None:
    assert fields_of(check_terminal(raw)[1]) == {"terminal"}


@pytest.mark.parametrize(("dsn", "needle"), [
    ("postgresql://u:secret@h/db", "密码"),
    ("host=h dbname=db user=u password=secret", "密码"),
    ("postgresql://u@h", "数据库名"),
    ("dbname=db user=u", "服务器地址"),
    ("postgresql://h/db", "用户名"),
    ("host=h dbname", "格式不正确"),
    ("postgresql://u@h:99999/db", "端口"),
])
def test_dsn_problems_are_named(dsn: str, needle: str) -> None:
    _, problems = check_dsn(dsn)
    assert problems and all(p.field == "central_dsn" for p in problems)
    assert any(needle in p.message for p in problems)
    assert all("secret" not in p.message for p in problems)


def test_as_values_round_trips_through_normalize() -> None:
    settings = StationSettings(station_code="CG01", station_name="南山镇服务站", terminal="02",
                               printers={kind: f"P-{kind}" for kind in DOCUMENT_KINDS})
    values, problems = normalize_settings(settings.as_values())
    assert problems == [] and values == settings.as_values()


def test_connection_refused_early_for_a_bad_dsn() -> None:
    result = test_connection("postgresql://u:pw@h/db", "pw")
    assert not result.ok and "密码" in result.message


def test_connection_to_a_closed_port_is_a_chinese_sentence() -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = test_connection(f"postgresql://station_x@127.0.0.1:{port}/hpf", "pw", timeout=2)
    assert not result.ok and "无法连接" in result.message


@pytest.mark.postgres
def test_connection_against_the_real_server(pg_dsn: str) -> None:
    parts = psycopg.conninfo.conninfo_to_dict(pg_dsn)
    password = parts.pop("password")
    dsn = psycopg.conninfo.make_conninfo(**parts)
    assert test_connection(dsn, "wrong").message == "用户名或密码不正确"
    not_central = test_connection(dsn, password)
    assert not not_central.ok and "counter-central init" in not_central.message
    with psycopg.connect(pg_dsn, autocommit=True) as conn:
        conn.execute("CREATE SCHEMA central; CREATE TABLE central.stations (code text)")
    assert test_connection(dsn, password).ok
    missing = psycopg.conninfo.make_conninfo(**{**parts, "dbname": "no_such_db"})
    assert "数据库不存在" in test_connection(missing, password).message


def test_the_password_goes_to_the_keyring_under_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    saved: dict[tuple[str, str], str] = {}
    monkeypatch.setattr(keyring, "set_password", lambda s, a, p: saved.__setitem__((s, a), p))
    monkeypatch.setattr(keyring, "get_password", lambda s, a: saved.get((s, a)))
    dsn = "host=10.0.0.5 dbname=hpf user=station_cg01"
    save_central_password(dsn, "pw-1")
    assert keyring_account(dsn) == "station_cg01@10.0.0.5:5432/hpf"
    assert central_password("postgresql://station_cg01@10.0.0.5/hpf") == "pw-1"
    assert central_password("postgresql://station_cg02@10.0.0.5/hpf") is None
