"""Printing services (打印/补打): receipts, forms, one-time notices, legal notices, letters.

Each builds the document's data from the store and the policy in force, renders the PDF into the
station's ``prints/`` folder (or a given path) and logs the print. A receipt printed before can
only be printed again as a reprint (补打) with a reason, and says so on the paper.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from counter_app.domain.catalog import BusinessSpec, FieldSpec, business
from counter_app.domain.fieldcheck import choice_options
from counter_app.domain.money import format_money
from counter_app.domain.normalize import format_control_problem, valid_text
from counter_app.domain.policy import PolicyError
from counter_app.domain.policy_citations import printable_citations
from counter_app.domain.status import AccountStatus
from counter_app.domain.workdays import add_working_days
from counter_app.faults import KeyringUnavailable
from counter_app.printing import forms as form_doc
from counter_app.printing.letter_templates import TEMPLATES, get_template
from counter_app.printing.letters import LetterBatch, LetterRecipient, LettersResult, render_letters
from counter_app.printing.notice import ArrearsNoticeData, EstablishmentNoticeData, render_arrears_notice, render_notice
from counter_app.printing.one_time_notice import Material as NoticeMaterial
from counter_app.printing.one_time_notice import OneTimeNoticeData, render_one_time_notice
from counter_app.printing.receipt import ReceiptData, render_receipt
from counter_app.services import approvals, audit
from counter_app.services.counter import Counter
from counter_app.services.day_lock import closed_problem
from counter_app.services.forms import required_materials, undecided_cases
from counter_app.services.lookup import person_card
from counter_app.services.station_config import DEFAULT_PAPER, PAPER_PREFIX
from counter_app.store import receipt_key
from counter_app.store.records import ApplicationRecord, PrintLogEntry


class PrintRefused(Exception):
    """A print the clerk cannot make as asked; ``field`` names what to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


MASKED_ON_PAPER = frozenset({"id_number", "bank_card", "co_borrower_id"})


@dataclass(frozen=True)
class Printed:
    path: Path
    pages: int
    reprint: bool = False
    number: str | None = None  # the document's own number (receipt, notice, one-time notice)
    warnings: tuple[str, ...] = ()  # for the clerk and the supervisor (e.g. a citation held back as 待核对)
    notices: Any = None  # legal notices: the verified ``NoticePolicy`` the paper cites


def _page_size(counter: Counter, document: str) -> str:
    """The paper the station set for this kind of document (站点设置), A5 receipts and A4 otherwise."""
    kind = {"one_time_notice": "notice"}.get(document, document)
    with counter.store.unit_of_work() as uow:
        chosen = uow.settings.get(f"page_size.{document}") or uow.settings.get(PAPER_PREFIX + kind)
    return str(chosen or DEFAULT_PAPER.get(kind, "A4"))


def _out_path(counter: Counter, name: str, out: str | os.PathLike[str] | None) -> Path:
    if out is not None:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path
    folder = counter.data_dir / "prints" / counter.today().isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}-{counter.now().strftime('%H%M%S%f')}.pdf"


def _log(counter: Counter, document: str, printed: Printed, *, receipt: str | None = None,
         subject: str | None = None, reason: str | None = None, approved_by: str | None = None,
         after_close: bool = False) -> None:
    subject = None if subject is None else valid_text(subject)  # a form's junk subject must not stop the log
    with counter.store.unit_of_work(write=True) as uow:
        uow.print_log.add(PrintLogEntry(
            document=document, clerk=counter.clerk, subject=subject, receipt_number=receipt,
            reprint=printed.reprint, reason=reason, pages=printed.pages, path=str(printed.path), at=counter.now(),
        ))
        details = {"document": document, "pages": printed.pages, "subject": audit.masked(subject),
                   **({"reason": reason} if reason else {}), **({"approved_by": approved_by} if approved_by else {}),
                   **({"after_close": True} if after_close else {})}
        audit.record(counter, "reprint" if printed.reprint else "print", receipt or "", details, uow=uow)
        uow.commit()


