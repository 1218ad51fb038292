"""The small world of the service tests, stated fact by fact, and forms that every rule accepts.

Every person, employer, account, loan and past withdrawal a test relies on is written here through
the store's repositories, so a test names its facts (``W.active``, ``E.registered``) instead of
fishing them out of random demo data. The clock is fixed at 2026-11-23 10:00 China time.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from counter_app.demo.codes import org_code
from counter_app.domain.errors import FieldError
from counter_app.domain.ids import make_resident_id, make_uscc
from counter_app.services import Counter, SubmitResult, required_materials, submit_application
from counter_app.store import (
    AccountRecord,
    ApplicationRecord,
    EmployerRecord,
    LoanRecord,
    PastWithdrawalRecord,
    Store,
    WorkerRecord,
)

D = Decimal
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
TODAY = date(2026, 11, 23)  # NOW in China Standard Time
AREA = "620102"  # 兰州市城关区: a known area, so every ID below is fully valid


def fixed_clock() -> datetime:
    return NOW


def uscc(body8: str) -> str:
    """A valid enterprise USCC registered in AREA around an 8-character organisation body."""
    return make_uscc("91" + AREA + org_code(body8))


def resident_id(birth: date, seq: int) -> str:
    return make_resident_id(AREA, birth, seq)


class E:
    """Employers of the world."""

    registered = uscc("MA000001")  # 示范市南山机械有限公司, fund-registered
    unregistered = uscc("MA000002")  # 示范市北坪商贸有限公司, known but never registered
    unknown = uscc("MA000003")  # not in the store at all: a new employer to establish


class W:
    """Workers of the world (ID numbers); sequence digits: odd = male."""

    active = resident_id(date(1990, 5, 15), 11)  # 张三: normal account, 50,000.00, 36 months
    sealed = resident_id(date(1988, 3, 2), 22)  # 李四: sealed account only
    frozen = resident_id(date(1985, 7, 9), 31)  # 王五: frozen account
    borrower = resident_id(date(1983, 1, 20), 41)  # 赵六: a loan still being repaid
    history = resident_id(date(1992, 9, 30), 52)  # 钱七: past rent and purchase withdrawals
    newcomer = resident_id(date(1999, 12, 1), 63)  # 孙八: normal account, only 2 months contributed
    senior = resident_id(date(1968, 6, 1), 71)  # 周九: male, retires around 2029
    stranger = resident_id(date(1995, 4, 4), 81)  # 吴十: not in the store (opens an account)
    offset = resident_id(date(1987, 2, 14), 92)  # 郑十一: normal account with a monthly-offset agreement
    repaid = resident_id(date(1986, 11, 11), 13)  # 冯十二: normal account, a fund loan fully repaid


ACCOUNT_NO = {
    "active": "CG0100000001",
    "sealed": "CG0100000002",
    "frozen": "CG0100000003",
    "borrower": "CG0100000004",
    "history": "CG0100000005",
    "newcomer": "CG0100000006",
    "senior": "CG0100000007",
    "offset": "CG0100000008",
    "repaid": "CG0100000009",
}
BALANCE = {
    "active": D("50000.00"),
    "sealed": D("8000.00"),
    "frozen": D("12000.00"),
    "borrower": D("30000.00"),
    "history": D("20000.00"),
    "newcomer": D("1500.00"),
    "senior": D("90000.00"),
    "offset": D("40000.00"),
    "repaid": D("60000.00"),
}
MONTHLY_CONTRIBUTION = D("1200.00")  # 5000 base × (12 % + 12 %)
RENT_LEASE = "ZL-2026-0007"  # 钱七's lease, already used for a rent withdrawal on 2026-10-10
PURCHASE_CONTRACT = "GF-2026-0100"  # 钱七's purchase contract, already used on 2026-03-01


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    mobile: str
    status: str = "01"
    months: int = 36
    sex: str = "1"


PEOPLE = {
    "active": Person("active", "张三", "13800000001"),
    "sealed": Person("sealed", "李四", "13800000002", status="02", sex="2"),
    "frozen": Person("frozen", "王五", "13800000003", status="06"),
    "borrower": Person("borrower", "赵六", "13800000004"),
    "history": Person("history", "钱七", "13800000005", sex="2"),
    "newcomer": Person("newcomer", "孙八", "13800000006", months=2),
    "senior": Person("senior", "周九", "13800000007"),
    "offset": Person("offset", "郑十一", "13800000008", sex="2"),
    "repaid": Person("repaid", "冯十二", "13800000009"),
}


STATION = ("CG01", "城关区南山镇服务站", "01")  # the demo city's first station: this world's counter


def configure_station(uow: Any, station: tuple[str, str, str] = STATION) -> None:
    """The station set before any intake (``counter-app station set``), as every real counter is."""
    for key, value in zip(("station_code", "station_name", "station_district"), station):
        uow.settings.set(key, value)


def build_world(store: Store, station: tuple[str, str, str] = STATION) -> None:
    """Write the world above into ``store`` in one transaction (the counter being ``station``)."""
    with store.unit_of_work(write=True) as uow:
        configure_station(uow, station)
        uow.employers.upsert(EmployerRecord(
            uscc=E.registered, name="示范市南山机械有限公司", legal_rep="刘强", address="示范市南山镇工业路1号",
            township="南山镇", registered=True, account_no="DW000001", worker_ratio=D("12"), employer_ratio=D("12"),
        ))
        uow.employers.upsert(EmployerRecord(
            uscc=E.unregistered, name="示范市北坪商贸有限公司", legal_rep="陈明", township="北坪镇",
            status="99", registered=False, insured_staff=35,
        ))
        for key, person in PEOPLE.items():
            id_number = getattr(W, key)
            birth = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
            uow.workers.upsert(WorkerRecord(
                id_number=id_number, name=person.name, sex=person.sex, birth_date=birth, mobile=person.mobile,
                address="示范市南山镇人民路2号", marital_status="20", bank_name="中国工商银行",
                employer_uscc=E.registered, township="南山镇",
            ))
            uow.accounts.upsert(AccountRecord(
                account_no=ACCOUNT_NO[key], id_number=id_number, employer_uscc=E.registered, status=person.status,
                balance=BALANCE[key], monthly_base=D("5000.00"), worker_ratio=D("12"), employer_ratio=D("12"),
                monthly_contribution=MONTHLY_CONTRIBUTION, consecutive_months=person.months,
                opened_on=date(2020, 1, 1), offset_agreement=key == "offset",
            ))
        uow.loans.upsert(LoanRecord(
            loan_no="DK0000000001", id_number=W.borrower, principal=D("400000.00"), outstanding=D("310000.00"),
            annual_rate=D("2.85"), months=240, method="01", start_date=date(2022, 6, 1), status="repaying",
        ))
        uow.loans.upsert(LoanRecord(
            loan_no="DK0000000002", id_number=W.repaid, principal=D("200000.00"), outstanding=D("0.00"),
            annual_rate=D("3.25"), months=120, method="02", start_date=date(2012, 3, 1), status="settled",
        ))
        uow.withdrawals.add(PastWithdrawalRecord(
            id_number=W.history, reason_code="07", amount=D("1200.00"), day=date(2026, 10, 10), document_no=RENT_LEASE,
        ))
        uow.withdrawals.add(PastWithdrawalRecord(
            id_number=W.history, reason_code="01", amount=D("5000.00"), day=date(2026, 3, 1),
            document_no=PURCHASE_CONTRACT,
        ))
        uow.commit()


# --- forms that pass every rule -------------------------------------------------------------------


def codes_for(counter: Counter, kind: str, form: dict[str, Any]) -> list[str]:
    """One code for each required material (the first alternative where there is a choice)."""
    return [m.any_of[0] for m in required_materials(counter, kind, form)]


def complete(counter: Counter, kind: str, form: dict[str, Any]) -> dict[str, Any]:
    """``form`` with every required material received."""
    return {**form, "materials": codes_for(counter, kind, form)}


def open_account_form(**changes: Any) -> dict[str, Any]:
    form = {
        "id_type": "01", "id_number": W.stranger, "name": "吴十", "mobile": "13912345678",
        "address": "示范市南山镇新街3号", "employer_uscc": E.registered, "monthly_base": "6000",
        "worker_ratio": "12", "employer_ratio": "12", "start_month": "2026-12",
    }
    form.update(changes)
    return form


def establish_form(**changes: Any) -> dict[str, Any]:
    form = {
        "uscc": E.unknown, "employer_name": "示范市南山食品有限公司", "legal_rep": "黄伟",
        "employer_address": "示范市南山镇食品街5号", "contact_name": "林芳", "contact_mobile": "13712345678",
        "bank_name": "中国建设银行", "bank_account": "62000001234567890", "worker_ratio": "10",
        "employer_ratio": "10", "first_month": "2026-12",
    }
    form.update(changes)
    return form


VALID_CARD = "6222020000000000000"  # 19 digits, passes Luhn


def withdrawal_form(**changes: Any) -> dict[str, Any]:
    """Rent (07, public housing) for 张三: lease from June, 600.00 is within every cap."""
    form = {
        "id_number": W.active, "reason_code": "07", "variant": "public", "amount": "600.00",
        "event_date": "2026-06-01", "document_no": "ZL-2026-0001", "bank_card": VALID_CARD,
    }
    form.update(changes)
    return form


def loan_form(**changes: Any) -> dict[str, Any]:
    """张三 borrows 300,000 over 20 years for a 600,000 first home."""
    form = {
        "id_number": W.active, "borrower_category": "general", "monthly_income": "8000",
        "monthly_debt": "0", "house_price": "600000", "amount": "300000", "months": "240", "method": "01",
    }
    form.update(changes)
    return form


def info_change_form(**changes: Any) -> dict[str, Any]:
    form = {"id_number": W.active, "new_mobile": "13987654321"}
    form.update(changes)
    return form


def deferral_form(**changes: Any) -> dict[str, Any]:
    form = {
        "uscc": E.registered, "from_month": "2027-01", "to_month": "2027-06",
        "reason": "受市场影响订单大幅减少，经营困难", "workers_consent": True,
    }
    form.update(changes)
    return form


def loan_settle_form(**changes: Any) -> dict[str, Any]:
    """赵六 settles DK0000000001 today: 310,000.00 owed after 2026-11-01, 22 days at 2.85 % = 539.92."""
    form = {"id_number": W.borrower, "loan_no": "DK0000000001", "settle_date": "2026-11-23", "amount": "310539.92"}
    form.update(changes)
    return form


def loan_prepay_form(**changes: Any) -> dict[str, Any]:
    """赵六 repays 100,000.00 of DK0000000001 early (310,000.00 and 187 months left) and keeps the payment."""
    form = {"id_number": W.borrower, "loan_no": "DK0000000001", "amount": "100000", "mode": "1"}
    form.update(changes)
    return form


def offset_sign_form(**changes: Any) -> dict[str, Any]:
    """赵六 has DK0000000001 repaid monthly from his own fund account."""
    form = {"id_number": W.borrower, "loan_no": "DK0000000001", "payer_relation": "1"}
    form.update(changes)
    return form


def offset_cancel_form(**changes: Any) -> dict[str, Any]:
    """赵六 stops the offset from his wife 郑十一's account (she has an agreement in force)."""
    form = {"id_number": W.borrower, "loan_no": "DK0000000001", "payer_relation": "2", "payer_id_number": W.offset,
            "reason": "改为银行卡还款"}
    form.update(changes)
    return form


