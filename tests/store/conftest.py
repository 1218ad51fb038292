"""Store-test fixtures: a fresh store in a temp dir, and record factories with valid codes."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from counter_app.domain.ids import make_resident_id, make_uscc_of
from counter_app.store import DB_FILENAME, AccountRecord, EmployerRecord, Store, WorkerRecord


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated once; each test starts from a copy (migrating takes a few tenths)."""
    data_dir = tmp_path_factory.mktemp("template")
    Store.open(data_dir).close()  # closing checkpoints the WAL into the main file
    return data_dir / DB_FILENAME


@pytest.fixture
def store(tmp_path: Path, migrated_template: Path) -> Iterator[Store]:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copy(migrated_template, data_dir / DB_FILENAME)
    s = Store.open(data_dir)
    yield s
    s.close()


@pytest.fixture
def make_worker() -> Callable[..., WorkerRecord]:
    counter = iter(range(1, 10_000))

    def make(name: str = "张三", **fields: object) -> WorkerRecord:
        seq = next(counter)
        fields.setdefault("id_number", make_resident_id("620102", date(1980, 1, 1 + seq % 28), seq))
        fields.setdefault("township", "青山镇")
        return WorkerRecord(name=name, **fields)  # type: ignore[arg-type]

    return make


@pytest.fixture
def make_employer() -> Callable[..., EmployerRecord]:
    counter = iter(range(1, 10_000))

    def make(name: str = "青山镇兴旺建材有限公司", **fields: object) -> EmployerRecord:
        fields.setdefault("uscc", make_uscc_of("91620121", f"MA{next(counter):06d}"))
        fields.setdefault("township", "青山镇")
        return EmployerRecord(name=name, **fields)  # type: ignore[arg-type]

    return make


def account_for(worker: WorkerRecord, account_no: str, **fields: object) -> AccountRecord:
    return AccountRecord(account_no=account_no, id_number=worker.id_number, **fields)  # type: ignore[arg-type]


@pytest.fixture
def make_account() -> Callable[..., AccountRecord]:
    return account_for


ZERO = Decimal("0.00")