def _application(counter: Counter, receipt_number: str) -> ApplicationRecord:
    with counter.store.unit_of_work() as uow:
        record = uow.applications.get_by_receipt(valid_text(receipt_number).strip().upper())
    if record is None:
        raise PrintRefused("receipt_number", f"本站没有受理编号为 {receipt_number} 的业务")
    return record


def _display(spec: FieldSpec, value: Any, counter: Counter) -> str:
    """A stored form value as printed: choice labels, 是/否, money with separators."""
    if spec.kind == "bool":
        return "是" if value else "否"
    if value is None or value == "":
        return ""
    if spec.kind == "choice":
        return dict(choice_options(spec, counter.policy_on())).get(str(value), str(value))
    if spec.kind == "money":
        return format_money(Decimal(str(value)))
    if spec.kind == "materials":
        return "、".join(counter.policy_on().material_name(code) for code in value)
    if spec.kind in ("id_number", "bank_card") or spec.key.removeprefix("new_") in MASKED_ON_PAPER:
        return audit.masked(value)  # ID and card numbers are masked on paper by default
    return str(value)


def _receipt_details(spec: BusinessSpec, record: ApplicationRecord, counter: Counter) -> tuple[tuple[str, str], ...]:
    """The business's receipt fields that are filled in, then its own extra lines."""
    lines = [(spec.field(k).label, _display(spec.field(k), record.fields.get(k), counter))
             for k in spec.receipt_fields if record.fields.get(k) not in (None, "")]
    return (*lines, *spec.receipt_lines(spec, record.fields))


def _taken_on(counter: Counter, record: ApplicationRecord) -> date:
    """The China calendar day an application was taken (stored records always carry the time)."""
    return counter.local(record.taken_at).date()


def _account_of(counter: Counter, record: ApplicationRecord) -> str:
    if business(record.kind).subject_field != "id_number":
        return ""
    with counter.store.unit_of_work() as uow:
        accounts = uow.accounts.for_person(record.subject_key)
    live = [a for a in accounts if a.status == AccountStatus.NORMAL] or accounts
    return live[0].account_no if live else ""


def station_receipt_key(counter: Counter) -> bytes | None:
    """The receipt key the centre issued to this station (from the keyring), None before the first
    sync or without a usable keyring: the receipt then carries the unkeyed code."""
    with counter.store.unit_of_work() as uow:
        store_id = uow.settings.get("store_id")
    try:
        held = receipt_key.read(store_id) if store_id else None
    except KeyringUnavailable:
        return None
    return held.key if held else None


