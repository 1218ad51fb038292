"""The demo city: valid identifiers, values within policy, realistic mix, determinism, loading."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.demo import DemoCity, generate_city, load_city
from counter_app.demo.names import RARE_CHARS
from counter_app.domain.contribution import monthly_contribution
from counter_app.domain.ids import check_bank_card, check_mobile, check_resident_id, check_uscc
from counter_app.domain.policy import default_policy
from counter_app.store import Store, StoreError

AS_OF = date(2026, 11, 23)
VERSION = default_policy().in_force(AS_OF)


@pytest.fixture(scope="module")
def city() -> DemoCity:
    return generate_city(workers=600, employers=200, seed=7, as_of=AS_OF)


def test_sizes_and_summary(city: DemoCity) -> None:
    summary = city.summary()
    assert (summary["workers"], summary["employers"], summary["accounts"]) == (600, 200, 600)
    assert summary["loans"] == len(city.loans) > 0 and summary["withdrawals"] == len(city.withdrawals) > 0


def test_every_id_number_is_valid_unique_and_matches_birth_and_sex(city: DemoCity) -> None:
    ids = [w.id_number for w in city.workers]
    assert len(set(ids)) == len(ids)
    for worker in city.workers:
        checked = check_resident_id(worker.id_number, today=AS_OF)
        assert checked.ok and not checked.warnings, (worker.id_number, checked.errors, checked.warnings)
        assert checked.facts["birth_date"] == worker.birth_date and checked.facts["sex"] == worker.sex


def test_ages_18_to_65_and_both_sexes(city: DemoCity) -> None:
    ages = [(AS_OF - w.birth_date).days / 365.25 for w in city.workers]
    assert min(ages) >= 18 and max(ages) <= 65
    sexes = Counter(w.sex for w in city.workers)
    assert sexes["1"] > 200 and sexes["2"] > 200


def test_every_uscc_is_valid_and_unique(city: DemoCity) -> None:
    usccs = [e.uscc for e in city.employers]
    assert len(set(usccs)) == len(usccs)
    assert all(check_uscc(code).ok for code in usccs)


def test_cards_and_mobiles_are_valid(city: DemoCity) -> None:
    for worker in city.workers:
        card = check_bank_card(worker.bank_card)
        assert card.ok and not card.warnings
        assert check_mobile(worker.mobile).ok
    assert all(check_mobile(e.contact_mobile).ok for e in city.employers)


def test_names_have_a_realistic_mix(city: DemoCity) -> None:
    names = [w.name for w in city.workers]
    surnames = Counter(n[0] for n in names if "·" not in n)
    assert surnames.most_common(1)[0][0] in "王李张刘陈"
    assert any("·" in n for n in names)
    assert any(ch in n for n in names for ch in RARE_CHARS)
    assert all(2 <= len(n) <= 12 for n in names)


def test_a_share_of_employers_is_unregistered_with_staff_counts(city: DemoCity) -> None:
    unregistered = [e for e in city.employers if not e.registered]
    assert 0.10 <= len(unregistered) / len(city.employers) <= 0.15
    assert all(e.insured_staff and e.insured_staff > 0 and e.account_no is None for e in unregistered)
    employing = {w.employer_uscc for w in city.workers}
    assert not employing & {e.uscc for e in unregistered}  # nobody contributes through them


def test_employers_are_in_the_policy_townships_with_names_of_township_trades(city: DemoCity) -> None:
    townships = {t for d in VERSION.districts.values() for t in d.townships}
    assert {e.township for e in city.employers} == townships
    assert len({e.name for e in city.employers}) == len(city.employers)
    kinds = ("合作社", "建材有限公司", "卫生院", "小学", "超市")
    assert all(any(kind in e.name for e in city.employers) for kind in kinds)
    assert all(e.district in VERSION.districts for e in city.employers)


def test_accounts_respect_policy_bounds(city: DemoCity) -> None:
    c = VERSION.contribution
    workers = {w.id_number for w in city.workers}
    statuses = Counter(a.status for a in city.accounts)
    assert statuses["01"] > 0.8 * len(city.accounts) and statuses["02"] > 0
    for account in city.accounts:
        assert account.id_number in workers
        assert c.base_floor <= account.monthly_base <= c.base_cap
        assert c.ratio_min <= account.worker_ratio <= c.ratio_max
        expected = monthly_contribution(account.monthly_base, account.worker_ratio, account.employer_ratio,
                                        base_floor=c.base_floor, base_cap=c.base_cap).total
        assert account.monthly_contribution == expected
        assert account.balance > 0 and account.balance.as_tuple().exponent == -2
        assert account.opened_on <= AS_OF
    assert len({a.account_no for a in city.accounts}) == len(city.accounts)


def test_loans_and_withdrawals_are_consistent(city: DemoCity) -> None:
    workers = {w.id_number for w in city.workers}
    for loan in city.loans:
        assert loan.id_number in workers and 0 <= loan.outstanding <= loan.principal
        assert loan.annual_rate == VERSION.loan.rate(False, loan.months)
        if loan.outstanding == 0:
            assert loan.status == "settled" and loan.next_due_date is None
        else:  # a live loan knows its next instalment; an overdue one how many months and how much it owes
            assert loan.status == ("overdue" if loan.arrears_months else "repaying")
            assert loan.next_due_date is not None and loan.next_due_date > AS_OF and loan.next_due_amount > 0
            assert loan.arrears_amount == loan.arrears_months * loan.next_due_amount
            assert (loan.overdue_since is None) == (loan.arrears_months == 0)
            assert loan.overdue_since is None or loan.start_date < loan.overdue_since <= AS_OF
    live = [loan for loan in city.loans if loan.outstanding > 0]
    assert 0 < sum(1 for loan in live if loan.arrears_months) < len(live) / 4  # some overdue loans to follow up
    for past in city.withdrawals:
        assert past.id_number in workers and past.amount > 0 and past.day <= AS_OF and past.document_no


def test_same_seed_same_city_other_seed_other_city(city: DemoCity) -> None:
    again = generate_city(workers=600, employers=200, seed=7, as_of=AS_OF)
    assert again == city
    other = generate_city(workers=600, employers=200, seed=8, as_of=AS_OF)
    assert other.workers != city.workers


@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 10**6), workers=st.integers(0, 80), employers=st.integers(1, 30))
def test_any_seed_and_size_gives_valid_codes(seed: int, workers: int, employers: int) -> None:
    small = generate_city(workers=workers, employers=employers, seed=seed, as_of=AS_OF)
    assert len(small.workers) == workers and len(small.employers) == employers
    assert all(check_resident_id(w.id_number, today=AS_OF).ok for w in small.workers)
    assert all(check_uscc(e.uscc).ok for e in small.employers)


def test_loading_into_the_store(tmp_path: Path) -> None:
    small = generate_city(workers=120, employers=20, seed=1, as_of=AS_OF)
    with Store.open(tmp_path) as store:
        assert load_city(store, small) == small.summary()
        with store.unit_of_work() as uow:
            assert uow.workers.count() == 120 and uow.accounts.count() == 120
            worker = small.workers[0]
            assert uow.workers.get(worker.id_number) == worker
            assert len(uow.employers.unregistered()) == small.summary()["unregistered_employers"]
        assert store.search(small.workers[5].id_number)[0].name == small.workers[5].name
        with pytest.raises(StoreError):
            load_city(store, small)  # refuses to load on top of existing reference data
        other = generate_city(workers=30, employers=5, seed=2, as_of=AS_OF)
        load_city(store, other, replace=True)
        with store.unit_of_work() as uow:
            assert uow.workers.count() == 30 and uow.workers.get(worker.id_number) is None


def test_streamed_load_stores_the_same_city(tmp_path: Path) -> None:
    from counter_app.demo import generate_and_load, iter_city

    small = generate_city(workers=90, employers=12, seed=3, as_of=AS_OF)
    pieces = list(iter_city(workers=90, employers=12, seed=3, as_of=AS_OF, chunk=25))
    assert [len(p.workers) for p in pieces] == [0, 25, 25, 25, 15]  # employers first, then people
    with Store.open(tmp_path) as store:
        counts = generate_and_load(store, workers=90, employers=12, seed=3, as_of=AS_OF)
        assert counts == small.summary()
        with store.unit_of_work() as uow:
            assert [uow.workers.get(w.id_number) for w in small.workers] == small.workers
            assert [uow.employers.get(e.uscc) for e in small.employers] == small.employers
            assert uow.accounts.for_person(small.workers[0].id_number) == [
                a for a in small.accounts if a.id_number == small.workers[0].id_number]


def test_a_failure_while_generating_leaves_nothing_stored(tmp_path: Path) -> None:
    from counter_app.demo import load_pieces

    def pieces():
        yield generate_city(workers=20, employers=3, seed=1, as_of=AS_OF)
        raise RuntimeError("generator broke")

    with Store.open(tmp_path) as store:
        with pytest.raises(RuntimeError, match="generator broke"):
            load_pieces(store, pieces())
        with store.unit_of_work() as uow:
            assert uow.workers.count() == 0 and uow.employers.count() == 0


def test_a_failure_while_writing_reaches_the_caller(tmp_path: Path) -> None:
    from counter_app.demo import load_pieces

    city = generate_city(workers=10, employers=2, seed=1, as_of=AS_OF)
    with Store.open(tmp_path) as store:
        with pytest.raises(Exception, match="UNIQUE"):
            load_pieces(store, [city, city, city, city])  # the second piece repeats every key
        with store.unit_of_work() as uow:
            assert uow.workers.count() == 0


def _dump(store: Store) -> dict[str, list[tuple]]:
    """Every reference row (without row ids), sorted: what a clerk could ever read back."""
    import sqlite3

    with sqlite3.connect(store.path) as db:
        tables = ("employers", "workers", "accounts", "loans", "withdrawal_history", "projects", "search_keys")
        return {t: sorted(tuple(v for k, v in zip([c[1] for c in db.execute(f"PRAGMA table_info({t})")], row)
                                if k != "id") for row in db.execute(f"SELECT * FROM {t}")) for t in tables}


def test_a_city_made_in_a_second_process_is_the_same_city(tmp_path: Path) -> None:
    from counter_app.demo import generate_and_load

    with Store.open(tmp_path / "here") as here, Store.open(tmp_path / "child") as child:
        in_process = generate_and_load(here, workers=300, employers=20, seed=5, as_of=AS_OF, parallel=False)
        spawned = generate_and_load(child, workers=300, employers=20, seed=5, as_of=AS_OF, parallel=True)
        assert spawned == in_process and in_process["workers"] == 300
        expected = _dump(here)
        assert len(expected["search_keys"]) > 300
        assert _dump(child) == expected


def test_a_failure_in_the_second_process_reaches_the_caller_and_stores_nothing(tmp_path: Path) -> None:
    from counter_app.demo import generate_and_load

    with Store.open(tmp_path) as store:
        with pytest.raises(RuntimeError, match="生成演示数据失败"):  # no policy is in force in 1900
            generate_and_load(store, workers=50, employers=5, as_of=date(1900, 1, 1), parallel=True)
        with store.unit_of_work() as uow:
            assert uow.workers.count() == 0 and uow.employers.count() == 0


PARENT = """
import sys
from datetime import date
from counter_app.demo import generate_and_load
from counter_app.store import Store
if __name__ == "__main__":
    print("started", flush=True)
    generate_and_load(Store.open(sys.argv[1]), workers=400_000, employers=500, as_of=date(2026, 11, 23), parallel=True)
