"""``counter-app print receipt|form|notice|letters|schedule|collection|certificate``: printed documents as PDF
files (``--out``) or straight to a printer through the system's print service (``--printer``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counter_app.cli._counter import counter_for
from counter_app.cli._login import approval_for
from counter_app.console import CliError, emit_json, whole_number
from counter_app.services import printing as svc
from counter_app.services.approvals import reprint_request
from counter_app.services.certificates import print_certificate
from counter_app.services.postloan import print_collection, print_schedule
from counter_app.services.print_jobs import (
    LETTERS_PER_JOB,
    SpoolError,
    check_printer,
    print_letters_to_printer,
    send_to_printer,
)
from counter_app.services.printing import LetterFilter, PrintRefused


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print", help="打印回执、申请表、建制通知书、信函：生成 PDF（--out）或送打印机（--printer）")
    docs = p.add_subparsers(dest="document", required=True, parser_class=type(p))
    for name, text in (("receipt", "受理回执"), ("form", "业务申请表")):
        d = docs.add_parser(name, help=text)
        d.add_argument("receipt_number", help="受理编号，例如 CG01-01-20261123-0001")
        d.add_argument("--out", help="输出 PDF 文件")
        if name == "receipt":
            d.add_argument("--reprint-reason", help="补打原因（回执已打印过时必填）")
        d.set_defaults(func=run)
    n = docs.add_parser("notice", help="责令限期办理通知书（建制通知书）")
    n.add_argument("--uscc", required=True, help="单位统一社会信用代码")
    n.add_argument("--out", help="输出 PDF 文件")
    n.set_defaults(func=run)
    letters = docs.add_parser("letters", help="批量信函（如线上服务指南）")
    letters.add_argument("--template", required=True, help="信函模板，内置：online-guide")
    letters.add_argument("--out", help="输出 PDF 文件")
    letters.add_argument("--limit", type=whole_number(1, 10_000_000, "信函数"), help="最多生成多少封")
    letters.add_argument("--township", help="只发给该乡镇的职工")
    letters.add_argument("--employer", help="只发给该单位（统一社会信用代码）的职工")
    letters.add_argument("--status", help="只发给该账户状态的职工，例如 01 正常")
    letters.add_argument("--chunk", type=whole_number(1, 1_000_000, "每个文件的信函数"),
                         help="每个文件的信函数（分多个文件输出）")
    letters.add_argument("--per-job", type=whole_number(1, 1_000_000, "每个打印任务的信函数"),
                         help="送打印机时每个打印任务的信函数（默认100）")
    letters.set_defaults(func=run)
    schedule = docs.add_parser("schedule", help="贷款还款计划表")
    schedule.add_argument("--loan", required=True, help="贷款合同编号")
    schedule.add_argument("--out", help="输出 PDF 文件")
    schedule.set_defaults(func=run)
    collection = docs.add_parser("collection", help="逾期贷款催收通知书（单笔或本站全部逾期贷款）")
    which = collection.add_mutually_exclusive_group(required=True)
    which.add_argument("--loan", help="贷款合同编号")
    which.add_argument("--overdue", action="store_true", help="本站全部逾期贷款，每笔一页")
    collection.add_argument("--out", help="输出 PDF 文件")
    collection.set_defaults(func=run)
    certificate = docs.add_parser("certificate", help="住房公积金缴存使用证明（异地办理业务用）")
    certificate.add_argument("--id", required=True, dest="id_number", help="职工身份证号码")
    certificate.add_argument("--purpose", help="证明用途，默认：异地办理住房公积金业务")
    certificate.add_argument("--out", help="输出 PDF 文件")
    certificate.set_defaults(func=run)
    for parser in docs.choices.values():
        parser.add_argument("--printer", help="送到该打印机（counter-app printers 列出本机打印机），不与 --out 同用")
        parser.add_argument("--copies", type=int, help="份数（送打印机时，默认1）")
        parser.add_argument("--paper", choices=("A4", "A5"), help="纸张（默认按站点设置：回执A5，其余A4）")
        parser.add_argument("--duplex", action=argparse.BooleanOptionalAction, default=None,
                            help="双面打印（默认按站点设置）")
    for parser in (p, *docs.choices.values()):
        parser.add_argument("--json", action="store_true", help="输出 JSON")


def _destination(args: argparse.Namespace) -> None:
    """Exactly one of --out and --printer; printer options only with --printer."""
    if args.out and args.printer is not None:
        raise CliError.single("printer", "--out 与 --printer 只能选其一：生成 PDF 文件用 --out，送打印机用 --printer")
    if not args.out and args.printer is None:
        raise CliError.single("out", "请用 --out 指定输出的 PDF 文件，或用 --printer 指定打印机")
    if args.printer is not None and not args.printer.strip():
        raise CliError.single("printer", "打印机名称不能为空（counter-app printers 列出本机打印机）")
    if args.out and (args.copies is not None or args.duplex is not None):
        raise CliError.single("copies" if args.copies is not None else "duplex", "份数和双面只在送打印机（--printer）时使用")
    if args.copies is not None and not 1 <= args.copies <= 99:
        raise CliError.single("copies", "份数应为1至99")


def _to_printer(counter, args: argparse.Namespace, result: dict, document: str, subject: str) -> dict:
    file = result.get("file") or next(iter(result.get("files") or []), None)
    if file is None:
        return result  # nothing to print (no overdue loan): nothing goes to the printer
    job = send_to_printer(counter, file, document, printer=args.printer.strip(), copies=args.copies,
                          paper=args.paper, duplex=args.duplex, subject=subject)
    return {**result, **job.as_json(), "file": file}


def _station_file(counter, name: str) -> Path:
    """Where a document sent to a printer without --out is kept: the station's prints folder of the day."""
    folder = Path(counter.data_dir) / "prints" / counter.today().isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}-{counter.now().strftime('%H%M%S%f')}.pdf"


