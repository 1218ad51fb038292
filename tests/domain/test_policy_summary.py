"""Demo values and unverified texts are marked in the policy and listed in its summary; legal
notices print only verified citations (issue #18, items 1 and 4)."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.domain.policy import PolicyError, default_policy, parse_policy
from counter_app.domain.policy_citations import printable_citations
from counter_app.domain.policy_summary import summarise, version_summary
from counter_app.paths import resources_dir

TEXT = (resources_dir() / "policy" / "demo-city.toml").read_text(encoding="utf-8")
BOOK = default_policy()
BEFORE, AFTER = date(2026, 9, 19), date(2026, 10, 1)  # either side of the 2026 amendment


def keys(summary, marker: str) -> set[str]:
    return {m.key for m in summary.values(marker)}


def test_report_loan_amounts_are_hidden_so_the_caps_are_marked_demo():
    """报告：“……提高到***万元……其余缴存职工**区提高到**万元、各县**万元”: the amounts are starred out,
    so every cap is a demo value, while the categories themselves follow the report's words."""
    s = summarise(BOOK, BEFORE)
    assert {"loan.categories.general.district", "loan.categories.general.county", "loan.categories.talent.cap",
            "loan.categories.outside_urban.cap"} <= keys(s, "demo")
    sources = dict(s.sources)
    assert sources["loan.categories.talent"] == "对我市高层次人才和引进人才贷款额度提高到***万元"
    assert "非城市规划区域内工作的在编干部职工" in sources["loan.categories.outside_urban"]


def test_report_rules_are_sourced_and_silences_are_demo():
    """Where the report states a rule the table cites it; what it leaves out is listed as demo."""
    s = summarise(BOOK, BEFORE)
    sources = dict(s.sources)
    assert "不限提取次数和金额" in sources["withdrawal"]
    assert "仅需提供本人及配偶工作地的无房证明" in sources["withdrawal.reasons.07"]
    assert "12%" in sources["contribution"]
    demo = keys(s, "demo")
    assert {"withdrawal.reasons.07.min_contribution_months", "withdrawal.reasons.91.within_years_of_event",
            "contribution.base_floor", "notices.arrears_deadline_days", "decision_days.open-account"} <= demo
    # statutory or reported values are not demo
    assert not {"contribution.ratio_min", "contribution.ratio_max", "decision_days.withdrawal", "decision_days.loan",
                "notices.basis_text"} & demo
    values = {m.key: m.value for m in s.values("demo")}
    assert values["loan.categories.talent.cap"] == "1200000" and values["stations"] == "（整表）"


def test_every_demo_key_names_a_value_the_version_has():
    for version in BOOK.versions:
        for marked in version_summary(version):
            assert marked.value not in ("", "None"), marked


def test_unverified_amendment_is_listed():
    assert keys(summarise(BOOK, BEFORE), "unverified") == set()
    after = keys(summarise(BOOK, AFTER), "unverified")
    assert {"notices.penalty_article", "notices.fine_max", "loan.fraud_ban_years", "decision_days.loan"} <= after


def test_summary_as_json_and_lines():
    s = summarise(BOOK, AFTER)
    data = s.as_dict()
    assert data["version"] == "2026-09-20" and data["citations"]["verified"] is False
    assert {"key": "loan.categories.talent.cap", "value": "1200000", "marker": "demo"} in data["demo"]
    lines = s.lines()
    assert lines[0].startswith("政策版本 2026-09-20") and any(line.startswith("演示值（") for line in lines)


# --- citations -------------------------------------------------------------------------------------------

def test_verified_text_in_force_is_printed_as_is():
    cites = printable_citations(BOOK, BEFORE)
    assert not cites.withheld and cites.warning == "" and cites.notices.penalty_article == "第三十七条"


def test_a_version_marked_pending_verification_is_never_printed():
    """The issue: “Enforcement notices printed today cite a 2026 revision (第三十九条, 5–30万) that the policy
    file itself marks 待核对.” From 2026-09-20 the notices keep the last verified text and say why."""
    in_force = BOOK.in_force(AFTER).notices
    assert not in_force.verified and in_force.penalty_article == "第三十九条"
    cites = printable_citations(BOOK, AFTER)
    assert cites.withheld and cites.withheld_label == "2026-09-20" and cites.version_label == "2024-05-18"
    n = cites.notices
    assert n.verified and (n.penalty_article, n.fine_min, n.fine_max) == ("第三十七条", 10000, 50000)
    assert n.arrears_article == "第三十八条" and "申请人民法院强制执行" in n.arrears_basis_text
    assert "待核对" in cites.warning and "第三十九条" in cites.warning and "第三十七条" in cites.warning


def test_once_verified_the_new_text_is_printed():
    verified = TEXT.replace("[versions.notices]\nverified = false\n",
                            '[versions.notices]\nverified = true\nverified_against = "国务院令第844号官方文本"\n')
    cites = printable_citations(parse_policy(verified), AFTER)
    assert not cites.withheld and cites.notices.penalty_article == "第三十九条"


def test_without_any_verified_text_no_notice_can_be_printed():
    unverified = TEXT.replace("[base.notices]\nverified = true\n", "[base.notices]\nverified = false\n")
    book = parse_policy(unverified)
    with pytest.raises(PolicyError, match="待核对"):
        printable_citations(book, BEFORE)


def test_statement_period_comes_from_the_policy():
    """The issue: “The statement period prints "5日内" where the policy says 5 working days.”"""
    n = BOOK.in_force(BEFORE).notices
    assert (n.statement_days, n.statement_working_days, n.statement_period) == (5, True, "5个工作日")
    calendar = parse_policy(TEXT.replace("statement_working_days = true", "statement_working_days = false"))
    assert calendar.in_force(BEFORE).notices.statement_period == "5日"
