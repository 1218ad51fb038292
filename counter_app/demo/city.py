"""The demo city (示范市): employers, workers, accounts, loans and past withdrawals as plain records.

Deterministic for a seed and a reference day, independent of any database, so the same city can be
loaded into the station's SQLite store or the central PostgreSQL. Values respect the policy in force
(base floor and cap, ratio bounds, loan rates); every ID number and USCC is well-formed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from counter_app.demo import codes
from counter_app.demo.dice import Dice
from counter_app.demo.employers import EmployerPlan, plan_employers
from counter_app.demo.names import person_name
from counter_app.demo.projects import plan_projects
from counter_app.domain.businesses.loan_prepay import months_left
from counter_app.domain.businesses.loan_settle import add_months, last_due_date
from counter_app.domain.contribution import monthly_contribution
from counter_app.domain.ids import make_resident_id
from counter_app.domain.money import CENT, to_cents
from counter_app.domain.policy import default_policy
from counter_app.domain.policy_schema import PolicyVersion
from counter_app.domain.schedule import annuity_payment
from counter_app.domain.status import AccountStatus, LoanStatus
from counter_app.store.records import (
    AccountRecord,
    EmployerRecord,
    LoanRecord,
    PastWithdrawalRecord,
    WorkerRecord,
)
from counter_app.store.records_operations import ProjectRecord

MIN_AGE, MAX_AGE = 18, 65
POSTCODE = "730000"
LOAN_TERMS = (120, 180, 240, 300, 360)
FIRST_OPENING = date(2000, 1, 1).toordinal()  # demo accounts opened from 2000 on
_NORMAL, _SEALED, _FROZEN = AccountStatus.NORMAL.value, AccountStatus.SEALED.value, AccountStatus.FROZEN.value
PARTIAL_REASONS = ("01", "02", "06", "07", "07", "07")  # rent (07) is the commonest
DOCUMENT_PREFIX = {"01": "GF", "02": "JZ", "06": "DK", "07": "ZL"}


@dataclass
class DemoCity:
    """Everything generated, in load order (employers before the people who work there)."""

    seed: int
    as_of: date
    employers: list[EmployerRecord] = field(default_factory=list)
    workers: list[WorkerRecord] = field(default_factory=list)
    accounts: list[AccountRecord] = field(default_factory=list)
    loans: list[LoanRecord] = field(default_factory=list)
    withdrawals: list[PastWithdrawalRecord] = field(default_factory=list)
    projects: list[ProjectRecord] = field(default_factory=list)  # developers' estates (楼盘准入), first piece

    def summary(self) -> dict[str, int]:
        return {
            "employers": len(self.employers),
            "unregistered_employers": sum(not e.registered for e in self.employers),
            "workers": len(self.workers),
            "accounts": len(self.accounts),
            "loans": len(self.loans),
            "withdrawals": len(self.withdrawals),
            "projects": len(self.projects),
        }


class _PeopleMaker:
    """Makes one worker at a time with their account, loan and withdrawal history."""

    def __init__(self, rng: Dice, version: PolicyVersion, as_of: date, city: DemoCity) -> None:
        self.rng, self.v, self.as_of, self.city = rng, version, as_of, city
        self.used_ids: set[str] = set()
        self.account_seq = 0
        self.loan_seq = 0
        c = version.contribution
        self.base_range = (float(c.base_floor), float(c.base_cap))
        self.banks = tuple(codes.BANK_BINS)
        self.born_elsewhere = codes.other_areas()
        self.as_of_ordinal = as_of.toordinal()

    @lru_cache(maxsize=1 << 16)  # noqa: B019 — one maker per city; bases repeat a lot
    def contribution(self, base: Decimal, worker_ratio: Decimal, employer_ratio: Decimal) -> Decimal:
        c = self.v.contribution
        return monthly_contribution(base, worker_ratio, employer_ratio,
                                    base_floor=c.base_floor, base_cap=c.base_cap).total

    def identity(self, area: str, male: bool) -> tuple[int, date, str]:
        """A birth day (as an ordinal; age 18–65) and an ID number nobody else in the city has."""
        while True:  # a clash (same area, day and sequence) just draws again
            birth = self.as_of_ordinal - self.rng.randrange(MIN_AGE * 366, MAX_AGE * 365)
            seq = self.rng.randrange(0, 500) * 2 + (1 if male else 0)
            born = date.fromordinal(birth)
            code = make_resident_id(area, born, seq)
            if code not in self.used_ids:
                self.used_ids.add(code)
                return birth, born, code

    def person(self, index: int, employer: EmployerPlan) -> None:
        rng = self.rng
        male = rng.random() < 0.53
        born_here = rng.random() < 0.85
        area = employer.area if born_here else rng.choice(self.born_elsewhere)
        birth, born, id_number = self.identity(area, male)
        bank = rng.choice(self.banks)
        self.city.workers.append(WorkerRecord(
            id_number=id_number,
            name=person_name(rng, male, index),
            sex="1" if male else "2",
            birth_date=born,
            mobile=codes.mobile(rng),
            phone=f"0931-8{rng.randrange(10**6):06d}" if rng.random() < 0.1 else None,
            address=f"{employer.record.township}{rng.choice(('新村', '东街', '西街', '南路', '北路'))}{rng.randrange(1, 200)}号",
            postcode=POSTCODE,
            marital_status=rng.choice(("10", "20", "20", "20", "40")),
            bank_name=bank,
            bank_card=codes.bank_card(rng, bank),
            employer_uscc=employer.record.uscc,
            township=employer.record.township,
            # Staff of public institutions (USCC kind 12: clinics, schools) are 干部; others 职工.
            worker_category="cadre" if employer.record.uscc.startswith(codes.USCC_KIND["institution"]) else "worker",
        ))
        self.account(id_number, birth, employer.record)

    def _account_no(self) -> str:
        self.account_seq += 1
        return f"80{self.account_seq:010d}"

    def account(self, id_number: str, birth: int, employer: EmployerRecord) -> None:
        """The worker's account; days are ordinals here (date arithmetic is slow in bulk)."""
        rng, c, today = self.rng, self.v.contribution, self.as_of_ordinal
        earliest = max(birth + MIN_AGE * 366, FIRST_OPENING)
        opened = earliest + rng.randrange(max(1, today - earliest))
        roll = rng.random()
        status = _NORMAL if roll < 0.88 else _SEALED if roll < 0.98 else _FROZEN
        floor, cap = self.base_range
        # Bases as declared by employers: whole tens of yuan, within the policy's floor and cap.
        base = Decimal(int(min(max(rng.lognormvariate(8.6, 0.45), floor), cap)) // 10 * 10).quantize(CENT)
        worker_ratio = employer.worker_ratio or c.ratio_min
        employer_ratio = employer.employer_ratio or c.ratio_min
        total = self.contribution(base, worker_ratio, employer_ratio)
        months_open = max(1, (today - opened) // 30)
        # What stayed in the account: 30–99 % of everything paid in (the rest withdrawn or moved).
        balance = (total * (months_open * rng.randrange(30, 100))).scaleb(-2).quantize(CENT)
        in_arrears = status == _NORMAL and rng.random() < 0.03
        account = AccountRecord(
            account_no=self._account_no(), id_number=id_number, employer_uscc=employer.uscc, status=status,
            balance=balance, monthly_base=base, worker_ratio=worker_ratio, employer_ratio=employer_ratio,
            monthly_contribution=total,
            consecutive_months=0 if status != _NORMAL or in_arrears else min(months_open, rng.randrange(1, 241)),
            opened_on=date.fromordinal(opened), in_arrears=in_arrears,
            banned_until=self.as_of + timedelta(days=rng.randrange(100, 1000)) if rng.random() < 0.002 else None,
        )
        if status == _NORMAL and rng.random() < 0.06:
            account = self.loan(account)
        self.city.accounts.append(account)
        if rng.random() < 0.08:
            self.withdrawals(id_number, account.opened_on)

    def loan(self, account: AccountRecord) -> AccountRecord:
        """A fund loan taken after the account opened; some borrowers repay by monthly offset."""
        rng = self.rng
        principal = to_cents(rng.randrange(20, 81) * 10_000)
        months = rng.choice(LOAN_TERMS)
        start = account.opened_on + timedelta(days=rng.randrange(max(1, (self.as_of - account.opened_on).days)))
        elapsed = (self.as_of - start).days // 30
        remaining = max(0, months - elapsed)
        self.loan_seq += 1
        loan = LoanRecord(
            loan_no=f"DK{start.year}{self.loan_seq:07d}", id_number=account.id_number, principal=principal,
            outstanding=(principal * remaining / months).quantize(Decimal("0.01")),
            annual_rate=self.v.loan.rate(False, months), months=months, method=rng.choice(("01", "01", "02")),
            start_date=start, status=LoanStatus.REPAYING.value if remaining else LoanStatus.SETTLED.value,
        )
        self.city.loans.append(repayment_facts(loan, self.as_of, self.loan_seq) if remaining else loan)
        return account if not remaining or rng.random() > 0.4 else replace(account, offset_agreement=True)

    def withdrawals(self, id_number: str, since: date) -> None:
        rng = self.rng
        for _ in range(rng.randrange(1, 4)):
            reason = rng.choice(PARTIAL_REASONS)
            day = since + timedelta(days=rng.randrange(max(1, (self.as_of - since).days)))
            self.city.withdrawals.append(PastWithdrawalRecord(
                id_number=id_number, reason_code=reason, amount=to_cents(rng.randrange(1000, 50_000)),
                day=day, document_no=f"{DOCUMENT_PREFIX[reason]}{day.year}{rng.randrange(10**6):06d}",
            ))


def repayment_facts(loan: LoanRecord, as_of: date, seq: int) -> LoanRecord:
    """A live loan's next instalment and, for about one loan in eight, one to five unpaid months.

    Chosen from the loan's sequence number, not the dice: the rest of the city stays as it was.
    """
    if as_of < loan.start_date:
        return loan
    due = last_due_date(loan.start_date, as_of)
    left = max(1, months_left(loan.start_date, loan.months, due))
    if loan.method == "01":
        payment = annuity_payment(loan.outstanding, loan.annual_rate, left)
    else:
        payment = to_cents(loan.outstanding / left + loan.outstanding * loan.annual_rate / 1200)
    loan = replace(loan, next_due_date=add_months(due, 1), next_due_amount=payment)
    missed = 1 + seq % 5
    if seq % 8 != 3 or missed > loan.months - left:  # never more months missed than have fallen due
        return loan
    return replace(loan, status=LoanStatus.OVERDUE.value, arrears_months=missed, arrears_amount=payment * missed,
                   overdue_since=add_months(due, 1 - missed))


def iter_city(
    workers: int = 2000,
    employers: int = 200,
    seed: int = 0,
    as_of: date | None = None,
    version: PolicyVersion | None = None,
    chunk: int = 20_000,
) -> Iterator[DemoCity]:
    """The city in pieces, for streaming into a database: first every employer and the developers'
    projects, then the people ``chunk`` at a time with their accounts, loans and withdrawals."""
    as_of = as_of or date.today()
    version = version or default_policy().in_force(as_of)
    rng = Dice(seed)
    plans = plan_employers(rng, version, max(1, employers))
    plans, projects = plan_projects(seed, version, plans, as_of)  # own dice: the rest of the city is unchanged
    registered = [p for p in plans if p.record.registered] or plans
    assigned = rng.choices(registered, weights=[p.size for p in registered], k=workers)
    staff = Counter(p.record.uscc for p in assigned)
    yield DemoCity(seed=seed, as_of=as_of, employers=[
        replace(p.record, insured_staff=staff[p.record.uscc] + rng.randrange(0, 3)) if p.record.registered
        else p.record
        for p in plans
    ], projects=projects)
    maker = _PeopleMaker(rng, version, as_of, DemoCity(seed=seed, as_of=as_of))
    for start in range(0, workers, chunk):
        maker.city = DemoCity(seed=seed, as_of=as_of)
        for index in range(start, min(start + chunk, workers)):
            maker.person(index, assigned[index])
        yield maker.city


def generate_city(
    workers: int = 2000,
    employers: int = 200,
    seed: int = 0,
    as_of: date | None = None,
    version: PolicyVersion | None = None,
) -> DemoCity:
    """A demo city of ``employers`` employers (~12 % unregistered) and ``workers`` workers."""
    pieces = iter_city(workers, employers, seed, as_of, version)
    city = next(pieces)
    for piece in pieces:
        city.workers += piece.workers
        city.accounts += piece.accounts
        city.loans += piece.loans
        city.withdrawals += piece.withdrawals
    return city
