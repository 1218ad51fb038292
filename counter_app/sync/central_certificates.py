"""Is this 缴存使用证明 genuine (证明真伪核验)? The centre checks the station's keyed code.

``counter-central verify-certificate TEXT`` takes the certificate's QR content, or its number and
verification code as printed (``ZMCG0120261123A1B2 1A2B-3C4D-5E6F-7A8B``). The QR text carries the
certified figures: the centre recomputes their code under the issuing station's registered key, so a
changed figure, or a certificate made without the station's key, fails. A typed number and code are
checked against the print the station's audit log recorded (the code is in that sealed row). Either
way the answer says whether the centre has the station's record of the print yet.
"""

from __future__ import annotations

import hmac
import re
from typing import Any

import psycopg

from counter_app.domain.certificate import LEGACY_PREFIX, PREFIX, code, legacy_intact, scan, scan_legacy
from counter_app.domain.status import account_label, loan_label

_TYPED = re.compile(r"(?i)^\s*(?P<serial>ZM[A-Z0-9_]+)\s*[|｜\s]\s*(?P<code>[0-9A-Fa-f]{4}(-?[0-9A-Fa-f]{4}){3})\s*$")
LABELS = ("格式", "服务站", "出具日期", "证件号码", "个人账号", "账户状态", "缴存基数", "连续缴存月数", "账户余额", "贷款")


class CertificateTextError(ValueError):
    """The text is neither a certificate's QR content nor its number with the verification code."""


def verify_certificate(conn: psycopg.Connection, text: str) -> dict[str, Any]:
    """``{"genuine": bool, "serial", "message", ...}``; when genuine also the station, the day, the
    certified facts (from a QR text) and ``"recorded"``: whether the station's print row has arrived."""
    scanned = scan(text)
    if scanned is not None:
        return _verify_scanned(conn, scanned)
    legacy = scan_legacy(text)
    if legacy is not None:
        return _verify_legacy(conn, legacy)
    typed = _TYPED.match(text or "")
    if typed is None:
        raise CertificateTextError("请输入证明二维码的内容，或证明编号加核验码，如 ZMCG0120261123A1B2 1A2B-3C4D-5E6F-7A8B")
    raw = typed["code"].upper().replace("-", "")
    return _verify_typed(conn, typed["serial"].upper(), "-".join(raw[i:i + 4] for i in range(0, 16, 4)))


def _station(conn: psycopg.Connection, station_code: str) -> tuple[str, bytes | None] | None:
    row = conn.execute(
        "SELECT s.name, k.key FROM central.stations s LEFT JOIN central.station_keys k ON k.station_code = s.code"
        " WHERE s.code = %s", (station_code,)).fetchone()
    return None if row is None else (str(row[0]), bytes(row[1]) if row[1] is not None else None)


def _print_row(conn: psycopg.Connection, station_code: str, serial: str) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT details, at FROM central.station_audit WHERE station_code = %s AND action = 'print' AND subject = %s"
        " AND details->>'document' = 'certificate' ORDER BY seq DESC LIMIT 1", (station_code, serial)).fetchone()
    return None if row is None else {"details": row[0], "at": row[1]}


def _verify_scanned(conn: psycopg.Connection, scanned: Any) -> dict[str, Any]:
    serial = scanned.serial
    station = _station(conn, scanned.station_code)
    if station is None:
        return {"genuine": False, "serial": serial, "message": f"证明所称的服务站 {scanned.station_code} 不存在：证明系伪造"}
    name, key = station
    if key is None:
        return {"genuine": False, "serial": serial, "unverified": True,
                "message": f"服务站 {scanned.station_code} 尚未向中心登记签名密钥，暂时无法核验（请该站同步后再试）"}
    if not hmac.compare_digest(code(key, scanned.body), scanned.code):
        return {"genuine": False, "serial": serial, "message": f"证明 {serial} 的核验码不符：证明系伪造或内容被涂改"}
    recorded = _print_row(conn, scanned.station_code, serial)
    return {
        "genuine": True, "serial": serial, "station_code": scanned.station_code, "station_name": name,
        "as_of": scanned.as_of.isoformat(), "facts": _facts(scanned.fields),
        "recorded": recorded is not None,
        "message": f"证明 {serial} 真实有效（{name} 出具）" + ("" if recorded else "；该站的出具记录尚未同步到中心"),
    }