def repay_deferral_form(**changes: Any) -> dict[str, Any]:
    """赵六, out of work, defers DK0000000001 for three months from December."""
    form = {"id_number": W.borrower, "loan_no": "DK0000000001", "from_month": "2026-12", "defer_months": "3",
            "reason": "单位停产，本人失业，暂时无力还款"}
    form.update(changes)
    return form


PROJECT = "南山花园"  # a new project of E.registered, as a developer


def project_admission_form(**changes: Any) -> dict[str, Any]:
    form = {
        "uscc": E.registered, "admission_type": "new", "project_name": PROJECT,
        "project_address": "示范市南山镇花园路1号", "district": "01", "buildings": "12", "units": "860",
        "land_cert_no": "示国用（2025）第0101号", "land_planning_permit_no": "地字第620102202500012号",
        "works_planning_permit_no": "建字第620102202500031号", "construction_permit_no": "620102202506150101",
        "presale_permit_no": "示房预售证第2026018号", "escrow_bank": "中国建设银行示范市分行",
        "escrow_account": "62001590000052500018",
    }
    form.update(changes)
    return form


def transfer_in_form(**changes: Any) -> dict[str, Any]:
    form = {"id_number": W.active, "mobile": "13912345678", "source_city": "甘肃省兰州市",
            "source_centre": "兰州住房公积金管理中心", "source_account": "620100123456", "amount": "12000"}
    form.update(changes)
    return form