def print_receipt(
    counter: Counter, receipt_number: str, out: str | os.PathLike[str] | None = None,
    *, reprint_reason: str | None = None, approval: Any = None,
) -> Printed:
    """The acceptance receipt (受理回执); a second print needs ``reprint_reason`` and is marked 补打.

    A reprint also needs a supervisor's ``approval`` once the station has clerk accounts
    (``PrintRefused`` on field ``approval`` otherwise; ``approvals.reprint_request`` says what).
    """
    record = _application(counter, receipt_number)
    with counter.store.unit_of_work() as uow:
        earlier = [p for p in uow.print_log.for_receipt(record.receipt_number) if p.document == "receipt"]
    reprint = bool(earlier)
    reason = valid_text(reprint_reason).strip()
    hidden = format_control_problem(reason, "补打原因")
    if hidden:
        raise PrintRefused("reprint_reason", hidden)
    if reprint and not reason:
        raise PrintRefused("reprint_reason", "该回执已打印过，补打须填写原因")
    after_close = False
    if reprint:  # allowed after the day's close too: logged, and kept out of the close's totals
        with counter.store.unit_of_work() as uow:
            after_close = closed_problem(uow, counter.today(), counter.clerk) is not None
    refused = approvals.refusal(counter, approvals.reprint_request(record.receipt_number), approval) if reprint else None
    if refused:
        raise PrintRefused(refused.field, refused.message)
    spec = business(record.kind)
    version = counter.policy_on(_taken_on(counter, record))
    amount = record.fields.get(spec.amount_field) if spec.amount_field else None
    data = ReceiptData(
        centre_name=version.centre_name, station_name=counter.station_name,
        receipt_number=record.receipt_number, client_id=record.client_id, accepted_at=counter.local(record.taken_at),
        business=spec.title, applicant_name=record.subject_name or "", id_number=record.subject_key,
        subject="employer" if spec.subject_field == "uscc" else "person",
        account=_account_of(counter, record), amount=Decimal(amount) if amount else None,
        details=_receipt_details(spec, record, counter),
        materials_received=tuple(version.material_name(m) for m in record.materials or ()),
        expected_decision=add_working_days(_taken_on(counter, record), version.decision_days(record.kind)),
        clerk=record.clerk, station_phone=version.service_hotline,
        reprint=reprint, reprint_reason=reason, printed_at=counter.local(counter.now()),
        code_key=station_receipt_key(counter),
    )
    path = _out_path(counter, f"{record.receipt_number}-receipt", out)
    printed = Printed(path, render_receipt(data, path, page_size=_page_size(counter, "receipt")), reprint,
                      record.receipt_number)
    _log(counter, "receipt", printed, receipt=record.receipt_number, subject=record.subject_key,
         reason=reason or None, approved_by=approvals.approver_of(approval) if reprint else None,
         after_close=after_close)
    return printed


def _names_on_form(spec: BusinessSpec, record: ApplicationRecord, counter: Counter) -> dict[str, tuple[str, str]]:
    """The names a signed form must carry beside the codes it prints (field key → (label, name)): the
    applicant's (姓名 or 单位名称) unless the form has its own name field, and every other employer's."""
    names: dict[str, tuple[str, str]] = {}
    if not spec.subject_name_field:
        label = "单位名称" if spec.subject_lookup == "employer" else "姓名"
        names[spec.subject_field] = (label, record.subject_name or "")
    others = {f.key: str(record.fields.get(f.key) or "") for f in spec.fields
              if f.kind == "uscc" and f.key != spec.subject_field and record.fields.get(f.key)}
    if others:
        with counter.store.unit_of_work() as uow:
            for key, code in others.items():
                employer = uow.employers.get(code)
                names[key] = ("单位名称", employer.name if employer else "")
    return names


def _form_sections(spec: BusinessSpec, record: ApplicationRecord, counter: Counter) -> tuple[form_doc.Section, ...]:
    """The field grid by section, with the business's own tables where it puts them."""
    sections: dict[str, list[tuple[str, str]]] = {}
    names = _names_on_form(spec, record, counter)
    for f in spec.fields:
        if spec.form_hides_prefix and f.key.startswith(spec.form_hides_prefix):
            continue
        pairs = sections.setdefault(f.section or spec.title, [])
        shown = _display(f, record.fields.get(f.key), counter)
        if f.key == spec.subject_name_field and not shown:  # left blank: the name on record
            shown = record.subject_name or ""
        pairs.append((f.label, shown))
        if f.key in names:
            pairs.append(names[f.key])
    out: list[form_doc.Section] = [form_doc.FieldSection(title, tuple(pairs)) for title, pairs in sections.items()]
    version = counter.policy_on(_taken_on(counter, record))  # as in force on the day it was taken
    for at, table in spec.form_extras(spec, record.fields, lambda f, value: _display(f, value, counter), version):
        out.insert(at, table)
    return tuple(out)