def _verify_legacy(conn: psycopg.Connection, scanned: Any) -> dict[str, Any]:
    """A version-1 QR: its code is an unkeyed digest anyone can compute, so it cannot prove the
    figures; say so plainly (never "genuine"), with what the centre does know: whether the QR is
    intact, and whether the station's audit log recorded a certificate of that number and code."""
    serial = scanned.serial
    answer: dict[str, Any] = {"genuine": False, "unverified": True, "legacy": True, "serial": serial,
                              "format": LEGACY_PREFIX}
    if not legacy_intact(scanned):
        return {**answer, "unverified": False,
                "message": f"旧版（{LEGACY_PREFIX}）证明 {serial} 的核验码与二维码内容不符：证明系伪造或内容被涂改"}
    station = _station(conn, scanned.station_code)
    if station is None:
        return {**answer, "unverified": False,
                "message": f"证明所称的服务站 {scanned.station_code} 不存在：证明系伪造"}
    recorded = _print_row(conn, scanned.station_code, serial)
    logged = (recorded["details"] or {}).get("code") if recorded is not None else None  # version 1 logged none
    seen = recorded is not None and logged in (None, scanned.code)
    message = (f"证明 {serial} 是旧版（{LEGACY_PREFIX}）缴存使用证明：其核验码未使用服务站密钥，任何人都能算出，"
               f"不能据此证明真伪。请申请人到 {station[0]} 重新打印新版证明（二维码以 {PREFIX} 开头）后再核验")
    if seen and recorded is not None:
        when = recorded["at"].isoformat(timespec="minutes")
        message += (f"；中心有该站 {when} 出具此编号证明的记录（证件号码 {recorded['details'].get('subject')}），"
                    "可据此核对持证人，但证明上的数字无法核验")
    return {**answer, "station_code": scanned.station_code, "station_name": station[0],
            "as_of": scanned.as_of.isoformat(), "recorded": seen, "message": message}


def _facts(fields: tuple[str, ...]) -> dict[str, str]:
    """The certified figures by their printed labels, statuses as words (the QR holds their codes)."""
    facts = dict(zip(LABELS[3:], fields[3:], strict=True))
    facts["账户状态"] = account_label(facts["账户状态"])
    loans = [line.split(",") for line in facts["贷款"].split(";") if line]
    facts["贷款"] = "；".join(f"{no} 贷款{principal}元 剩余{left}元 {loan_label(status)}"
                              for no, principal, left, status in loans)
    return facts


def _verify_typed(conn: psycopg.Connection, serial: str, typed_code: str) -> dict[str, Any]:
    rows = conn.execute(
        "SELECT station_code, details, at FROM central.station_audit WHERE action = 'print' AND subject = %s"
        " AND details->>'document' = 'certificate' ORDER BY seq DESC", (serial,)).fetchall()
    if not rows:
        return {"genuine": False, "serial": serial,
                "message": f"中心没有编号为 {serial} 的证明出具记录：证明系伪造，或出具服务站尚未同步"
                           "（请扫描二维码核验，或联系该站）"}
    match = next((r for r in rows if hmac.compare_digest(str((r[1] or {}).get("code", "")), typed_code)), None)
    if match is None:
        unlogged = next((r for r in rows if "code" not in (r[1] or {})), None)
        if unlogged is not None:  # a first-format print: its code was an unkeyed digest, never logged
            station = _station(conn, unlogged[0])
            name = station[0] if station else unlogged[0]
            return {"genuine": False, "unverified": True, "legacy": True, "serial": serial,
                    "station_code": unlogged[0], "station_name": name, "recorded": True,
                    "printed_at": unlogged[2].isoformat(timespec="minutes"), "subject": unlogged[1].get("subject"),
                    "message": f"证明 {serial} 是旧版（{LEGACY_PREFIX}）缴存使用证明，其核验码未使用服务站密钥，"
                               f"不能凭核验码证明真伪；中心有 {name} {unlogged[2].isoformat(timespec='minutes')} "
                               f"出具此编号证明的记录（证件号码 {unlogged[1].get('subject')}），可据此核对持证人。"
                               f"请申请人重新打印新版证明（二维码以 {PREFIX} 开头）后再核验"}
        return {"genuine": False, "serial": serial, "message": f"证明 {serial} 的核验码不符：证明系伪造或被涂改"}
    station_code, details, at = match
    station = _station(conn, station_code)
    name = station[0] if station else station_code
    return {"genuine": True, "serial": serial, "station_code": station_code, "station_name": name,
            "printed_at": at.isoformat(timespec="minutes"), "subject": details.get("subject"), "recorded": True,
            "message": f"证明 {serial} 真实有效（{name} 出具，证件号码 {details.get('subject')}）"}