def transfer_out_form(**changes: Any) -> dict[str, Any]:
    form = {"id_number": W.active, "mobile": "13912345678", "target_city": "陕西省西安市",
            "target_centre": "西安住房公积金管理中心", "target_account": "610100123456"}
    form.update(changes)
    return form


def offsite_purchase_form(**changes: Any) -> dict[str, Any]:
    """张三 bought a 900,000 flat in Xi'an in August and withdraws 30,000."""
    form = {"id_number": W.active, "house_city": "陕西省西安市", "house_address": "西安市雁塔区科技路1号",
            "document_no": "XA-2026-0001", "event_date": "2026-08-01", "event_amount": "900000",
            "amount": "30000", "bank_card": VALID_CARD}
    form.update(changes)
    return form


FORMS = {
    "open-account": open_account_form,
    "establish-employer": establish_form,
    "withdrawal": withdrawal_form,
    "loan": loan_form,
    "info-change": info_change_form,
    "deferral": deferral_form,
    "loan-settle": loan_settle_form,
    "loan-prepay": loan_prepay_form,
    "offset-sign": offset_sign_form,
    "offset-cancel": offset_cancel_form,
    "repay-deferral": repay_deferral_form,
    "project-admission": project_admission_form,
    "transfer-in": transfer_in_form,
    "transfer-out": transfer_out_form,
    "offsite-purchase-withdrawal": offsite_purchase_form,
}


