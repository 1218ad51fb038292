"""Receipt numbers: format, gap-free per day, rollback consumes nothing, two processes never clash."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from counter_app.store import Store, StoreError

DAY = date(2026, 11, 23)
_FORMAT = re.compile(r"^QS01-02-20261123-\d{4}$")


def _take(store: Store, station: str = "QS01", terminal: str = "02", day: date = DAY, commit: bool = True) -> str:
    with store.unit_of_work(write=True) as uow:
        number = uow.receipts.next_number(station, terminal, day)
        if commit:
            uow.commit()
    return number


def test_format_is_station_terminal_date_sequence(store: Store) -> None:
    assert _take(store) == "QS01-02-20261123-0001"
    assert _FORMAT.match(_take(store))


def test_sequence_is_gap_free_and_a_rollback_consumes_no_number(store: Store) -> None:
    taken = [_take(store), _take(store), _take(store, commit=False), _take(store)]
    assert taken == [
        "QS01-02-20261123-0001", "QS01-02-20261123-0002",
        "QS01-02-20261123-0003",  # rolled back…
        "QS01-02-20261123-0003",  # …so the next application gets it
    ]


def test_each_day_terminal_and_station_counts_on_its_own(store: Store) -> None:
    _take(store)
    assert _take(store, day=date(2026, 11, 24)) == "QS01-02-20261124-0001"
    assert _take(store, terminal="03") == "QS01-03-20261123-0001"
    assert _take(store, station="HD01") == "HD01-02-20261123-0001"
    assert _take(store) == "QS01-02-20261123-0002"


def test_past_9999_the_sequence_simply_grows(store: Store) -> None:
    with sqlite3.connect(store.path) as raw:  # as after 9,999 applications in a day
        raw.execute("INSERT INTO receipt_counters VALUES ('QS01', '02', '20261123', 9999)")
    raw.close()
    assert _take(store) == "QS01-02-20261123-10000"


def test_a_read_unit_of_work_cannot_take_numbers(store: Store) -> None:
    with store.unit_of_work() as uow, pytest.raises(StoreError):
        uow.receipts.next_number("QS01", "02", DAY)


_CHILD = textwrap.dedent("""
    import sys
    from datetime import date
    from counter_app.store import ApplicationRecord, Store

    store = Store.open(sys.argv[1])
    count, name = int(sys.argv[2]), sys.argv[3]
    print("ready", flush=True)
    sys.stdin.readline()  # both processes start together
    for i in range(count):
        with store.unit_of_work(write=True) as uow:
            number = uow.receipts.next_number("QS01", "02", date(2026, 11, 23))
            uow.applications.add(ApplicationRecord(
                client_id=f"{name}-{i}", receipt_number=number, kind="withdrawal", status="submitted",
                subject_key="x", subject_name=None, fields={}, materials=[], clerk=name,
                station_code="QS01", terminal="02"))
            if i % 7 == 3:
                continue  # abandoned: rolled back, its number must be reused
            uow.commit()
        print(number, flush=True)
    store.close()
""")


@pytest.mark.slow
def test_two_processes_never_share_a_number_and_leave_no_gap(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    count = 200
    children = [
        subprocess.Popen([sys.executable, "-c", _CHILD, str(tmp_path), str(count), name],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for name in ("a", "b")
    ]
    for child in children:
        assert child.stdout.readline().strip() == "ready"
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    outputs = [child.communicate(timeout=300)[0].split() for child in children]
    assert [child.returncode for child in children] == [0, 0]

    committed = count - len([i for i in range(count) if i % 7 == 3])
    numbers = outputs[0] + outputs[1]
    assert len(outputs[0]) == len(outputs[1]) == committed
    assert len(set(numbers)) == len(numbers)  # no duplicates
    assert sorted(int(n.rsplit("-", 1)[1]) for n in numbers) == list(range(1, 2 * committed + 1))  # no gaps
    with Store.open(tmp_path) as store, store.unit_of_work() as uow:
        assert uow.applications.count() == 2 * committed
