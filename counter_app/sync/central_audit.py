"""The centre's copy of each station's audit log: verify its hash chain (``counter-central audit-verify``).

With the key the station registered, keyed rows are checked as HMACs (nobody without the key can
have made them); the heads the station anchored must agree with the rows held, and a head that
went back or disagreed when it was anchored is a failure too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import psycopg

from counter_app.domain.audit_chain import ChainBreak, ChainRow, ChainVerifier, at_text, subject_mac
from counter_app.domain.normalize import normalize_code
from counter_app.sync.central_db import CentralError

ANCHOR = "anchor"

CHUNK = 2000
_ROWS = (
    "SELECT seq, at, row_station_code, terminal, clerk, action, subject, details, prev_hash, hash"
    " FROM central.station_audit WHERE station_code = %s ORDER BY seq"
)


@dataclass(frozen=True)
class StationVerdict:
    """What the centre holds of one station's log (seq range, count) and the first break, if any."""

    station: str
    rows: int
    first_seq: int | None
    last_seq: int | None
    first_bad: ChainBreak | None
    keyed: bool = False  # the station registered a key: keyed rows were checked as HMACs
    anchor_problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.first_bad is None and self.anchor_problem is None

    @property
    def message(self) -> str | None:
        return self.first_bad.message if self.first_bad else self.anchor_problem

    def as_dict(self) -> dict[str, Any]:
        bad = self.first_bad
        return {"station": self.station, "ok": self.ok, "rows": self.rows, "first_seq": self.first_seq,
                "last_seq": self.last_seq, "first_bad_seq": bad.seq if bad else None,
                "reason": bad.reason if bad else (ANCHOR if self.anchor_problem else None),
                "message": self.message, "keyed": self.keyed}


class FromFirstHeld(ChainVerifier):
    """The domain verifier, started at the first row the centre holds. That row may come after seq 1
    (a station keeps the rows it wrote before it had clerk accounts); its link backwards is taken as
    given, and every row after it is checked against it."""

    def feed(self, row: ChainRow) -> ChainBreak | None:
        if self.count == 0 and self.found is None and isinstance(row.seq, int) and row.seq > 1:
            # A stand-in predecessor that the first held row links to (never counted, never a row).
            self._prev = replace(row, seq=row.seq - 1, prev_hash="", hash=row.prev_hash)
        return super().feed(row)


def _chain_row(r: tuple[Any, ...]) -> ChainRow:
    return ChainRow(seq=r[0], at=at_text(r[1]), station_code=r[2], terminal=r[3], clerk=r[4], action=r[5],
                    subject=r[6], details=r[7], prev_hash=r[8], hash=r[9])


def verify_station(conn: psycopg.Connection, station_code: str) -> StationVerdict:
    """Read one station's rows in seq order (one snapshot, streamed) and find the first break."""
    code = normalize_code(station_code)
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        if conn.execute("SELECT 1 FROM central.stations WHERE code = %s", (code,)).fetchone() is None:
            raise CentralError("station", f"中心没有登记服务站 {code}")
        key = conn.execute("SELECT key, from_seq FROM central.station_keys WHERE station_code = %s",
                           (code,)).fetchone()
        verifier = FromFirstHeld(bytes(key[0]) if key else None, int(key[1]) if key else None)
        anchors = conn.execute(
            "SELECT a.seq, a.hash, a.answer, s.hash FROM central.audit_anchors a"
            " LEFT JOIN central.station_audit s ON s.station_code = a.station_code AND s.seq = a.seq"
            " WHERE a.station_code = %s ORDER BY a.id", (code,)).fetchall()
        count, first, last = conn.execute(
            "SELECT count(*), min(seq), max(seq) FROM central.station_audit WHERE station_code = %s", (code,)
        ).fetchone()
        with conn.cursor(name="station_audit_verify") as cur:  # server-side: memory stays bounded
            cur.itersize = CHUNK
            cur.execute(_ROWS, (code,))
            for r in cur:
                if verifier.feed(_chain_row(r)) is not None:
                    break
    return StationVerdict(station=code, rows=count, first_seq=first, last_seq=last, first_bad=verifier.found,
                          keyed=key is not None, anchor_problem=_anchor_problem(anchors))


def _anchor_problem(anchors: list[tuple[Any, ...]]) -> str | None:
    """The first anchored head that went back, or that a held row contradicts."""
    for seq, hash_, answer, held in anchors:
        if answer == "regressed":
            return f"审计链头曾倒退到第{seq}条（日志被截断、改写或从旧备份恢复）"
        if answer == "mismatch" or (held is not None and held != hash_):
            return f"锚定的第{seq}条审计记录与中心收到的该条记录不符（日志被改写）"
    return None


LOOKUP_ACTIONS = ("lookup", "reveal")


def lookups(conn: psycopg.Connection, id_number: str, station: str | None = None) -> list[dict[str, Any]]:
    """Who looked the person with ``id_number`` up, where and when (``counter-central audit-lookups``):
    each station's lookup rows carry a digest of the ID under that station's registered key, so the
    centre finds them by testing the number with every key, without any log holding the number."""
    number = normalize_code(id_number)
    if not number:
        raise CentralError("id", "请填写要查的证件号码")
    query = "SELECT station_code, key FROM central.station_keys"
    keys = conn.execute(query + (" WHERE station_code = %s" if station else ""),
                        (normalize_code(station),) if station else ()).fetchall()
    if not keys:
        return []
    codes = [code for code, _key in keys]
    macs = [subject_mac(bytes(key), number) for _code, key in keys]
    rows = conn.execute(
        "SELECT a.station_code, a.seq, a.at, a.clerk, a.terminal, a.action, a.details->>'via', a.details->>'field'"
        " FROM central.station_audit a JOIN unnest(%s::text[], %s::text[]) AS k(code, mac)"
        " ON a.station_code = k.code AND a.details->>'subject_mac' = k.mac"
        " WHERE a.action = ANY(%s) ORDER BY a.at, a.station_code, a.seq",
        (codes, macs, list(LOOKUP_ACTIONS))).fetchall()
    return [{"station": code, "seq": seq, "at": at.isoformat(), "clerk": clerk, "terminal": terminal,
             "action": action, "via": via, "field": field} for code, seq, at, clerk, terminal, action, via, field in rows]