def good_form(counter: Counter, kind: str, **changes: Any) -> dict[str, Any]:
    """A complete form of ``kind`` that every rule accepts, with ``changes`` applied."""
    return complete(counter, kind, FORMS[kind](**changes))


# --- looking at the store directly (independent of the repositories under test) ------------------


def db_path(counter: Counter) -> Path:
    return counter.store.path


def table_counts(counter: Counter) -> dict[str, int]:
    """Rows in the station's own work tables, read with plain sqlite3."""
    with sqlite3.connect(db_path(counter)) as db:
        return {
            t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("applications", "outbox", "application_status_history", "receipt_counters")
        }


def first_id_ending_in_x(birth: date) -> str:
    """A valid resident ID born on ``birth`` whose check character is X (to type it as lowercase x)."""
    return next(i for i in (resident_id(birth, seq) for seq in range(1000)) if i.endswith("X"))


STRANGER_X = first_id_ending_in_x(date(1996, 8, 8))  # not in the store; typed as "...x" in tests


# --- what a result and the store must show --------------------------------------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")
RECEIPT = re.compile(r"^(?P<station>[A-Z0-9]+)-(?P<terminal>[0-9]{2})-(?P<day>[0-9]{8})-(?P<seq>[0-9]{4})$")


def receipt(counter: Counter, seq: int, day: str = "20261123") -> str:
    return f"{counter.station_code}-{counter.terminal}-{day}-{seq:04d}"


def fields_of(errors: list[FieldError]) -> list[str]:
    return [e.field for e in errors]


def message_for(result: SubmitResult, key: str) -> str:
    """The (first) error message on ``key``; fails the test when there is none."""
    found = [e.message for e in result.errors if e.field == key]
    assert found, f"no error on {key!r}: {[e.as_dict() for e in result.errors]}"
    return found[0]


def assert_refused(counter: Counter, result: SubmitResult, key: str, *words: str) -> str:
    """Refused on ``key`` with a Chinese message containing ``words``, and nothing written at all."""
    assert not result.ok
    assert result.receipt_number is None and result.client_id is None and result.status is None
    message = message_for(result, key)
    assert CJK.search(message), message
    for word in words:
        assert word in message, (word, message)
    assert table_counts(counter) == BEFORE_ANY_APPLICATION
    assert result.as_dict() == {"errors": [e.as_dict() for e in result.errors]}
    return message


def assert_accepted(counter: Counter, result: SubmitResult, kind: str, seq: int = 1) -> ApplicationRecord:
    """Queued under the next receipt number, stored with one outbox row and its status history."""
    assert result.ok, [e.as_dict() for e in result.errors]
    assert result.receipt_number == receipt(counter, seq)
    assert RECEIPT.match(result.receipt_number)
    assert result.status == "queued"
    assert result.as_dict() == {
        "receipt_number": result.receipt_number, "client_id": result.client_id, "status": "queued",
    }
    with counter.store.unit_of_work() as uow:
        stored = uow.applications.get_by_receipt(result.receipt_number)
        outbox = uow.outbox.get(result.client_id)
        history = uow.applications.history(result.client_id)
    assert stored is not None and stored.client_id == result.client_id
    assert (stored.kind, stored.status, stored.clerk) == (kind, "queued", counter.clerk)
    assert stored.created_at == NOW
    assert outbox is not None and outbox.topic == "application"
    assert outbox.payload["client_id"] == result.client_id
    assert outbox.payload["receipt_number"] == result.receipt_number
    assert outbox.payload["kind"] == kind
    assert outbox.payload["fields"] == stored.fields
    assert outbox.payload["materials"] == stored.materials
    assert [h.status for h in history] == ["submitted", "queued"]
    with sqlite3.connect(db_path(counter)) as db:
        rows = db.execute("SELECT count(*) FROM outbox WHERE client_id = ?", (result.client_id,)).fetchone()[0]
    assert rows == 1
    return stored


BEFORE_ANY_APPLICATION = {"applications": 0, "outbox": 0, "application_status_history": 0, "receipt_counters": 0}


def submit_good(counter: Counter, kind: str, **changes: Any) -> SubmitResult:
    return submit_application(counter, kind, good_form(counter, kind, **changes))
