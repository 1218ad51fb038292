"""``counter-central`` command line: JSON contracts, errors as values, DSN from the environment."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

from counter_app.sync.central_cli import main

pytestmark = pytest.mark.postgres


def run(capsys, *argv: str) -> tuple[int, object]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip().startswith(("{", "[")) else out


@pytest.fixture
def initialised(pg_dsn, capsys, drop_roles):
    group = "grp_" + uuid.uuid4().hex[:10]
    roles = [group]
    code, out = run(capsys, "init", "--dsn", pg_dsn, "--group-role", group, "--json")
    assert code == 0 and out == {"initialized": True, "group_role": group}
    yield pg_dsn, roles
    drop_roles(pg_dsn, roles[1:] + roles[:1])


def test_add_station_prints_credentials_once_and_they_log_in(initialised, capsys):
    dsn, roles = initialised
    station = "S" + uuid.uuid4().hex[:6].upper()
    code, creds = run(capsys, "add-station", station, "--name", "城关镇服务站", "--district", "城关区", "--dsn", dsn, "--json")
    roles.append(creds["role"])
    assert code == 0 and set(creds) == {"code", "role", "password"} and creds["code"] == station
    with psycopg.connect(make_conninfo(dsn, user=creds["role"], password=creds["password"])) as conn:
        assert conn.execute("SELECT code FROM central.stations").fetchall() == [(station,)]
    code, again = run(capsys, "add-station", station, "--name", "x", "--district", "y", "--dsn", dsn, "--json")
    assert code == 2 and again["errors"][0]["field"] == "code"


def test_status_and_decide_through_the_environment_dsn(initialised, capsys, monkeypatch):
    dsn, roles = initialised
    monkeypatch.setenv("COUNTER_CENTRAL_DSN", dsn)
    station = "S" + uuid.uuid4().hex[:6].upper()
    _, creds = run(capsys, "add-station", station, "--name", "n", "--district", "d", "--json")
    roles.append(creds["role"])
    cid = str(uuid.uuid4())
    receipt = f"{station}-01-20261123-0001"
    with psycopg.connect(make_conninfo(dsn, user=creds["role"], password=creds["password"])) as conn:
        conn.execute("INSERT INTO central.inbox (client_id, station_code, terminal, receipt_number, kind,"
                     " subject_key, fields, clerk, created_at) VALUES (%s, %s, '01', %s, 'withdrawal', 'x', '{}',"
                     " 'c', now())", (cid, station, receipt))
    code, status = run(capsys, "status", "--json")
    assert code == 0 and status["stations"][0]["code"] == station and status["stations"][0]["received"] == 1
    assert status["stations"][0]["last_contact"]
    code, decided = run(capsys, "decide", receipt, "needs-more", "--reason", "缺少身份证复印件", "--json")
    assert code == 0 and decided["client_id"] == cid and decided["decision"] == "needs-more"
    code, missing = run(capsys, "decide", "NOPE-1", "approve", "--json")
    assert code == 2 and missing["errors"][0]["field"] == "receipt_number"


def test_missing_dsn_is_a_chinese_error_naming_the_field(capsys, monkeypatch):
    monkeypatch.delenv("COUNTER_CENTRAL_DSN", raising=False)
    code, out = run(capsys, "status", "--json")
    assert code == 2 and out["errors"][0]["field"] == "dsn" and "连接串" in out["errors"][0]["message"]


def test_unreachable_server_is_reported_without_traceback(pg_cluster, capsys):
    dsn = pg_cluster.dsn(password="wrong-password")
    code = main(["status", "--dsn", dsn])
    err = capsys.readouterr().err
    assert code == 2 and "无法连接中心数据库" in err and "用户名或密码不正确" in err and "Traceback" not in err
    assert "wrong-password" not in err


def test_init_with_a_wrong_password_exits_2_without_traceback(pg_cluster, capsys):
    # Attack (issue #17): ``counter-central init`` printed a Python traceback (the migrations run
    # through SQLAlchemy, which wraps the driver's error).
    code = main(["init", "--dsn", pg_cluster.dsn(password="wrong-password")])
    captured = capsys.readouterr()
    assert code == 2 and "无法连接中心数据库：用户名或密码不正确" in captured.err
    assert "Traceback" not in captured.err + captured.out and "wrong-password" not in captured.err


def test_bad_decision_word_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["decide", "R-1", "maybe", "--dsn", "postgresql://x"])
    assert exc.value.code == 2 and "参数错误" in capsys.readouterr().err


def test_seed_demo_loads_the_city_once_and_stations_see_their_district(initialised, capsys):
    dsn, roles = initialised
    code, counts = run(capsys, "seed-demo", "--workers", "300", "--employers", "20", "--dsn", dsn, "--json")
    assert code == 0 and counts["workers"] == 300 and counts["employers"] == 20 and counts["projects"] == 8
    code, again = run(capsys, "seed-demo", "--workers", "10", "--dsn", dsn, "--json")
    assert code == 2 and again["errors"][0]["field"] == "dsn"
    with psycopg.connect(dsn) as owner:
        per_district = dict(owner.execute("SELECT district, count(*) FROM central.workers GROUP BY 1").fetchall())
        feed = owner.execute("SELECT count(*) FROM central.change_feed").fetchone()[0]
        loaded = owner.execute("SELECT (SELECT count(*) FROM central.employers) + (SELECT count(*) FROM central.workers)"
                               " + (SELECT count(*) FROM central.accounts) + (SELECT count(*) FROM central.loans)"
                               " + (SELECT count(*) FROM central.withdrawal_history)"
                               " + (SELECT count(*) FROM central.projects)"
                               " + (SELECT count(*) FROM central.policy_versions)").fetchone()[0]
    district = max(per_district, key=per_district.get)
    _, creds = run(capsys, "add-station", "S" + uuid.uuid4().hex[:6].upper(), "--name", "n", "--district", district,
                   "--dsn", dsn, "--json")
    roles.append(creds["role"])
    with psycopg.connect(make_conninfo(dsn, user=creds["role"], password=creds["password"])) as conn:
        visible = conn.execute("SELECT count(*) FROM central.workers").fetchone()[0]
        foreign = conn.execute("SELECT count(*) FROM central.workers WHERE district <> %s", (district,)).fetchone()[0]
    assert sum(per_district.values()) == 300 and len(per_district) > 1
    assert feed == loaded
    assert visible == per_district[district] and foreign == 0