def print_form(counter: Counter, receipt_number: str, out: str | os.PathLike[str] | None = None) -> Printed:
    """The application form for signatures (开户登记表, 提取申请表, 贷款申请受理单 …)."""
    record = _application(counter, receipt_number)
    spec = business(record.kind)
    version = counter.policy_on(_taken_on(counter, record))
    data = form_doc.FormData(
        centre_name=version.centre_name, station_name=counter.station_name, title=spec.form_title,
        number=record.receipt_number, sections=_form_sections(spec, record, counter),
        seal=spec.subject_field == "uscc", clerk=record.clerk, printed_at=counter.local(counter.now()),
    )
    path = _out_path(counter, f"{record.receipt_number}-form", out)
    printed = Printed(path, form_doc.render_form(data, path, page_size=_page_size(counter, "form")))
    _log(counter, "form", printed, receipt=record.receipt_number, subject=record.subject_key)
    return printed


def print_one_time_notice(
    counter: Counter, kind: str, form: Mapping[str, Any], out: str | os.PathLike[str] | None = None,
    *, applicant_name: str = "",
) -> Printed:
    """The one-time notice of required documents (一次性告知单), ticking what was received."""
    spec = business(kind)
    materials = form.get("materials")
    received = {m for m in materials if isinstance(m, str)} if isinstance(materials, (list, tuple, set)) else set()
    materials = tuple(NoticeMaterial(m.name, received=m.satisfied_by(received))
                      for m in required_materials(counter, kind, form))
    cases = undecided_cases(counter, kind, form)
    version = counter.policy_on()
    name = applicant_name or str(form.get("name") or form.get("employer_name") or "")
    if not name:
        subject = str(form.get(spec.subject_field) or "")
        card = person_card(counter, subject, audited=False) if spec.subject_field == "id_number" and subject else None
        name = card.worker.name if card else ""
    with counter.store.unit_of_work(write=True) as uow:
        number = uow.receipts.next_number(counter.station_code, "G" + counter.terminal, counter.today())
        uow.commit()
    data = OneTimeNoticeData(
        centre_name=version.centre_name, station_name=counter.station_name, number=number,
        issued_at=counter.local(counter.now()), business=spec.title, applicant_name=name,
        reason="所需材料不齐全，补齐下列标注“缺”的材料后即可办理" if any(not m.received for m in materials)
        else "所需材料如下，请备齐后前来办理",
        materials=materials, station_phone=version.service_hotline, clerk=counter.clerk, printed_at=counter.local(counter.now()),
        cases=tuple(cases),
    )
    path = _out_path(counter, f"{number}-one-time-notice", out)
    printed = Printed(path, render_one_time_notice(data, path, page_size=_page_size(counter, "one_time_notice")),
                      number=number)
    _log(counter, "one_time_notice", printed, subject=str(form.get(spec.subject_field) or "") or None)
    return printed


