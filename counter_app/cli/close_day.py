"""``counter-app close-day [--date D] [--station] [--preview] [--json]`` and ``close-day reopen --date D --reason R``.

The day's totals and the receipt-number gap check; closing prints the close sheet (日结单). On a
station with clerk accounts both closing and reopening need a supervisor: ``--approver NAME`` with
the password in ``COUNTER_APP_APPROVER_PASSWORD`` or on stdin (after the clerk's, when both come
from stdin). JSON: ``{"closed", "revision", "day", "scope", "totals", "gaps", …}``.
"""

from __future__ import annotations

import argparse
from typing import Any

from counter_app.cli._counter import counter_for
from counter_app.cli._login import APPROVER_ENV, approval_for
from counter_app.console import CliError, emit_json
from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.daily_close import close_scope, revision_mark
from counter_app.domain.money import format_money
from counter_app.services import approvals
from counter_app.services.operations import close_date, close_day, day_report, reopen_day


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("close-day", help="日结：核对当日业务合计与受理编号，日结并打印日结单（须站长签核）",
                       description="日结当日（或指定日期）业务；close-day reopen 重开已日结的业务日。")
    _day_options(p)
    p.add_argument("--preview", action="store_true", help="只核对合计与编号，不日结")
    p.add_argument("--out", metavar="FILE.pdf", help="日结单另存到此文件（默认保存在数据目录 closes/ 下）")
    p.set_defaults(func=run)
    actions = p.add_subparsers(dest="close_action", parser_class=type(p))
    r = actions.add_parser("reopen", help="重开已日结的业务日（须填写原因并经站长复核）")
    _day_options(r, required=True)
    r.add_argument("--reason", required=True, help="重开原因（审计日志永久保存）")
    r.set_defaults(func=run_reopen)


def _day_options(p: argparse.ArgumentParser, required: bool = False) -> None:
    p.add_argument("--date", required=required, metavar="YYYY-MM-DD", help="业务日期（默认今天）")
    p.add_argument("--station", action="store_true", help="全站日结（站长办理），默认为本人日结")
    p.add_argument("--json", action="store_true", help="输出 JSON")


def _with_approval(counter: Any, args: argparse.Namespace, call: Any, request: Any) -> Any:
    result = call(None)
    if any(e.field == "approval" for e in result.errors):
        approval = approval_for(counter, args, request)
        if approval is None:
            raise CliError([{"field": "approval", "message": result.errors[0].message +
                             f"：请用 --approver 站长登录名，密码由环境变量 {APPROVER_ENV} 或标准输入提供"}])
        result = call(approval)
    if not result.ok:
        raise CliError([e.as_dict() for e in result.errors])
    return result.value


def run(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        day, bad = close_date(args.date or counter.today(), "日结日期")
        if bad:
            raise CliError([bad.as_dict()])
        clerk = None if args.station else counter.clerk
        if args.preview:
            report = day_report(counter, day, clerk)
        else:
            shown = day_report(counter, day, clerk)
            scope = shown.scope
            report = _with_approval(
                counter, args,
                lambda approval: close_day(counter, day, station=args.station, out=args.out, approval=approval,
                                           expected_count=None if shown.closed else len(shown.items)),
                approvals.close_request(day, scope))
        payload = as_json(counter, report)
    if args.json:
        emit_json(payload)
    else:
        print_report(payload, "核对（未日结）" if args.preview and not report.closed else None)
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        day, bad = close_date(args.date, "重开日期")
        if bad:
            raise CliError([bad.as_dict()])
        scope = close_scope(None if args.station else counter.clerk)
        report = _with_approval(
            counter, args, lambda approval: reopen_day(counter, day, args.reason, station=args.station, approval=approval),
            approvals.reopen_request(day, scope))
        payload = as_json(counter, report)
    if args.json:
        emit_json(payload)
    else:
        print_report(payload, "已重开")
    return 0


def as_json(counter: Any, report: Any) -> dict[str, Any]:
    """The day as scripts read it: closed or not, the revision, totals (money as strings), gaps."""
    totals = report.totals_dict()
    close = report.close
    payload: dict[str, Any] = {
        "day": report.day.isoformat(), "scope": report.scope, "closed": report.closed, "revision": report.revision,
        "totals": totals, "gaps": totals.get("gaps", []), "reprinted_after_close": report.reprinted_after_close,
    }
    if close is not None:
        payload.update(closed_by=close.closed_by, closed_at=counter.local(close.closed_at).isoformat(timespec="seconds"),
                       sheet=close.sheet_path)
    if report.reopened is not None:
        r = report.reopened
        payload["reopened"] = {"revision": r.revision, "by": r.reopened_by, "approved_by": r.reopen_approved_by,
                               "reason": r.reopen_reason, "at": counter.local(r.reopened_at).isoformat(timespec="seconds")}
    return payload


def print_report(payload: dict[str, Any], state: str | None = None) -> None:
    t = payload["totals"]
    who = "全站" if payload["scope"] == "station" else payload["scope"].removeprefix("clerk:")
    mark = revision_mark(payload["revision"])
    if state is None:
        state = "已日结" + (f"（{mark}）" if mark else "")
    print(f"{payload['day']}　{who}　{state}")
    print(f"业务 {t['count']} 笔，金额 {format_money(t['amount'])} 元；回执打印 {t['receipts_printed']} 张，"
          f"补打 {t['receipts_reprinted']} 张；未上传中心 {len(t['unsynced'])} 笔")
    for k in t["by_kind"]:
        spec = BUSINESSES.get(k["kind"])
        print(f"  {spec.short if spec else k['kind']}　{k['count']} 笔　{format_money(k['amount'])} 元")
    gaps = ["终端{}缺号：{}".format(g["terminal"], "、".join(f"{n:04d}" for n in g["missing"])) for g in payload["gaps"]]
    print("编号检查：" + ("；".join(gaps) if gaps else "受理编号连续，无缺号"))
    if payload.get("reprinted_after_close"):
        print(f"日结后补打回执 {payload['reprinted_after_close']} 张（已记录，不计入合计）")
    if payload.get("reopened"):
        r = payload["reopened"]
        print(f"第{r['revision']}次日结已由 {r['by']} 重开（复核：{r['approved_by'] or '无'}），原因：{r['reason']}")
    if payload.get("sheet"):
        print(f"日结单：{payload['sheet']}")