"""


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_the_second_process_ends_when_the_station_process_is_killed(tmp_path: Path) -> None:
    """SIGKILL the loading process: its generator must not linger, blocked on a queue nobody reads."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"  # a file, as spawn needs an importable main module
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), str(tmp_path / "data")], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None and parent.stdout.readline().strip() == "started"

    def children() -> list[int]:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                stat = (entry / "stat").read_text()
            except (OSError, ValueError):
                continue
            if entry.name.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == parent.pid:
                found.append(int(entry.name))
        return found

    deadline = time.monotonic() + 60
    while not (kids := children()) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert kids, "the loader started no second process"
    time.sleep(3)  # the queue fills: two pieces wait, the child blocks on the third
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3]
              for pid in kids) and time.monotonic() < deadline:
        time.sleep(0.2)
    alive = [pid for pid in kids if Path(f"/proc/{pid}").exists()
             and "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3]]
    commands = {pid: Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ") for pid in alive}
    for pid in alive:  # leave nothing behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert alive == [], f"outlived the process that was loading the rows: {commands}"


def test_a_handful_of_projects_by_the_citys_own_developers(city: DemoCity) -> None:
    from counter_app.domain.projects import ADMITTED, SUSPENDED, project_key

    employers = {e.uscc: e for e in city.employers}
    in_force = [p for p in city.projects if p.standing == ADMITTED and p.valid_until and p.valid_until >= AS_OF]
    expired = [p for p in city.projects if p.standing == ADMITTED and p.valid_until and p.valid_until < AS_OF]
    suspended = [p for p in city.projects if p.standing == SUSPENDED]
    assert (len(in_force), len(expired), len(suspended)) == (6, 1, 1)
    assert len({p.project_key for p in city.projects}) == len(city.projects)
    for project in city.projects:
        developer = employers[project.developer_uscc]  # a developer among the city's employers
        assert developer.registered and developer.name == project.developer_name
        assert developer.name.endswith(("房地产开发有限公司", "置业有限公司"))
        assert project.district in VERSION.districts and project.project_key == project_key(project.name)
        township = next(t for t in VERSION.districts[project.district].townships if t in (project.address or ""))
        assert project.name.startswith(township[:2])  # named after its township: 南山…, 北坪…
        assert project.agreement_no and project.presale_permit_no and project.decided_at is not None
    assert suspended[0].note == "预售资金未按规定存入监管账户"  # said beside the loan field as the reason
    station = VERSION.stations[0]
    assert sum(p.district == station.district and any(t in (p.address or "") for t in station.townships)
               for p in in_force) >= 2, "the demo station's own townships have estates in force"
    assert len({p.district for p in city.projects}) == len(VERSION.districts)


def test_projects_leave_the_rest_of_the_city_as_it_was(city: DemoCity) -> None:
    """The projects' dice are their own: only the developers' names differ from a city without them."""
    from counter_app.demo import city as city_module

    def no_projects(seed, version, plans, as_of):
        return plans, []

    original = city_module.plan_projects
    city_module.plan_projects = no_projects
    try:
        bare = generate_city(workers=600, employers=200, seed=7, as_of=AS_OF)
    finally:
        city_module.plan_projects = original
    assert (bare.workers, bare.accounts, bare.loans, bare.withdrawals) == (
        city.workers, city.accounts, city.loans, city.withdrawals)
    renamed = [(a.name, b.name) for a, b in zip(bare.employers, city.employers, strict=True) if a != b]
    assert len(renamed) == len({p.developer_uscc for p in city.projects}) == 4
    assert [b.uscc for b in city.employers] == [a.uscc for a in bare.employers]


def test_a_tiny_city_still_has_its_projects() -> None:
    tiny = generate_city(workers=3, employers=1, seed=2, as_of=AS_OF)
    assert len(tiny.projects) == 8 and {p.developer_uscc for p in tiny.projects} == {tiny.employers[0].uscc}


def test_the_loaded_demo_city_offers_its_estates_to_a_loan_and_refuses_the_other_two(tmp_path: Path) -> None:
    """What the loan form's picker and its check read, on a station seeded like ``counter-app --demo``."""
    from counter_app import services
    from counter_app.demo import generate_and_load
    from counter_app.domain.projects import SUSPENDED, loan_problem
    from counter_app.services.projects import find_projects, project_choices, project_standings

    today = date.today()
    city = generate_city(workers=50, employers=40, seed=0, as_of=today)
    with services.open_counter(tmp_path) as counter:
        generate_and_load(counter.store, workers=50, employers=40, seed=0, as_of=today)
        offered = project_choices(counter)
        assert sorted(p.name for p in offered) == sorted(
            p.name for p in city.projects if p.standing == "admitted" and p.valid_until and p.valid_until >= today)
        assert len(offered) == 6 and all(p.developer and p.agreement_no for p in offered)
        first = offered[0]
        assert [p.name for p in find_projects(counter, first.name[:2])][:1] == [first.name]
        with counter.store.unit_of_work() as uow:
            standings = project_standings(uow)
        expired = next(p for p in city.projects if p.standing == "admitted" and p.valid_until < today)
        suspended = next(p for p in city.projects if p.standing == SUSPENDED)
        assert "到期" in (loan_problem(expired.name, standings, today) or "")
        assert "暂停" in (loan_problem(suspended.name, standings, today) or "")
        assert loan_problem(first.name, standings, today) is None