def print_establishment_notice(
    counter: Counter, uscc: str, out: str | os.PathLike[str] | None = None, *, investigated_on: date | None = None,
) -> Printed:
    """The establishment notice (责令限期办理通知书) with its delivery receipt, for an unregistered employer."""
    code = valid_text(uscc).strip().upper()
    with counter.store.unit_of_work() as uow:
        employer = uow.employers.get(code)
    if employer is None:
        raise PrintRefused("uscc", f"本站数据中没有统一社会信用代码为 {code} 的单位")
    if employer.registered:
        raise PrintRefused("uscc", f"{employer.name}已办理住房公积金缴存登记，无需发送建制通知书")
    today = counter.today()
    version = counter.policy_on(today)
    cites = _citations(counter, today)  # the verified legal text for the notice date
    n = cites.notices
    with counter.store.unit_of_work(write=True) as uow:
        number = uow.receipts.next_number(counter.station_code, "T" + counter.terminal, today)
        uow.commit()
    facts = ["未办理住房公积金缴存登记"]
    if employer.insured_staff:
        facts.append(f"未为本单位{employer.insured_staff}名职工办理住房公积金账户设立手续")
    data = EstablishmentNoticeData(
        centre_name=version.centre_name, station_name=counter.station_name, notice_number=number,
        notice_date=today, employer_name=employer.name, uscc=employer.uscc,
        employer_address=employer.address or "", investigated_on=investigated_on or today, facts=tuple(facts),
        legal_article=f"{n.regulation}{n.penalty_article}", legal_basis=n.basis_text,
        deadline=today + timedelta(days=n.deadline_days),  # calendar days, as the regulation counts them
        fine_min=n.fine_min, fine_max=n.fine_max,
        duty_article=f"{n.regulation}{'、'.join(a for a in n.articles if a != n.penalty_article)}",
        statement_period=n.statement_period, contact_address=version.centre_address,
        contact_phone=version.service_hotline, clerk=counter.clerk, printed_at=counter.local(counter.now()),
    )
    path = _out_path(counter, f"{number}-notice", out)
    printed = Printed(path, render_notice(data, path, page_size="A4"), number=number,
                      warnings=(cites.warning,) if cites.warning else (), notices=n)
    _log(counter, "establishment_notice", printed, subject=employer.uscc,
         reason=f"法律依据待核对，按{cites.version_label}起施行的已核对文本打印" if cites.withheld else None)
    return printed


def _citations(counter: Counter, day: date) -> Any:
    try:
        return printable_citations(counter.policy, day)
    except PolicyError as exc:
        raise PrintRefused("policy", str(exc)) from None


@dataclass(frozen=True)
class Arrears:
    """What an employer owes (欠缴): the amount and the months it covers (YYYY-MM)."""

    amount: Decimal
    from_month: str
    to_month: str


def print_arrears_notice(
    counter: Counter, uscc: str, arrears: Arrears, out: str | os.PathLike[str] | None = None,
    *, investigated_on: date | None = None,
) -> Printed:
    """The arrears notice (责令限期缴存通知书, 条例第三十八条) with its delivery receipt, for a registered
    employer that did not pay in full and on time; its deadline is the policy's arrears deadline."""
    code = valid_text(uscc).strip().upper()
    with counter.store.unit_of_work() as uow:
        employer = uow.employers.get(code)
    if employer is None:
        raise PrintRefused("uscc", f"本站数据中没有统一社会信用代码为 {code} 的单位")
    if not employer.registered:
        raise PrintRefused("uscc", f"{employer.name}尚未办理缴存登记，应发建制通知书（责令限期办理）")
    today = counter.today()
    version = counter.policy_on(today)
    cites = _citations(counter, today)
    n = cites.notices
    with counter.store.unit_of_work(write=True) as uow:
        number = uow.receipts.next_number(counter.station_code, "T" + counter.terminal, today)
        uow.commit()
    data = ArrearsNoticeData(
        centre_name=version.centre_name, station_name=counter.station_name, notice_number=number,
        notice_date=today, employer_name=employer.name, uscc=employer.uscc, employer_address=employer.address or "",
        investigated_on=investigated_on or today, arrears_from=arrears.from_month, arrears_to=arrears.to_month,
        arrears_amount=arrears.amount, legal_article=f"{n.regulation}{n.arrears_article}",
        legal_basis=n.arrears_basis_text, duty_article=f"{n.regulation}{n.arrears_duty_article}",
        deadline=today + timedelta(days=n.arrears_deadline_days), statement_period=n.statement_period,
        contact_address=version.centre_address, contact_phone=version.service_hotline, clerk=counter.clerk,
        printed_at=counter.local(counter.now()),
    )
    path = _out_path(counter, f"{number}-arrears-notice", out)
    printed = Printed(path, render_arrears_notice(data, path, page_size="A4"), number=number,
                      warnings=(cites.warning,) if cites.warning else (), notices=n)
    _log(counter, "arrears_notice", printed, subject=employer.uscc,
         reason=f"法律依据待核对，按{cites.version_label}起施行的已核对文本打印" if cites.withheld else None)
    return printed


