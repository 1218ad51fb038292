"""A business added in-process flows end to end with no edit anywhere else: the registry's promise.

The test registers a throwaway business, 还款账户变更 (a borrower changes the bank card the loan is
repaid from), exactly as docs/ARCHITECTURE.md's "How to add a business" says: a spec with its
own hooks, a store rule registered by kind, and its entries in the city policy. It is then checked
field by field, submitted, printed (receipt and form) and queued for the centre, through the same
services every built-in business uses.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from service_world import ACCOUNT_NO, W

from counter_app.domain import businesses
from counter_app.domain.business_spec import BusinessSpec, FieldSpec, FormTable
from counter_app.domain.errors import FieldError
from counter_app.domain.person_fields import MATERIALS
from counter_app.domain.policy import PolicyError, default_policy, parse_policy
from counter_app.domain.policy_schema import PolicyVersion
from counter_app.domain.status import LIVE_LOAN
from counter_app.paths import resources_dir
from counter_app.services import check_field, check_form, required_materials, submit_application
from counter_app.services import rules as store_rules
from counter_app.services.printing import print_form, print_receipt

KIND = "repayment-card-change"


def _cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    if values.get("old_bank_card") and values.get("old_bank_card") == values.get("new_bank_card"):
        return [FieldError("new_bank_card", "新还款卡号与原卡号相同")]
    return []


def _receipt_lines(spec: BusinessSpec, fields: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    return (("变更项目", "还款银行卡"),)


def _form_extras(spec: BusinessSpec, fields: Mapping[str, Any], show: Callable[[FieldSpec, Any], str],
                 version: PolicyVersion) -> tuple[tuple[int, FormTable], ...]:
    card = spec.field("new_bank_card")
    return ((-1, FormTable("还款账户", ("贷款编号", "新还款卡"), ((fields["loan_no"], show(card, fields[card.key])),))),)


SPEC = BusinessSpec(
    kind=KIND,
    title="公积金贷款还款账户变更",
    short="还款卡变更",
    subject_field="id_number",
    form_title="住房公积金贷款还款账户变更申请表",
    fields=(
        FieldSpec("id_number", "借款人身份证号码", "id_number", section="借款人"),
        FieldSpec("loan_no", "贷款编号", "text", section="贷款", max_length=20),
        FieldSpec("old_bank_card", "原还款卡号", "bank_card", required=False, section="还款账户"),
        FieldSpec("new_bank_card", "新还款卡号", "bank_card", section="还款账户"),
        MATERIALS,
    ),
    receipt_fields=("loan_no",),
    cross_checks=_cross_checks,
    receipt_lines=_receipt_lines,
    form_extras=_form_extras,
)


def _subject(uow: Any, id_number: str) -> store_rules.RuleOutcome:
    out = store_rules.RuleOutcome()
    if not any(loan.status in LIVE_LOAN for loan in uow.loans.for_person(id_number)):
        out.error("id_number", "该借款人没有正在还款的公积金贷款")
    return out


def _check(ctx: store_rules.RuleContext, values: dict[str, Any], facts: dict[str, Any]) -> store_rules.RuleOutcome:
    out = _subject(ctx.uow, values["id_number"])
    loans = {loan.loan_no for loan in ctx.uow.loans.for_person(values["id_number"])}
    if values["loan_no"] not in loans:
        out.error("loan_no", "贷款编号不属于该借款人")
    return out


@pytest.fixture
def new_business(counter) -> Iterator[BusinessSpec]:
    """The business registered for one test: spec, store rules, and its lines in the city policy."""
    businesses.register(SPEC)
    store_rules.subject_rule(KIND)(_subject)
    store_rules.check_rule(KIND)(_check)
    text = (resources_dir() / "policy" / "demo-city.toml").read_text(encoding="utf-8")
    text = text.replace("[base.business_materials]\n", f'[base.business_materials]\n{KIND} = ["id_card", "bank_card"]\n')
    text = text.replace("[base.decision_days]\n", f"[base.decision_days]\n{KIND} = 3\n")
    counter.policy = parse_policy(text, "demo-city.toml")  # validated against the registry, new kind included
    try:
        yield SPEC
    finally:
        store_rules.unregister(KIND)
        businesses.unregister(KIND)


def _form(**changes: Any) -> dict[str, Any]:
    form = {"id_number": W.borrower, "loan_no": "DK0000000001", "new_bank_card": "6222021234567890128",
            "materials": ["id_card", "bank_card"]}
    return {**form, **changes}


def _text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def test_a_policy_must_name_the_new_kind_once_it_is_registered(new_business) -> None:
    default_text = default_policy().text
    with pytest.raises(PolicyError) as refused:
        parse_policy(default_text, "demo-city.toml")
    assert any(KIND in p.message and "缺少业务类型" in p.message for p in refused.value.problems)


def test_checks_run_through_the_spec_and_its_registered_rules(counter, new_business) -> None:
    subject = check_field(counter, KIND, "id_number", W.active)  # an account, but no loan
    assert [e.message for e in subject.errors] == ["该借款人没有正在还款的公积金贷款"]
    assert check_field(counter, KIND, "id_number", W.borrower).ok
    same = check_form(counter, KIND, _form(old_bank_card="6222021234567890128"))
    assert [(e.field, e.message) for e in same.errors] == [("new_bank_card", "新还款卡号与原卡号相同")]
    assert [m.name for m in required_materials(counter, KIND, {})] == ["居民身份证原件", "本人银行卡"]
    refused = submit_application(counter, KIND, _form(loan_no="DK9999999999"))
    assert not refused.ok and [e.field for e in refused.errors] == ["loan_no"]


def test_submit_print_and_outbox_need_no_edit_elsewhere(counter, new_business, tmp_path) -> None:
    result = submit_application(counter, KIND, _form())
    assert result.ok, result.errors
    assert result.status == "queued"

    receipt = _text(print_receipt(counter, result.receipt_number, tmp_path / "r.pdf").path)
    assert "公积金贷款还款账户变更" in receipt and "DK0000000001" in receipt and "还款银行卡" in receipt
    assert "赵六" in receipt and ACCOUNT_NO["borrower"] in receipt  # subject's name and account, found by the spec
    form = _text(print_form(counter, result.receipt_number, tmp_path / "f.pdf").path)
    assert "住房公积金贷款还款账户变更申请表" in form and "还款账户" in form and "新还款卡" in form
    assert "6222021234567890128" not in form  # bank cards are masked on paper, as for every business

    with counter.store.unit_of_work() as uow:
        record = uow.applications.get_by_receipt(result.receipt_number)
        queued = uow.outbox.get(result.client_id)
    assert record is not None and record.subject_name == "赵六"
    assert queued is not None and queued.topic == "application"
    assert queued.payload["kind"] == KIND and queued.payload["subject_key"] == W.borrower
    assert queued.payload["fields"]["new_bank_card"] == "6222021234567890128"
