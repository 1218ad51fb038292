"""Counter search (综合查询): one box for ID number, USCC, account number, name or pinyin.

People and employers this station registered (开户, 单位建制) and the centre has not decided yet are
found too, from their applications (the station's own few, read whole): marked with the receipt
numbers, until the centre's record of them arrives and replaces them.

Every lookup is an indexed prefix range (``col >= p AND col < p || U+10FFFF``) with a LIMIT, so the
cost does not grow with the number of workers. Ranking, best first: exact code (ID, USCC, account
number), code prefix, exact name, name prefix, exact pinyin key, pinyin key prefix.

The statements are fixed SQL run on the DB-API connection: a search is a handful of index probes,
and building SQLAlchemy statements would cost more than SQLite answering them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from counter_app.domain.businesses import BUSINESSES
from counter_app.domain.ids import mask_id_number
from counter_app.domain.normalize import normalize_code, normalize_name
from counter_app.domain.search_keys import employer_aliases, employer_keys, person_keys, pinyin_query
from counter_app.domain.status import CONFLICT_OR_OPEN
from counter_app.store.records import SearchHit

# Scores of the rules, and the rule names reported in ``SearchHit.matched``.
CODE_EXACT, CODE_PREFIX, NAME_EXACT, NAME_PREFIX, PINYIN_EXACT, PINYIN_PREFIX = 100, 90, 80, 70, 60, 50
MAX_CHAR = "\U0010ffff"  # sorts after every character (SQLite compares UTF-8 bytes), 𠮷 included
_CODE = re.compile(r"^[0-9A-Z]+$")
_HAS_DIGIT = re.compile(r"\d")


def _range_sql(table: str, column: str, *extra: str) -> str:
    columns = ", ".join((column, *extra))
    return f"SELECT {columns} FROM {table} WHERE {column} >= ? AND {column} < ? ORDER BY {column} LIMIT ?"


# (SQL, kind, rule): each row is (matched value, ref[, account_no]).
_CODE_LOOKUPS = (
    (_range_sql("workers", "id_number", "id_number"), "worker", "id"),
    (_range_sql("accounts", "account_no", "id_number", "account_no"), "worker", "account_no"),
    (_range_sql("employers", "uscc", "uscc"), "employer", "uscc"),
    (_range_sql("employers", "account_no", "uscc", "account_no"), "employer", "account_no"),
    (_range_sql("loans", "loan_no", "id_number"), "worker", "loan_no"),  # a loan contract finds its borrower
)
_NAME_LOOKUPS = (
    (_range_sql("workers", "name", "id_number"), "worker", "name"),
    (_range_sql("employers", "name", "uscc"), "employer", "name"),
)
_KEYS_SQL = _range_sql("search_keys", "key", "owner", "ref")
_OWNERS = {"W": "worker", "E": "employer"}


def _in(sql: str, count: int) -> str:
    return sql.replace("(?)", "(" + ",".join("?" * count) + ")")


_WORKERS_SQL = (
    "SELECT w.id_number, w.name, w.township, e.name FROM workers w "
    "LEFT JOIN employers e ON e.uscc = w.employer_uscc WHERE w.id_number IN (?)"
)
_ACCOUNTS_SQL = (
    "SELECT id_number, account_no, status FROM accounts WHERE id_number IN (?) "
    "ORDER BY status <> '01', opened_on DESC, account_no"
)
_EMPLOYERS_SQL = "SELECT uscc, name, township, status, account_no FROM employers WHERE uscc IN (?)"
# Undecided registrations, newest first; the employer named by an account opening, if known here.
_PENDING_SQL = (
    "SELECT a.kind, a.subject_key, a.subject_name, a.receipt_number, e.name FROM applications a "
    "LEFT JOIN employers e ON e.uscc = json_extract(a.fields, '$.employer_uscc') "
    "WHERE a.status IN ({statuses}) AND a.kind IN (?) ORDER BY a.created_at DESC, a.id DESC"
)


@dataclass
class _Pending:
    """A subject of undecided registrations: who, and the receipts that show it is on its way."""

    kind: str  # "worker" | "employer"
    key: str
    name: str
    employer_name: str | None
    receipts: list[str]

    def keys(self) -> tuple[str, ...]:
        return person_keys(self.name) if self.kind == "worker" else employer_keys(self.name)

    def names(self) -> tuple[str, ...]:
        return (self.name,) if self.kind == "worker" else (self.name, *employer_aliases(self.name))


@dataclass
class _Candidate:
    kind: str  # "worker" | "employer"
    key: str
    score: int
    matched: str
    account_no: str | None = None  # the account that matched, for account-number queries


class Searcher:
    """Runs one query on a DB-API (sqlite3) connection; read-only."""

    def __init__(self, dbapi: Any, limit: int) -> None:
        self._db = dbapi
        self._limit = max(1, limit)
        self._found: dict[tuple[str, str], _Candidate] = {}

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, params).fetchall()

    def _offer(self, cand: _Candidate) -> None:
        old = self._found.get((cand.kind, cand.key))
        if old is None or cand.score > old.score:
            self._found[(cand.kind, cand.key)] = cand

    def run(self, text: str) -> list[SearchHit]:
        code = normalize_code(text)
        spelled = pinyin_query(text)
        pending = self._pending()
        if code and _CODE.match(code) and _HAS_DIGIT.search(code):
            self._lookups(_CODE_LOOKUPS, code, CODE_EXACT, CODE_PREFIX)
            self._match_pending(pending, lambda p: (p.key,), code, CODE_EXACT, CODE_PREFIX)
        elif spelled:
            self._keys(spelled, PINYIN_EXACT, PINYIN_PREFIX, "pinyin")
            self._match_pending(pending, _Pending.keys, spelled, PINYIN_EXACT, PINYIN_PREFIX)
        else:
            name = normalize_name(text)
            if name:
                self._lookups(_NAME_LOOKUPS, name, NAME_EXACT, NAME_PREFIX)
                self._keys(name, NAME_EXACT, NAME_PREFIX, "name")  # employer names without place words
                self._match_pending(pending, _Pending.names, name, NAME_EXACT, NAME_PREFIX)
        return self._hits(pending)

    def _pending(self) -> dict[str, _Pending]:
        """This station's undecided registrations by subject (a handful: read whole, matched here)."""
        kinds = {spec.kind: "worker" if spec.subject_field == "id_number" else "employer"
                 for spec in BUSINESSES.values() if spec.registers is not None}
        if not kinds:
            return {}
        sql = _in(_PENDING_SQL.format(statuses=",".join("?" * len(CONFLICT_OR_OPEN))), len(kinds))
        out: dict[str, _Pending] = {}
        for kind, key, name, receipt, employer_name in self._rows(sql, (*sorted(map(str, CONFLICT_OR_OPEN)), *kinds)):
            found = out.get(key)
            if found is None:
                out[key] = _Pending(kinds[kind], key, name or "", employer_name, [receipt])
            else:
                found.receipts.append(receipt)
        return out

    def _match_pending(self, pending: dict[str, _Pending], words: Any, text: str, exact: int, prefix: int) -> None:
        for p in pending.values():
            matched = [w for w in words(p) if w.startswith(text)]
            if matched:
                self._offer(_Candidate(p.kind, p.key, exact if text in matched else prefix, "pending"))

    def _lookups(self, lookups: tuple[tuple[str, str, str], ...], text: str, exact: int, prefix: int) -> None:
        params = (text, text + MAX_CHAR, self._limit)
        for sql, kind, rule in lookups:
            for found, ref, *account in self._rows(sql, params):
                score = exact if found == text else prefix
                self._offer(_Candidate(kind, ref, score, rule, account[0] if account else None))

    def _keys(self, text: str, exact: int, prefix: int, rule: str) -> None:
        # A person has several keys (zs, zsan, …): read a few more rows than hits wanted.
        for key, owner, ref in self._rows(_KEYS_SQL, (text, text + MAX_CHAR, self._limit * 3)):
            self._offer(_Candidate(_OWNERS[owner], ref, exact if key == text else prefix, rule))

    def _details(self, sql: str, keys: list[str]) -> list[tuple[Any, ...]]:
        return self._rows(_in(sql, len(keys)), tuple(keys)) if keys else []

    def _hits(self, pending: dict[str, _Pending]) -> list[SearchHit]:
        best = sorted(self._found.values(), key=lambda c: -c.score)[: self._limit]  # stable: index order
        people = [c.key for c in best if c.kind == "worker"]
        workers = {row[0]: row[1:] for row in self._details(_WORKERS_SQL, people)}
        accounts: dict[str, list[tuple[str, str]]] = {}
        for id_number, account_no, status in self._details(_ACCOUNTS_SQL, people):
            accounts.setdefault(id_number, []).append((account_no, status))
        employers = {row[0]: row[1:] for row in self._details(_EMPLOYERS_SQL, [c.key for c in best if c.kind == "employer"])}
        hits: list[SearchHit] = []
        for c in best:
            receipts = tuple(pending[c.key].receipts) if c.key in pending and pending[c.key].kind == c.kind else ()
            if c.kind == "worker" and c.key in workers:
                name, township, employer_name = workers[c.key]
                account_no, status = _pick_account(accounts.get(c.key, []), c.account_no)
                hits.append(SearchHit("worker", c.key, name, mask_id_number(c.key), account_no, status,
                                      employer_name, township, c.score, c.matched, receipts))
            elif c.kind == "employer" and c.key in employers:
                name, township, status, account_no = employers[c.key]
                hits.append(SearchHit("employer", c.key, name, c.key, account_no, status, None, township,
                                      c.score, c.matched, receipts))
            elif receipts:  # known here only from its registration: the centre's record has not come yet
                p = pending[c.key]
                shown = mask_id_number(p.key) if p.kind == "worker" else p.key
                hits.append(SearchHit(p.kind, p.key, p.name, shown, None, None, p.employer_name, None,  # type: ignore[arg-type]
                                      c.score, "pending", receipts))
        # At the same score the centre's records come first.
        hits.sort(key=lambda h: (-h.score, h.matched == "pending", h.name, h.key))
        return hits[: self._limit]


def _pick_account(accounts: list[tuple[str, str]], wanted: str | None) -> tuple[str | None, str | None]:
    """The account that matched the query, else the person's current one (normal first)."""
    for account_no, status in accounts:
        if account_no == wanted:
            return account_no, status
    return accounts[0] if accounts else (None, None)


def search(dbapi_connection: Any, text: str, limit: int = 20) -> list[SearchHit]:
    return Searcher(dbapi_connection, limit).run(text)