@dataclass(frozen=True)
class LetterFilter:
    """Who gets a letter: by township, employer and account status (all optional)."""

    township: str | None = None
    employer_uscc: str | None = None
    account_status: str | None = None


def letter_recipients(counter: Counter, chosen: LetterFilter, limit: int | None = None) -> Iterator[LetterRecipient]:
    """Recipients streamed page by page from the store, so tens of thousands never sit in memory."""
    after, sent = "", 0
    while limit is None or sent < limit:
        with counter.store.unit_of_work() as uow:
            page = uow.workers.page(limit=500, after_id_number=after)
            accounts = {w.id_number: uow.accounts.for_person(w.id_number) for w in page}
        if not page:
            return
        after = page[-1].id_number
        for worker in page:
            if chosen.township and worker.township != chosen.township:
                continue
            if chosen.employer_uscc and worker.employer_uscc != chosen.employer_uscc:
                continue
            mine = accounts[worker.id_number]
            if chosen.account_status and not any(a.status == chosen.account_status for a in mine):
                continue
            yield LetterRecipient(worker.name, worker.postcode or "", worker.address or "",
                                  worker.township or "", mine[0].account_no if mine else "")
            sent += 1
            if limit is not None and sent >= limit:
                return


def count_letter_recipients(counter: Counter, chosen: LetterFilter, limit: int | None = None) -> int:
    return sum(1 for _ in letter_recipients(counter, chosen, limit))


def letter_templates() -> dict[str, str]:
    """The built-in letter templates: key → title (what the batch dialog offers)."""
    return {key: template.title for key, template in TEMPLATES.items()}


def letter_batch(counter: Counter, template: str) -> LetterBatch:
    """The sender and template of a run of letters, from the policy in force today."""
    try:
        chosen_template = get_template(template)
    except ValueError as exc:
        raise PrintRefused("template", str(exc)) from None
    version = counter.policy_on()
    return LetterBatch(
        centre_name=version.centre_name, station_name=counter.station_name,
        station_address=version.centre_address, station_postcode="", station_phone=version.service_hotline,
        letter_date=counter.today(), template=chosen_template,
    )


def print_letters(
    counter: Counter, template: str, out: str | os.PathLike[str], *, chosen: LetterFilter = LetterFilter(),
    limit: int | None = None, chunk_size: int | None = None,
    progress: Callable[[int, int], None] | None = None, should_cancel: Callable[[], bool] | None = None,
) -> LettersResult:
    """Mail-out letters (e.g. the online-services guide), one page per contributor, streamed to disk."""
    batch = letter_batch(counter, template)
    total = count_letter_recipients(counter, chosen, limit)
    result = render_letters(batch, letter_recipients(counter, chosen, limit), out, page_size="A4",
                            chunk_size=chunk_size, total=total, progress=progress, should_cancel=should_cancel)
    if not result.cancelled and result.files:
        _log(counter, "letters", Printed(result.files[0], result.pages), subject=template,
             reason=f"{len(result.files)}个文件")
    return result


def log_letters_sent(counter: Counter, template: str, first_job: Path, letters: int, reason: str) -> None:
    """The print log's row for a batch of letters sent to a printer (as ``print_letters`` logs its files)."""
    _log(counter, "letters", Printed(first_job, letters), subject=template, reason=reason)


def print_history(counter: Counter, receipt_number: str) -> list[PrintLogEntry]:
    with counter.store.unit_of_work() as uow:
        return uow.print_log.for_receipt(receipt_number)


__all__ = [
    "Arrears", "LetterFilter", "PrintRefused", "Printed", "count_letter_recipients", "letter_batch", "letter_recipients",
    "letter_templates", "log_letters_sent", "print_arrears_notice", "print_establishment_notice", "print_form",
    "print_history", "print_letters", "print_one_time_notice",
    "print_receipt",
]
