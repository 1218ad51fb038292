"""还款计划表: the plan ahead of a live loan, its due dates and totals, printed, logged, and from the CLI."""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from service_world import W

from counter_app.cli import main
from counter_app.services.postloan import loan_schedule, print_schedule
from counter_app.services.printing import PrintRefused


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def test_the_plan_runs_from_the_next_due_date_to_the_contracts_end(counter) -> None:
    loan, last_due, schedule, dates = loan_schedule(counter, "dk0000000001")  # typed in lower case
    assert loan.id_number == W.borrower and last_due.isoformat() == "2026-11-01"
    assert schedule.months == 187 == len(dates)  # 240 − 53 instalments paid since 2022-06-01
    assert (dates[0].isoformat(), dates[-1].isoformat()) == ("2026-12-01", "2042-06-01")
    assert sum(r.principal for r in schedule.rows) == Decimal("310000.00") and schedule.rows[-1].remaining == 0


def test_the_printed_schedule_has_every_month_and_the_totals(counter, tmp_path) -> None:
    printed = print_schedule(counter, "DK0000000001", tmp_path / "s.pdf")
    _, _, schedule, _ = loan_schedule(counter, "DK0000000001")
    text = text_of(printed.path)
    assert printed.pages >= 5 and "住房公积金贷款还款计划表" in text and "赵六" in text and W.borrower not in text
    for words in ("2026-12-01", "2042-06-01", "合计", f"{schedule.total_interest:,.2f}", "310,000.00", "187期"):
        assert words in text, words
    with counter.store.unit_of_work() as uow:
        assert [e.document for e in uow.print_log.recent(5)] == ["loan-schedule"]


@pytest.mark.parametrize(("loan_no", "words"), [("DK0000000002", "已结清"), ("DK404", "没有贷款合同编号")])
def test_settled_or_unknown_loans_are_refused(counter, loan_no, words) -> None:
    with pytest.raises(PrintRefused) as refused:
        print_schedule(counter, loan_no)
    assert refused.value.field == "loan" and words in refused.value.message


def test_the_cli_prints_it(counter, data_dir, tmp_path, capsys) -> None:
    counter.close()
    code = main(["--data-dir", str(data_dir), "print", "schedule", "--loan", "DK0000000001",
                 "--out", str(tmp_path / "cli.pdf"), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["file"] == str(tmp_path / "cli.pdf") and result["pages"] >= 5
    code = main(["--data-dir", str(data_dir), "print", "schedule", "--loan", "DK0000000002", "--out",
                 str(tmp_path / "x.pdf"), "--json"])
    assert code == 2 and json.loads(capsys.readouterr().out)["errors"][0]["field"] == "loan"
