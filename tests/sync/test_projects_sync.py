"""Projects decided at the real central PostgreSQL reach every station of the city: a project admitted
through one station's counter admits loans at a station of another district; a refusal, an expired
agreement and the centre's suspension refuse them; the centre will not admit without an agreement."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from station_helpers import factory

from counter_app.demo.codes import org_code
from counter_app.domain.ids import make_resident_id, make_uscc
from counter_app.services import open_counter, required_materials, submit_application
from counter_app.services.applications import evaluate
from counter_app.services.counter import Counter
from counter_app.services.projects import project_choices
from counter_app.store import Store
from counter_app.sync import central_cli, central_db, central_projects
from counter_app.sync.central_errors import CentralError
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres

BORROWER = make_resident_id("620102", date(1988, 5, 15), 11)
DEVELOPER = make_uscc("91620102" + org_code("MA000019"))
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
PROJECT = {
    "uscc": DEVELOPER, "admission_type": "new", "project_name": "南山花园", "project_address": "南山镇花园路1号",
    "district": "01", "buildings": "12", "units": "860", "land_cert_no": "示国用2025第0101号",
    "land_planning_permit_no": "地字0012", "works_planning_permit_no": "建字0031",
    "construction_permit_no": "620102202506150101", "presale_permit_no": "示房预售证2026018",
    "escrow_bank": "中国建设银行示范市分行", "escrow_account": "62001590000052500018"}


def a_station(central, path: Path, district: str, clock=lambda: NOW) -> tuple[Counter, object]:
    """A station of ``district`` whose centre holds the developer and the borrower there (its first
    sync replaces the store's reference rows with the centre's)."""
    station = central.add_station(district=district)
    with central.connect() as owner:
        owner.execute("INSERT INTO central.employers (uscc, name, district) VALUES (%s, '示范市安居置业有限公司', %s)"
                      " ON CONFLICT DO NOTHING", (DEVELOPER, district))
        owner.execute("INSERT INTO central.workers (id_number, name, district) VALUES (%s, '王五', %s)",
                      (BORROWER, district))
        owner.execute("INSERT INTO central.accounts (account_no, id_number, status, balance, monthly_base,"
                      " monthly_contribution, consecutive_months, district)"
                      " VALUES (%s, %s, '01', 80000, 8000, 1920, 48, %s)", (f"{station.code}-1", BORROWER, district))
    store = Store.open(path)
    with store.unit_of_work(write=True) as uow:
        uow.settings.set("station_code", station.code)
        uow.commit()
    store.close()
    counter = open_counter(path, clock=clock)
    sync_once(counter.store, factory(station))
    return counter, station


def admit(counter: Counter, form: dict) -> str:
    materials = [m.code.split("|")[0] for m in required_materials(counter, "project-admission", form)]
    result = submit_application(counter, "project-admission", {**form, "materials": materials})
    assert result.ok, result.errors
    return str(result.receipt_number)


def loan_problem(counter: Counter, project: str) -> str | None:
    """The loan's message beside the project field (None when the project passes)."""
    form = {"id_number": BORROWER, "borrower_category": "general", "monthly_income": "9000", "monthly_debt": "0",
            "project_name": project, "house_price": "300000", "months": "120", "amount": "100000", "method": "01"}
    with counter.store.unit_of_work() as uow:
        result = evaluate(counter, "loan", form, uow)
    return next((e.message for e in result.errors if e.field == "project_name"), None)