def _print(counter, args: argparse.Namespace) -> dict:
    _destination(args)
    document = {"notice": "establishment_notice"}.get(args.document, args.document)
    if args.printer is not None and args.document != "letters":
        # A wrong printer must not leave a receipt logged as printed (the next print would be a 补打).
        check_printer(counter, document, printer=args.printer.strip(), copies=args.copies, paper=args.paper,
                      duplex=args.duplex)
    result = _make(counter, args)
    if args.printer is None or args.document == "letters":
        return result
    if args.document == "notice":
        subject = args.uscc
    elif args.document in ("schedule", "collection"):
        subject = args.loan or "overdue"
    elif args.document == "certificate":
        subject = result["number"]
    else:
        subject = args.receipt_number
    return _to_printer(counter, args, result, document, subject)


def _make(counter, args: argparse.Namespace) -> dict:
    if args.document == "letters" and args.printer is not None:
        return _letters_to_printer(counter, args)
    if args.document == "receipt":
        try:
            printed = svc.print_receipt(counter, args.receipt_number, args.out, reprint_reason=args.reprint_reason)
        except svc.PrintRefused as refused:  # a reprint needs a supervisor: --approver gives it
            if refused.field != "approval":
                raise
            approval = approval_for(counter, args, reprint_request(args.receipt_number.strip().upper()))
            if approval is None:
                raise
            printed = svc.print_receipt(counter, args.receipt_number, args.out, reprint_reason=args.reprint_reason,
                                        approval=approval)
        return {"file": str(printed.path), "pages": printed.pages, "reprint": printed.reprint}
    if args.document == "form":
        printed = svc.print_form(counter, args.receipt_number, args.out)
        return {"file": str(printed.path), "pages": printed.pages}
    if args.document == "notice":
        printed = svc.print_establishment_notice(counter, args.uscc, args.out)
        return {"file": str(printed.path), "pages": printed.pages}
    if args.document == "schedule":
        printed = print_schedule(counter, args.loan, args.out)
        return {"file": str(printed.path), "pages": printed.pages}
    if args.document == "collection":
        done = print_collection(counter, args.out or _station_file(counter, "collection"), loan_no=args.loan,
                                progress=None if args.json else _progress_notices)
        if not args.json and args.overdue:
            print(file=sys.stderr)
        return {"files": [str(done.path)] if done.path else [], "pages": done.pages}
    if args.document == "certificate":
        made = print_certificate(counter, args.id_number, args.out, purpose=args.purpose)
        if made.value is None:
            raise CliError.single(made.errors[0].field, made.errors[0].message)
        return {"file": str(made.value.path), "pages": made.value.pages, "number": made.value.number}
    chosen = _letter_filter(args)
    result = svc.print_letters(counter, args.template, args.out, chosen=chosen, limit=args.limit,
                               chunk_size=args.chunk, progress=None if args.json else _progress)
    if not args.json:
        print(file=sys.stderr)
    return {"files": [str(f) for f in result.files], "pages": result.pages}


