"""Issue #18's reference data at the centre: 多证合一 pre-registrations pulled by district (snapshot
and feed), and the worker's category (职工/干部) — against the real central PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from station_helpers import factory

from counter_app.domain.ids import make_uscc_of
from counter_app.store import Store
from counter_app.sync.engine import sync_once

pytestmark = pytest.mark.postgres

MINE, THEIRS, LATER = (make_uscc_of("91620102", f"MA01CD{n:02d}") for n in (1, 2, 3))
INSERT = ("INSERT INTO central.preregistrations (uscc, name, legal_rep, registered_on, district, township)"
          " VALUES (%s, %s, %s, %s, %s, %s)")


@pytest.fixture
def store(tmp_path: Path):
    store = Store.open(tmp_path / "station")
    yield store
    store.close()


def test_pre_registrations_are_pulled_from_the_centre_by_district(central, store):
    """“New companies arrive as pre-registered employers … or pulled from the centre.”"""
    station = central.add_station("D1")
    with central.connect() as owner:
        owner.execute(INSERT, (MINE, "示范市南山新材料有限公司", "王强", date(2026, 11, 2), "D1", "南山镇"))
        owner.execute(INSERT, (THEIRS, "别处公司", "李四", date(2026, 11, 3), "D2", None))
        owner.execute("INSERT INTO central.workers (id_number, name, sex, worker_category, district)"
                      " VALUES ('W1', '甲', '2', 'cadre', 'D1')")
    first = sync_once(store, factory(station))  # snapshot
    with central.connect() as owner:
        owner.execute(INSERT, (LATER, "示范市北坪餐饮有限公司", None, None, "D1", None))
        owner.execute("UPDATE central.preregistrations SET legal_rep = '王刚' WHERE uscc = %s", (MINE,))
    second = sync_once(store, factory(station))  # the feed
    with store.unit_of_work() as uow:
        listed = {r.uscc: r for r in uow.preregistrations.query()}
        worker = uow.workers.get("W1")
    assert first.pulled >= 2 and second.pulled == 2
    assert set(listed) == {MINE, LATER}  # row-level security: another district's company never arrives
    assert listed[MINE].legal_rep == "王刚" and listed[MINE].registered_on == date(2026, 11, 2)
    assert listed[MINE].source == "市场监管部门登记信息" and listed[MINE].imported_at is not None
    assert worker.worker_category == "cadre"


def test_the_centre_refuses_an_unknown_worker_category(central):
    import psycopg

    with central.connect() as owner, pytest.raises(psycopg.errors.CheckViolation):
        owner.execute("INSERT INTO central.workers (id_number, name, worker_category, district)"
                      " VALUES ('W9', '丙', 'boss', 'D1')")


def test_a_station_may_not_write_pre_registrations(central):
    import psycopg

    station = central.add_station("D1")
    with psycopg.connect(station.dsn) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(INSERT, (MINE, "x", None, None, "D1", None))
