"""Every printed page of every business (receipt, application form, one-time notice) shows labels and
values, never an internal code word (issue #16 item 3), and names its applicant (item 7)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from service_world import build_world, fixed_clock, good_form

from counter_app.domain.businesses import BUSINESSES
from counter_app.services import list_records, open_counter, print_form, print_one_time_notice, print_receipt, submit_application

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the shared code-word rule
from code_words import code_words


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Each business taken once on one station, its three papers printed, as text."""
    out = tmp_path_factory.mktemp("printed")
    papers: dict[str, dict[str, str]] = {}
    with open_counter(out / "template", clock=fixed_clock) as counter:
        build_world(counter.store)
    for kind in BUSINESSES:  # a station each: some businesses exclude one another (offset sign, cancel)
        shutil.copytree(out / "template", out / kind)
        with open_counter(out / kind, clock=fixed_clock) as counter:
            form = good_form(counter, kind)
            result = submit_application(counter, kind, form)
            assert result.ok, (kind, result.errors)
            number = result.receipt_number
            papers[kind] = {
                "receipt": pdf_text(Path(print_receipt(counter, number, out / f"r-{kind}.pdf").path)),
                "form": pdf_text(Path(print_form(counter, number, out / f"f-{kind}.pdf").path)),
                "notice": pdf_text(Path(print_one_time_notice(counter, kind, form, out / f"n-{kind}.pdf").path)),
            }
            papers[kind]["clerk"] = counter.clerk  # a login name printed as 经办人 is data
            record = list_records(counter, limit=1)[0]
            papers[kind]["subject_name"] = record.subject_name
            with counter.store.unit_of_work() as uow:  # every employer the form names by its code
                papers[kind]["employers"] = " ".join(
                    uow.employers.get(str(form[f.key])).name for f in BUSINESSES[kind].fields
                    if f.kind == "uscc" and form.get(f.key) and uow.employers.get(str(form[f.key])))
    return papers


@pytest.mark.parametrize("kind", list(BUSINESSES))
def test_no_code_word_on_any_printed_page(printed, kind):
    clerk = printed[kind]["clerk"]
    for paper in ("receipt", "form", "notice"):
        assert code_words(printed[kind][paper], [clerk]) == [], f"{kind} {paper}"


@pytest.mark.parametrize("kind", list(BUSINESSES))
def test_every_form_names_its_applicant_and_employer(printed, kind):
    paper = printed[kind]
    assert paper["subject_name"], kind  # the world knows every subject
    assert paper["subject_name"] in paper["form"] and paper["subject_name"] in paper["receipt"]
    for name in paper["employers"].split():
        assert name in paper["form"], (kind, name)


def test_the_loan_form_prints_the_limit_its_rule_and_both_first_payments(printed):
    form = " ".join(printed["loan"]["form"].split())
    # The world's borrower: 600,000.00 house, 80% loan-to-value binds (category cap 800,000, balance
    # multiple 750,000, repayment capacity 747,959.86).
    assert "可贷额度 受约束条件 类别最高额度 账户余额倍数 还款能力 房价贷款成数" in form
    assert "480,000.00 房价贷款成数 800,000.00 750,000.00 747,959.86 480,000.00" in form
    assert "等额本息 1,604.36" in form and "等额本金 1,900.00" in form  # each schedule's first payment
    assert "第1页/共1页" in form.replace(" ", "")  # the signatures stay on the page