def _letter_filter(args: argparse.Namespace) -> LetterFilter:
    if args.limit is not None and args.limit < 1:
        raise CliError.single("limit", "生成数量应大于0")
    return LetterFilter(township=args.township, employer_uscc=args.employer, account_status=args.status)


def _letters_to_printer(counter, args: argparse.Namespace) -> dict:
    if args.chunk is not None:
        raise CliError.single("chunk", "--chunk 用于输出文件；送打印机时用 --per-job 指定每个任务的信函数")
    if args.per_job is not None and args.per_job < 1:
        raise CliError.single("per_job", "每个打印任务的信函数应大于0")
    sent = print_letters_to_printer(
        counter, args.template, args.printer.strip(), chosen=_letter_filter(args), limit=args.limit,
        per_job=args.per_job or LETTERS_PER_JOB, copies=args.copies, paper=args.paper, duplex=args.duplex,
        progress=None if args.json else _sent_progress)
    if not args.json:
        print(file=sys.stderr)
    return sent.as_json()


def _sent_progress(done: int, total: int) -> None:
    if done % 100 == 0 or done == total:
        print(f"\r已送打印机 {done}/{total} 封", end="", file=sys.stderr, flush=True)


def _progress_notices(done: int, total: int) -> None:
    print(f"\r已生成催收通知书 {done}/{total} 份", end="", file=sys.stderr, flush=True)


def _progress(done: int, total: int) -> None:
    if done % 100 == 0 or done == total:
        print(f"\r已生成 {done}/{total} 封", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    with counter_for(args) as counter:
        try:
            result = _print(counter, args)
        except (PrintRefused, SpoolError) as refused:
            raise CliError.single(refused.field, refused.message) from None
        except OSError as exc:
            raise CliError.single("out", f"无法写入输出文件：{exc.strerror or exc}") from None
    if args.json:
        emit_json(result)
    elif "letters" in result:
        print(f"已送打印机“{result['printer']}” {result['letters']} 封，{len(result['jobs'])} 个打印任务"
              + (f"；已取消，撤回未开始的任务 {len(result['withdrawn'])} 个" if result["cancelled"] else "")
              if result["jobs"] or result["cancelled"] else "没有符合条件的收件人，未打印信函")
    elif "printer" in result:
        job = f"任务号 {result['job_id']}" if result["job_id"] is not None else "已交给系统打印"
        print(f"已送打印机“{result['printer']}”（{job}，共{result['pages']}页）；文件 {result['file']}")
    else:
        files = result["files"] if "files" in result else [result["file"]]
        empty = "本站没有逾期贷款，未生成催收通知书" if args.document == "collection" else "没有符合条件的收件人，未生成信函"
        print(f"已生成 {'、'.join(files)}（共{result['pages']}页）" if files else empty)
    return 0
