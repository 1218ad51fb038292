"""The centre's copy of each station's audit log: verify its hash chain (``counter-central audit-verify``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import psycopg

from counter_app.domain.audit_chain import ChainBreak, ChainRow, ChainVerifier, at_text
from counter_app.domain.normalize import normalize_code
from counter_app.sync.central_db import CentralError

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

    @property
    def ok(self) -> bool:
        return self.first_bad is None

    def as_dict(self) -> dict[str, Any]:
        bad = self.first_bad
        return {"station": self.station, "ok": self.ok, "rows": self.rows, "first_seq": self.first_seq,
                "last_seq": self.last_seq, "first_bad_seq": bad.seq if bad else None,
                "reason": bad.reason if bad else None, "message": bad.message if bad else None}


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
    verifier = FromFirstHeld()
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        if conn.execute("SELECT 1 FROM central.stations WHERE code = %s", (code,)).fetchone() is None:
            raise CentralError("station", f"中心没有登记服务站 {code}")
        count, first, last = conn.execute(
            "SELECT count(*), min(seq), max(seq) FROM central.station_audit WHERE station_code = %s", (code,)
        ).fetchone()
        with conn.cursor(name="station_audit_verify") as cur:  # server-side: memory stays bounded
            cur.itersize = CHUNK
            cur.execute(_ROWS, (code,))
            for r in cur:
                if verifier.feed(_chain_row(r)) is not None:
                    break
    return StationVerdict(station=code, rows=count, first_seq=first, last_seq=last, first_bad=verifier.found)