def test_a_project_admitted_through_one_station_admits_loans_at_another_district(central, tmp_path) -> None:
    taker, a = a_station(central, tmp_path / "a", "D1")
    lender, b = a_station(central, tmp_path / "b", "D2")
    try:
        receipt = admit(taker, PROJECT)
        sync_once(taker.store, factory(a))
        sync_once(lender.store, factory(b))
        assert "未办理住房公积金贷款准入" in loan_problem(lender, "南山花园")  # not decided yet: unknown there

        with central.connect() as owner, pytest.raises(CentralError) as refused:
            central_db.decide(owner, receipt, "approve", by="审批员")  # a new project needs its agreement
        assert refused.value.field == "agreement_no"
        with central.connect() as owner:
            decided = central_db.decide(owner, receipt, "approve", by="审批员", agreement_no="HZ2026-031",
                                        valid_until=date(2029, 12, 31))
        assert decided["project"] == "admitted" and decided["reason"].startswith("合作协议编号 HZ2026-031")

        sync_once(lender.store, factory(b))
        [project] = project_choices(lender)
        assert (project.name, project.developer, project.agreement_no, project.valid_until) == (
            "南山花园", "示范市安居置业有限公司", "HZ2026-031", date(2029, 12, 31))
        assert loan_problem(lender, "南山 花园") is None, "admitted through station A, lent on at station B"
        assert "未办理" in loan_problem(lender, "无名小区")

        with central.connect() as owner:
            central_projects.suspend(owner, "南山花园", "开发企业挪用监管资金")
        sync_once(lender.store, factory(b))
        sync_once(taker.store, factory(a))
        for counter in (lender, taker):  # the taker's own approved admission does not outrank the centre
            message = loan_problem(counter, "南山花园")
            assert "暂停" in message and "挪用监管资金" in message
        assert project_choices(lender) == []
    finally:
        taker.close()
        lender.close()


