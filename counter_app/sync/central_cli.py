"""``counter-central``: the centre's administration (init, add-station, seed-demo, decide, projects, status, flags,
attachments, …)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import psycopg

from counter_app import console
from counter_app.console import CliError, emit_json
from counter_app.crash import scrub
from counter_app.faults import connection_message
from counter_app.sync import (
    attachments,
    central_audit,
    central_certificates,
    central_checks,
    central_clerks,
    central_cross_region,
    central_db,
    central_projects,
    central_receipts,
    central_risk,
    central_seed,
)
from counter_app.sync.central_errors import CentralError

DSN_ENV = "COUNTER_CENTRAL_DSN"


def _dsn(args: argparse.Namespace) -> str:
    dsn = args.dsn or os.environ.get(DSN_ENV, "")
    if not dsn:
        raise CliError.single("dsn", f"请用 --dsn 或环境变量 {DSN_ENV} 指定中心数据库连接串")
    return dsn


def _connect(args: argparse.Namespace) -> psycopg.Connection:
    return central_db.connect(_dsn(args), autocommit=True)


def _init(args: argparse.Namespace) -> int:
    group = central_db.init_central(_dsn(args), args.group_role)
    if args.json:
        emit_json({"initialized": True, "group_role": group})
    else:
        print(f"中心数据库已初始化（服务站角色组：{group}）")
    return 0


def _add_station(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        creds = central_db.add_station(conn, args.code, args.name, args.district, args.role)
    if args.json:
        emit_json(creds.as_dict())
    else:
        print(f"服务站 {creds.code} 已登记，数据库角色 {creds.role}")
        print(f"密码（只显示这一次，请妥善交给服务站）：{creds.password}")
    return 0


def _seed_demo(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        counts = central_seed.seed_demo(conn, workers=args.workers, employers=args.employers, seed=args.seed)
    if args.json:
        emit_json(counts)
    else:
        print("演示数据已载入：" + "，".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def _decide(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        result = central_db.decide(conn, args.receipt_number, args.decision, args.reason or "", args.by,
                                   agreement_no=args.agreement_no, valid_until=args.valid_until)
    if args.json:
        emit_json(result)
    else:
        print(f"已记录审批结果：{result['receipt_number']} → {result['decision']}")
        if "project" in result:
            print(f"楼盘状态：{central_projects.STANDING_LABELS[result['project']]}（各服务站同步后生效）")
    return 0


def _cross_region(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else None
    if out is not None and not out.parent.is_dir():
        raise CliError.single("out", f"输出目录不存在：{out.parent}")
    with _connect(args) as conn:
        rows = central_cross_region.worklist(conn, include_decided=args.all)
    if out is not None:
        central_cross_region.write_xlsx(rows, out)
    if args.json:
        emit_json({"applications": rows, **({"out": str(out)} if out else {})})
        return 0
    for r in rows:
        amount = f"{r['amount']}元" if r["amount"] else ""
        print(f"{r['receipt_number']}\t{r['station_name']}\t{r['direction']}\t{r['city']} {r['centre']}\t"
              f"{r['reference']}\t{amount}\t{r['channel']}\t{r['status']}")
    print(f"共 {len(rows)} 笔跨省通办业务" + ("" if args.all else "待转办") + (f"，已导出到 {out}" if out else ""))
    return 0


def _projects(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        if args.suspend:
            projects = [central_projects.suspend(conn, args.suspend, args.reason or "")]
        elif args.reinstate:
            projects = [central_projects.reinstate(conn, args.reinstate, args.reason or "")]
        else:
            projects = central_projects.list_projects(conn)
    if args.json:
        emit_json({"projects": projects})
        return 0
    for p in projects:
        until = f"有效期至 {p['valid_until']}" if p["valid_until"] else ""
        print(f"{p['name']}\t{p['developer_name']}\t{central_projects.STANDING_LABELS[p['standing']]}"
              f"\t{p['agreement_no'] or ''}\t{until}\t{p['note']}")
    if not projects:
        print("中心还没有准入的楼盘")
    return 0


def _status(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        status = central_db.station_status(conn)
    if args.json:
        emit_json(status)
    else:
        for st in status["stations"]:
            print(f"{st['code']}\t已接收 {st['received']}\t最近联系 {st['last_contact'] or '从未'}"
                  f"\t待核查 {st['flags']}")
    return 0


def _flags(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        rechecked = central_checks.recheck(conn) if args.recheck else None
        flags = central_checks.list_flags(conn, station=args.station, include_resolved=args.all)
    if args.json:
        emit_json({"flags": flags, **({"rechecked": rechecked} if rechecked is not None else {})})
    else:
        if rechecked is not None:
            print(f"已复核 {rechecked} 笔提取申请")
        for f in flags:
            print(f"{f['station_code']}\t{f['receipt_number']}\t{central_checks.RULES.get(f['rule'], f['rule'])}\t{f['message']}")
        if not flags:
            print("没有待核查的标记")
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        verdict = central_audit.verify_station(conn, args.station)
    if args.json:
        emit_json(verdict.as_dict())
    elif verdict.ok:
        held = f"第{verdict.first_seq}–{verdict.last_seq}条，" if verdict.rows else ""
        print(f"服务站 {verdict.station} 的审计日志完好（{held}共 {verdict.rows} 条）")
    else:
        print(f"服务站 {verdict.station} 的审计日志有问题：{verdict.message}")
    return 0 if verdict.ok else 1


_LOOKED = {"lookup": "查询", "reveal": "查看完整号码"}


def _audit_lookups(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        found = central_audit.lookups(conn, args.id, args.station)
    if args.json:
        emit_json({"lookups": found})
        return 0
    if not found:
        print("中心收到的审计日志中没有查询过该证件号码的记录")
    for row in found:
        how = row["via"] or row["field"] or ""
        print(f"{row['at']}  服务站 {row['station']} 终端 {row['terminal']}  柜员 {row['clerk']}  "
              f"{_LOOKED.get(row['action'], row['action'])}{f'（{how}）' if how else ''}")
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD，例如 2026-11-23（收到 {text!r}）") from None


def _audit_rules(args: argparse.Namespace) -> int:
    if args.end < args.start:
        raise CliError.single("to", "结束日期不能早于开始日期")
    out = Path(args.out) if args.out else None
    if out is not None and not out.parent.is_dir():
        raise CliError.single("out", f"输出目录不存在：{out.parent}")
    with _connect(args) as conn:
        hits = central_risk.run_rules(conn, args.start, args.end)
    if out is not None:
        central_risk.write_xlsx(hits, out)
    if args.json:
        emit_json({"from": args.start.isoformat(), "to": args.end.isoformat(), "hits": hits,
                   **({"out": str(out)} if out else {})})
    else:
        for h in hits:
            print(f"{h['title']}\t{h['station_code']}\t{h['receipt_number']}\t{h['evidence']}")
        print(f"共 {len(hits)} 条疑点" + (f"，已导出到 {out}" if out else ""))
    return 0


def _verify_receipt(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        try:
            verdict = central_receipts.verify_receipt(conn, args.text)
        except central_receipts.ReceiptTextError as exc:
            raise CliError.single("text", str(exc)) from None
    if args.json:
        emit_json(verdict)
    elif verdict["genuine"]:
        print(f"{verdict['message']}：{verdict['station_name']}（{verdict['station_code']}）{verdict['taken_at']} 受理"
              f"{verdict['kind_title']}，申请人 {verdict['subject']}，{verdict['status']}")
    else:
        print(verdict["message"])
    return 0 if verdict["genuine"] else 1


def _attachments(args: argparse.Namespace) -> int:
    number = args.receipt_number.strip().upper()
    with _connect(args) as conn:
        held = attachments.held_at_centre(conn, number)
    if held is None:
        raise CliError.single("receipt_number", f"中心没有受理编号为 {number} 的申请")
    if args.json:
        emit_json(held)
        return 0
    print(f"{number}（{held['station_code']}）：{held['files']} 个文件，共 {held['pages']} 页，{held['bytes']} 字节")
    for n, f in enumerate(held["attachments"], start=1):  # type: ignore[arg-type]
        mark = "" if f["intact"] else "（内容与哈希值不符！）"
        print(f"{n}. {f['name']}  {f['material'] or '未归类'}  {f['pages']} 页  SHA-256 {f['sha256']}{mark}")
    return 0


def _verify_certificate(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        try:
            verdict = central_certificates.verify_certificate(conn, args.text)
        except central_certificates.CertificateTextError as exc:
            raise CliError.single("text", str(exc)) from None
    if args.json:
        emit_json(verdict)
    else:
        print(verdict["message"])
        for label, value in verdict.get("facts", {}).items():
            print(f"  {label}：{value or '—'}")
    return 0 if verdict["genuine"] else 1


_CLERK_DONE = {"add": "已添加", "disable": "已停用", "enable": "已启用", "reset": "已重置一次性密码："}


def _clerk(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        if args.action == "list":
            clerks = central_clerks.list_clerks(conn, args.station)
            if args.json:
                emit_json({"clerks": clerks})
            else:
                for c in clerks:
                    print(f"{c['username']}\t{c['name']}\t{c['role']}\t{'在用' if c['active'] else '已停用'}")
            return 0
        if not args.username:
            raise CliError.single("username", "请指定柜员登录名")
        if args.action == "add":
            result = central_clerks.add(conn, args.station, args.username, args.name or "", args.role)
        elif args.action == "reset":
            result = central_clerks.reset(conn, args.station, args.username)
        else:
            result = central_clerks.set_active(conn, args.station, args.username, args.action == "enable")
    if args.json:
        emit_json(result)
    else:
        print(f"服务站 {result['station']} 柜员 {result['username']} {_CLERK_DONE[args.action]}"
              "（服务站下次同步后生效）")
        if "one_time_code" in result:
            print(f"一次性密码（只显示这一次，柜员首次登录后请修改）：{result['one_time_code']}")
    return 0


def _purge(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        result = central_db.purge_feed(conn, args.older_than)
    if args.json:
        emit_json(result)
    else:
        print(f"已清理变更记录 {result['removed']} 条（各服务站均已取走且早于 {args.older_than} 天），余 {result['left']} 条")
    return 0


def _allow_reload(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        result = central_db.allow_reload(conn, args.station, args.hours)
    if args.json:
        emit_json(result)
    else:
        print(f"服务站 {result['station']} 下次同步将以中心资料为准重新下载（有效至 {result['reload_allowed_until']}）")
    return 0


def _promote(args: argparse.Namespace) -> int:
    with _connect(args) as conn:
        result = central_db.promote(conn, args.wait)
    if args.json:
        emit_json(result)
    else:
        print("备用服务器已提升为主服务器；服务站连接串列有多台服务器并设 target_session_attrs=read-write 时自动切换")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = console.ChineseArgumentParser(prog="counter-central", description="住房公积金管理中心数据库管理")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=console.ChineseArgumentParser)

    def command(name: str, help_: str, func) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_)
        p.add_argument("--dsn", help=f"中心数据库连接串（所有者或超级用户；也可用环境变量 {DSN_ENV}）")
        p.add_argument("--json", action="store_true", help="以 JSON 输出")
        p.set_defaults(func=func)
        return p

    p = command("init", "创建或升级中心数据库结构、服务站角色组与行级安全策略", _init)
    p.add_argument("--group-role", help=f"服务站角色组名称（默认 {central_db.DEFAULT_GROUP_ROLE}）")
    p = command("add-station", "登记服务站并创建其登录角色（密码只显示一次）", _add_station)
    p.add_argument("code", help="服务站代码")
    p.add_argument("--name", required=True, help="服务站名称")
    p.add_argument("--district", required=True, help="所属区县")
    p.add_argument("--role", help="数据库角色名（默认 station_<代码>）")
    p = command("seed-demo", "载入演示城市的参考数据", _seed_demo)
    p.add_argument("--workers", type=int, default=2000, help="职工人数")
    p.add_argument("--employers", type=int, default=100, help="单位数")
    p.add_argument("--seed", type=int, default=1, help="随机种子")
    p = command("decide", "记录中心对申请的审批结果", _decide)
    p.add_argument("receipt_number", help="回执编号")
    p.add_argument("decision", choices=central_db.DECISIONS, help="approve / reject / needs-more")
    p.add_argument("--reason", default="", help="原因")
    p.add_argument("--by", help="审批人（默认数据库用户）")
    p.add_argument("--agreement-no", help="批准楼盘准入：合作协议编号")
    p.add_argument("--valid-until", type=_day, help="批准楼盘准入：合作协议有效期至，YYYY-MM-DD")
    p = command("cross-region", "跨省通办转办清单：各服务站受理的异地转入、转出、异地购房提取及其转办途径", _cross_region)
    p.add_argument("--all", action="store_true", help="包括已办结的")
    p.add_argument("--out", help="导出的 Excel 文件，如 route.xlsx")
    p = command("projects", "中心的楼盘准入名单（准入、不予准入、暂停），或暂停、恢复某楼盘的准入", _projects)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--suspend", metavar="NAME", help="暂停该楼盘的住房公积金贷款准入（各服务站同步后拒绝其贷款）")
    which.add_argument("--reinstate", metavar="NAME",
                       help="恢复被暂停楼盘的准入（合作协议仍在有效期内；各服务站同步后重新受理其贷款）")
    p.add_argument("--reason", help="暂停或恢复的原因（--suspend、--reinstate 时必填）")
    command("status", "各服务站的接收数量、最近联系时间与待核查标记数", _status)
    p = command("flags", "中心用自己的数据复核出的问题（余额、限额、频次、合同重复使用、审计链）", _flags)
    p.add_argument("--station", help="只看该服务站")
    p.add_argument("--recheck", action="store_true", help="先用中心数据复核尚未复核的提取申请（限额、频次）")
    p.add_argument("--all", action="store_true", help="包括已处理的标记")
    p = command("audit-verify", "核验中心收到的某服务站审计日志哈希链（有问题时退出码为 1）", _audit_verify)
    p.add_argument("--station", required=True, help="服务站代码")
    p = command("audit-lookups", "谁在何时查询过某人（按各服务站审计日志中的密钥摘要比对，日志不存证件号码）",
                _audit_lookups)
    p.add_argument("--id", required=True, help="证件号码")
    p.add_argument("--station", help="只查该服务站")
    p = command("audit-rules", "电子稽查：按规则列出各服务站受理中的疑点（规则见 resources/audit/rules.toml）", _audit_rules)
    p.add_argument("--from", dest="start", type=_day, required=True, help="开始日期（含），YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_day, required=True, help="结束日期（含），YYYY-MM-DD")
    p.add_argument("--out", help="导出的 Excel 文件，如 risk.xlsx")
    p = command("verify-receipt", "核验回执真伪（二维码内容，或回执编号加校验码；伪造时退出码为 1）", _verify_receipt)
    p.add_argument("text", help="二维码内容，如 \"CG01-01-20261123-0001|1a2b3c4d\"")
    p = command("attachments", "列出中心收到的某申请的附件（材料、页数、哈希值，并按中心保存的内容重算哈希）", _attachments)
    p.add_argument("receipt_number", help="受理编号")
    p = command("verify-certificate", "核验缴存使用证明真伪（二维码内容，或证明编号加核验码；不符时退出码为 1）",
                _verify_certificate)
    p.add_argument("text", help="二维码内容，或如 \"ZMCG0120261123A1B2 1A2B-3C4D-5E6F-7A8B\"")
    p = command("purge", "清理各服务站均已取走的变更记录（早于保留天数）", _purge)
    p.add_argument("--older-than", type=int, required=True, metavar="DAYS", help="保留天数")
    p = command("allow-reload", "标明某服务站下次同步以中心资料为准重新下载（中心资料远少于服务站现有资料时，服务站否则拒绝）",
                _allow_reload)
    p.add_argument("--station", required=True, help="服务站代码")
    p.add_argument("--hours", type=int, default=24, help="有效时长（小时，默认24）")
    p = command("promote", "主服务器损毁时把备用服务器提升为主服务器（--dsn 指向备用服务器，超级用户）", _promote)
    p.add_argument("--wait", type=int, default=60, help="最多等待秒数")
    p = command("clerk", "中心管理服务站柜员：添加、停用、启用、重置密码、列表（服务站同步后生效）", _clerk)
    p.add_argument("action", choices=("add", "disable", "enable", "reset", "list"), help="add / disable / enable / reset / list")
    p.add_argument("username", nargs="?", help="柜员登录名")
    p.add_argument("--station", required=True, help="服务站代码")
    p.add_argument("--name", help="柜员姓名（add）")
    p.add_argument("--role", choices=("clerk", "supervisor"), default="clerk", help="角色（add）：clerk 柜员 / supervisor 站长")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    console.force_utf8_stdio()
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CentralError as exc:
        return console.report_error(CliError.single(exc.field, exc.message), as_json=args.json)
    except CliError as exc:
        return console.report_error(exc, as_json=args.json)
    except Exception as exc:
        found = _database_error(exc)
        if found is None:
            raise
        return console.report_error(found, as_json=args.json)


def _database_error(exc: BaseException) -> CliError | None:
    """A connection problem (exit 2, what to check) or a refused operation (exit 1), in Chinese and
    without a traceback; None for anything that is not a database error (a bug)."""
    inner = getattr(exc, "orig", None) or exc
    if not isinstance(inner, psycopg.Error):
        return None
    detail = scrub(str(inner).strip()).splitlines()[0] if str(inner).strip() else type(inner).__name__
    if (isinstance(inner, psycopg.OperationalError) and inner.sqlstate is None) or isinstance(
            inner, psycopg.errors.InvalidPassword | psycopg.errors.InvalidAuthorizationSpecification):
        return CliError([{"field": "dsn", "message": f"无法连接中心数据库：{connection_message(str(inner))}（{detail}）"}],
                        exit_code=2)
    if isinstance(inner, psycopg.errors.InsufficientPrivilege):
        return CliError([{"field": "dsn", "message": f"中心数据库拒绝了此操作（权限不足，请用数据库所有者连接）：{detail}"}],
                        exit_code=2)
    return CliError([{"field": "dsn", "message": f"中心数据库操作失败：{detail}"}], exit_code=1)


if __name__ == "__main__":
    sys.exit(main())
