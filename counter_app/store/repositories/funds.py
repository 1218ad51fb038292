"""Accounts, loans, past withdrawals and policy versions (reference data from the centre)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.dialects.sqlite import insert

from counter_app.domain.normalize import normalize_code
from counter_app.domain.status import AccountStatus
from counter_app.store import schema as s
from counter_app.store.records import (
    AccountRecord,
    CollectionContact,
    LoanRecord,
    PastWithdrawalRecord,
    PolicyVersionRecord,
)
from counter_app.store.repositories._base import Repository, to_record, to_records, values_of
from counter_app.store.types import utc_now


class AccountRepository(Repository):
    def get(self, account_no: str) -> AccountRecord | None:
        row = self._c.execute(select(s.accounts).where(s.accounts.c.account_no == normalize_code(account_no)))
        return to_record(AccountRecord, row.first())

    def for_person(self, id_number: str) -> list[AccountRecord]:
        """The person's accounts, normal ones first, then newest first."""
        a = s.accounts.c
        stmt = (
            select(s.accounts).where(a.id_number == normalize_code(id_number))
            .order_by(case((a.status == AccountStatus.NORMAL.value, 0), else_=1), a.opened_on.desc(), a.account_no)
        )
        return to_records(AccountRecord, self._c.execute(stmt))

    def for_employer(self, uscc: str) -> list[AccountRecord]:
        stmt = select(s.accounts).where(s.accounts.c.employer_uscc == uscc).order_by(s.accounts.c.account_no)
        return to_records(AccountRecord, self._c.execute(stmt))

    def upsert(self, rec: AccountRecord) -> None:
        self._upsert_values(s.accounts, "account_no", values_of(rec))

    def upsert_many(self, records: Iterable[AccountRecord]) -> int:
        return self._upsert_records(s.accounts, "account_no", records)

    def bulk_insert(self, records: Iterable[AccountRecord]) -> int:
        return self._insert_records(s.accounts, records)

    def count(self) -> int:
        return int(self._c.execute(select(func.count()).select_from(s.accounts)).scalar_one())


class LoanRepository(Repository):
    def get(self, loan_no: str) -> LoanRecord | None:
        row = self._c.execute(select(s.loans).where(s.loans.c.loan_no == normalize_code(loan_no)))
        return to_record(LoanRecord, row.first())

    def for_person(self, id_number: str) -> list[LoanRecord]:
        stmt = (
            select(s.loans).where(s.loans.c.id_number == normalize_code(id_number))
            .order_by(s.loans.c.start_date.desc(), s.loans.c.loan_no)
        )
        return to_records(LoanRecord, self._c.execute(stmt))

    def upsert(self, rec: LoanRecord) -> None:
        self._upsert_values(s.loans, "loan_no", values_of(rec))

    def upsert_many(self, records: Iterable[LoanRecord]) -> int:
        return self._upsert_records(s.loans, "loan_no", records)

    def bulk_insert(self, records: Iterable[LoanRecord]) -> int:
        return self._insert_records(s.loans, records)

    def overdue(self) -> list[LoanRecord]:
        """Loans with instalments unpaid, longest overdue first (the station's follow-up list)."""
        c = s.loans.c
        stmt = select(s.loans).where(c.arrears_months > 0).order_by(c.overdue_since, c.loan_no)
        return to_records(LoanRecord, self._c.execute(stmt))

    # --- the contact log of overdue loans (逾期催收联系记录) ---
    def add_contact(self, rec: CollectionContact) -> CollectionContact:
        values = values_of(rec, exclude=("id",))
        values["at"] = rec.at or utc_now()
        new_id = self._c.execute(s.collection_contacts.insert().values(values)).inserted_primary_key
        assert new_id is not None
        return CollectionContact(**{**values, "id": new_id[0]})

    def contacts(self, loan_no: str) -> list[CollectionContact]:
        """A loan's contacts, newest first."""
        t = s.collection_contacts.c
        stmt = select(s.collection_contacts).where(t.loan_no == normalize_code(loan_no)).order_by(t.day.desc(), t.id.desc())
        return to_records(CollectionContact, self._c.execute(stmt))

    def promises_due(self, day: date) -> list[CollectionContact]:
        """Each loan's latest promise to pay (a later contact without one leaves it standing), when its date
        has come (on or before ``day``)."""
        t = s.collection_contacts.c
        latest = select(func.max(t.id)).where(t.promised_date.is_not(None)).group_by(t.loan_no).scalar_subquery()
        stmt = (select(s.collection_contacts).where(t.id.in_(latest), t.promised_date <= day)
                .order_by(t.promised_date, t.loan_no))
        return to_records(CollectionContact, self._c.execute(stmt))


class WithdrawalHistoryRepository(Repository):
    def for_person(self, id_number: str) -> list[PastWithdrawalRecord]:
        """Past withdrawals, newest first."""
        w = s.withdrawal_history.c
        stmt = (
            select(s.withdrawal_history).where(w.id_number == normalize_code(id_number))
            .order_by(w.day.desc(), w.id.desc())
        )
        return to_records(PastWithdrawalRecord, self._c.execute(stmt))

    def add(self, rec: PastWithdrawalRecord) -> None:
        self._c.execute(s.withdrawal_history.insert().values(values_of(rec)))

    def others_using(self, document_key: str, id_number: str) -> int:
        """How many past withdrawals of *other* workers used this document (key: upper case, no
        spaces or hyphens; the expression is that of the index of store revision 0006)."""
        return int(self._c.exec_driver_sql(
            "SELECT count(*) FROM withdrawal_history WHERE upper(replace(replace(document_no, ' ', ''), '-', '')) = ?"
            " AND id_number <> ?", (document_key, id_number)).scalar_one())

    def bulk_insert(self, records: Iterable[PastWithdrawalRecord]) -> int:
        return self._insert_records(s.withdrawal_history, records)


class PolicyVersionRepository(Repository):
    def add(self, rec: PolicyVersionRecord) -> None:
        """Store (or replace) the version with this effective date and label."""
        values = values_of(rec)
        values["pulled_at"] = rec.pulled_at or utc_now()
        stmt = insert(s.policy_versions).values(values)
        self._c.execute(
            stmt.on_conflict_do_update(
                index_elements=["effective_from", "label"],
                set_={"toml": stmt.excluded.toml, "pulled_at": stmt.excluded.pulled_at},
            )
        )

    def all(self) -> list[PolicyVersionRecord]:
        stmt = select(s.policy_versions).order_by(s.policy_versions.c.effective_from, s.policy_versions.c.id)
        return to_records(PolicyVersionRecord, self._c.execute(stmt))