def test_refusal_expiry_and_a_new_station_snapshot(central, tmp_path) -> None:
    taker, a = a_station(central, tmp_path / "a", "D1")
    try:
        first = admit(taker, PROJECT)
        refused = admit(taker, {**PROJECT, "project_name": "西山别院", "presale_permit_no": "示房预售证2026019"})
        sync_once(taker.store, factory(a))
        with central.connect() as owner:
            centre_today = owner.execute("SELECT current_date").fetchone()[0]
            ends = centre_today + timedelta(days=1)  # in force at the centre, over at the later station's clock
            with pytest.raises(CentralError) as late:
                central_db.decide(owner, first, "approve", by="审批员", agreement_no="HZ2026-040",
                                  valid_until=centre_today - timedelta(days=1))
            assert late.value.field == "valid_until"
            central_db.decide(owner, first, "approve", by="审批员", agreement_no="HZ2026-040", valid_until=ends)
            assert central_db.decide(owner, refused, "reject", "资金监管协议未备案", by="审批员")["project"] == "refused"
            with pytest.raises(CentralError) as wrong:
                central_db.decide(owner, refused, "needs-more", "补充材料", by="审批员", agreement_no="X1",
                                  valid_until=date(2030, 1, 1))
            assert wrong.value.field == "agreement_no"
        # A station that joins later gets the city's projects in its first snapshot.
        after = datetime.combine(ends + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
        later, _b = a_station(central, tmp_path / "b", "D3", clock=lambda: after)
        try:
            assert f"已于{ends.isoformat()}到期" in loan_problem(later, "南山花园")
            assert "未获住房公积金贷款准入" in loan_problem(later, "西山别院")
        finally:
            later.close()
        sync_once(taker.store, factory(a))
        assert loan_problem(taker, "南山花园") is None  # still in force on the 23rd
    finally:
        taker.close()


def test_a_refused_second_application_leaves_the_admission_and_the_cli_lists_it(central, tmp_path, capsys) -> None:
    taker, a = a_station(central, tmp_path / "a", "D1")
    try:
        first = admit(taker, PROJECT)
        sync_once(taker.store, factory(a))
        with central.connect() as owner:
            central_db.decide(owner, first, "approve", by="审批员", agreement_no="HZ2026-050",
                              valid_until=date(2030, 6, 30))
        sync_once(taker.store, factory(a))
        second = admit(taker, PROJECT)  # a second application (a new phase) while the first is in force
        sync_once(taker.store, factory(a))
        with central.connect() as owner:
            assert central_db.decide(owner, second, "reject", "重复申请", by="审批员")["project"] == "admitted"
        assert central_cli.main(["projects", "--dsn", central.dsn, "--json"]) == 0
        listed = [p for p in json.loads(capsys.readouterr().out)["projects"] if p["name"] == "南山花园"]
        assert [(p["standing"], p["agreement_no"], p["valid_until"], p["station_code"]) for p in listed] == [
            ("admitted", "HZ2026-050", "2030-06-30", a.code)]
        assert central_cli.main(["projects", "--dsn", central.dsn, "--suspend", "南山花园"]) == 2  # no reason: refused
        assert "原因" in capsys.readouterr().err
    finally:
        taker.close()


def test_the_demo_centre_sends_its_estates_to_every_station(central, tmp_path) -> None:
    """``counter-central seed-demo``: the demo city's projects are the centre's (six in force, one
    expired, one suspended); a station of any district pulls all of them and its loans see them."""
    from counter_app.domain.projects import loan_problem as problem
    from counter_app.services.projects import project_standings
    from counter_app.sync import central_seed

    with central.connect() as owner:
        counts = central_seed.seed_demo(owner, workers=200, employers=20, seed=1)
        rows = central_projects.list_projects(owner)
        feed = owner.execute("SELECT count(*) FROM central.change_feed WHERE entity = 'project'").fetchone()[0]
        district = owner.execute("SELECT district FROM central.workers GROUP BY 1 ORDER BY count(*) LIMIT 1"
                                 ).fetchone()[0]
    assert counts["projects"] == len(rows) == feed == 8
    station = central.add_station(district=district)
    path = tmp_path / "s"
    store = Store.open(path)
    with store.unit_of_work(write=True) as uow:
        uow.settings.set("station_code", station.code)
        uow.commit()
    store.close()
    with open_counter(path) as counter:
        sync_once(counter.store, factory(station))
        today = counter.today()
        offered = {p.name for p in project_choices(counter)}
        with counter.store.unit_of_work() as uow:
            standings = project_standings(uow)
    assert offered == {r["name"] for r in rows if r["standing"] == "admitted" and r["valid_until"] >= today.isoformat()}
    assert len(offered) == 6
    [expired] = [r["name"] for r in rows if r["standing"] == "admitted" and r["valid_until"] < today.isoformat()]
    [suspended] = [r["name"] for r in rows if r["standing"] == "suspended"]
    assert "到期" in (problem(expired, standings, today) or "")
    assert "暂停" in (problem(suspended, standings, today) or "")


def test_a_suspension_is_lifted_by_the_cli_and_loans_are_taken_again(central, tmp_path, capsys) -> None:
    taker, a = a_station(central, tmp_path / "a", "D1")
    try:
        receipt = admit(taker, PROJECT)
        sync_once(taker.store, factory(a))
        with central.connect() as owner:
            central_db.decide(owner, receipt, "approve", by="审批员", agreement_no="HZ2026-061",
                              valid_until=date(2030, 6, 30))
        assert central_cli.main(["projects", "--dsn", central.dsn, "--suspend", "南山花园", "--reason", "监管资金未到位"]) == 0
        capsys.readouterr()
        sync_once(taker.store, factory(a))
        assert "暂停" in loan_problem(taker, "南山花园")
        assert central_cli.main(["projects", "--dsn", central.dsn, "--reinstate", "南山花园"]) == 2  # no reason
        assert "原因" in capsys.readouterr().err
        assert central_cli.main(["projects", "--dsn", central.dsn, "--reinstate", "南山花园", "--reason",
                                 "监管资金已补足", "--json"]) == 0
        [row] = json.loads(capsys.readouterr().out)["projects"]
        assert (row["standing"], row["agreement_no"], row["valid_until"]) == ("admitted", "HZ2026-061", "2030-06-30")
        assert "监管资金已补足" in row["note"]
        sync_once(taker.store, factory(a))
        assert loan_problem(taker, "南山花园") is None, "the station takes the project's loans again"
        assert [p.name for p in project_choices(taker)] == ["南山花园"]
        assert central_cli.main(["projects", "--dsn", central.dsn, "--reinstate", "南山花园", "--reason", "x"]) == 2
        assert "没有被暂停" in capsys.readouterr().err
        with central.connect() as owner:  # a suspended project whose agreement has ended needs a new admission
            central_projects.suspend(owner, "南山花园", "复查")
            owner.execute("UPDATE central.projects SET valid_until = current_date - 1 WHERE name = '南山花园'")
            with pytest.raises(CentralError, match="到期"):
                central_projects.reinstate(owner, "南山花园", "复查完毕")
    finally:
        taker.close()
