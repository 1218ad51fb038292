"""Counter search (综合查询): one box for ID number, USCC, account number, name or pinyin.

Every lookup is an indexed prefix range (``col >= p AND col < p || U+10FFFF``) with a LIMIT, so the
cost does not grow with the number of workers. Ranking, best first: exact code (ID, USCC, account
number), code prefix, exact name, name prefix, exact pinyin key, pinyin key prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Column, Connection, case, select

from counter_app.domain.ids import mask_id_number
from counter_app.domain.normalize import normalize_code, normalize_name
from counter_app.domain.search_keys import pinyin_query
from counter_app.store import schema as s
from counter_app.store.records import SearchHit

# Scores of the rules, and the rule names reported in ``SearchHit.matched``.
CODE_EXACT, CODE_PREFIX, NAME_EXACT, NAME_PREFIX, PINYIN_EXACT, PINYIN_PREFIX = 100, 90, 80, 70, 60, 50
MAX_CHAR = "\U0010ffff"  # sorts after every character (SQLite compares UTF-8 bytes), 𠮷 included
_CODE = re.compile(r"^[0-9A-Z]+$")
_HAS_DIGIT = re.compile(r"\d")


@dataclass
class _Candidate:
    kind: str  # "worker" | "employer"
    key: str
    score: int
    matched: str
    account_no: str | None = None  # the account that matched, for account-number queries


def _prefix(column: Column, text: str):  # type: ignore[no-untyped-def]
    return (column >= text) & (column < text + MAX_CHAR)


def _score(found: str, query: str, exact: int, prefix: int) -> int:
    return exact if found == query else prefix


class Searcher:
    """Runs one query on a connection (read-only)."""

    def __init__(self, connection: Connection, limit: int) -> None:
        self._c = connection
        self._limit = max(1, limit)
        self._found: dict[tuple[str, str], _Candidate] = {}

    def _offer(self, cand: _Candidate) -> None:
        old = self._found.get((cand.kind, cand.key))
        if old is None or cand.score > old.score:
            self._found[(cand.kind, cand.key)] = cand

    def run(self, text: str) -> list[SearchHit]:
        code = normalize_code(text)
        spelled = pinyin_query(text)
        if code and _CODE.match(code) and _HAS_DIGIT.search(code):
            self._codes(code)
        elif spelled:
            self._pinyin(spelled)
        else:
            name = normalize_name(text)
            if name:
                self._names(name)
        return self._hits()

    def _range(self, column: Column, text: str, *extra: Column, n: int | None = None):  # type: ignore[no-untyped-def]
        stmt = select(column, *extra).where(_prefix(column, text)).order_by(column).limit(n or self._limit)
        return self._c.execute(stmt).all()

    def _codes(self, code: str) -> None:
        for (id_number,) in self._range(s.workers.c.id_number, code):
            self._offer(_Candidate("worker", id_number, _score(id_number, code, CODE_EXACT, CODE_PREFIX), "id"))
        for account_no, id_number in self._range(s.accounts.c.account_no, code, s.accounts.c.id_number):
            score = _score(account_no, code, CODE_EXACT, CODE_PREFIX)
            self._offer(_Candidate("worker", id_number, score, "account_no", account_no))
        for (uscc,) in self._range(s.employers.c.uscc, code):
            self._offer(_Candidate("employer", uscc, _score(uscc, code, CODE_EXACT, CODE_PREFIX), "uscc"))
        for account_no, uscc in self._range(s.employers.c.account_no, code, s.employers.c.uscc):
            score = _score(account_no, code, CODE_EXACT, CODE_PREFIX)
            self._offer(_Candidate("employer", uscc, score, "account_no", account_no))

    def _names(self, name: str) -> None:
        for found, id_number in self._range(s.workers.c.name, name, s.workers.c.id_number):
            self._offer(_Candidate("worker", id_number, _score(found, name, NAME_EXACT, NAME_PREFIX), "name"))
        for found, uscc in self._range(s.employers.c.name, name, s.employers.c.uscc):
            self._offer(_Candidate("employer", uscc, _score(found, name, NAME_EXACT, NAME_PREFIX), "name"))
        self._keys(name, NAME_EXACT, NAME_PREFIX, "name")  # employer names without their place words

    def _pinyin(self, spelled: str) -> None:
        self._keys(spelled, PINYIN_EXACT, PINYIN_PREFIX, "pinyin")

    def _keys(self, text: str, exact: int, prefix: int, rule: str) -> None:
        k = s.search_keys.c
        # A person has several keys (zs, zsan, …): read a few more rows than hits wanted.
        for key, owner, ref in self._range(k.key, text, k.owner, k.ref, n=self._limit * 3):
            kind = "worker" if owner == "W" else "employer"
            self._offer(_Candidate(kind, ref, _score(key, text, exact, prefix), rule))

    def _hits(self) -> list[SearchHit]:
        best = sorted(self._found.values(), key=lambda c: -c.score)[: self._limit * 2]
        workers = self._worker_rows([c.key for c in best if c.kind == "worker"])
        accounts = self._accounts([c.key for c in best if c.kind == "worker"])
        employers = self._employer_rows([c.key for c in best if c.kind == "employer"])
        hits: list[SearchHit] = []
        for c in best:
            if c.kind == "worker" and c.key in workers:
                name, township, employer_name = workers[c.key]
                account_no, status = _pick_account(accounts.get(c.key, []), c.account_no)
                hits.append(SearchHit("worker", c.key, name, mask_id_number(c.key), account_no, status,
                                      employer_name, township, c.score, c.matched))
            elif c.kind == "employer" and c.key in employers:
                name, township, status, account_no = employers[c.key]
                hits.append(SearchHit("employer", c.key, name, c.key, account_no, status, None, township,
                                      c.score, c.matched))
        hits.sort(key=lambda h: (-h.score, h.name, h.key))
        return hits[: self._limit]

    def _worker_rows(self, id_numbers: list[str]) -> dict[str, tuple[str, str | None, str | None]]:
        if not id_numbers:
            return {}
        w, e = s.workers.c, s.employers.c
        stmt = (
            select(w.id_number, w.name, w.township, e.name)
            .select_from(s.workers.outerjoin(s.employers, e.uscc == w.employer_uscc))
            .where(w.id_number.in_(id_numbers))
        )
        return {row[0]: (row[1], row[2], row[3]) for row in self._c.execute(stmt)}

    def _accounts(self, id_numbers: list[str]) -> dict[str, list[tuple[str, str]]]:
        if not id_numbers:
            return {}
        a = s.accounts.c
        stmt = (
            select(a.id_number, a.account_no, a.status).where(a.id_number.in_(id_numbers))
            .order_by(case((a.status == "01", 0), else_=1), a.opened_on.desc())
        )
        found: dict[str, list[tuple[str, str]]] = {}
        for id_number, account_no, status in self._c.execute(stmt):
            found.setdefault(id_number, []).append((account_no, status))
        return found

    def _employer_rows(self, usccs: list[str]) -> dict[str, tuple[str, str | None, str, str | None]]:
        if not usccs:
            return {}
        e = s.employers.c
        stmt = select(e.uscc, e.name, e.township, e.status, e.account_no).where(e.uscc.in_(usccs))
        return {row[0]: (row[1], row[2], row[3], row[4]) for row in self._c.execute(stmt)}


def _pick_account(accounts: Iterable[tuple[str, str]], wanted: str | None) -> tuple[str | None, str | None]:
    """The account that matched the query, else the person's current one (normal first)."""
    accounts = list(accounts)
    for account_no, status in accounts:
        if account_no == wanted:
            return account_no, status
    return accounts[0] if accounts else (None, None)


def search(connection: Connection, text: str, limit: int = 20) -> list[SearchHit]:
    return Searcher(connection, limit).run(text)
