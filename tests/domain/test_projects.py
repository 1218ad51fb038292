"""Projects as a loan sees them: the agreement in the centre's note, standings, the loan's refusal."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.projects import (
    ADMITTED,
    PENDING,
    REFUSED,
    SUSPENDED,
    ProjectStanding,
    admitted_in_force,
    agreement_in,
    agreement_note,
    loan_problem,
    merged,
    standing_of,
)

DAY = date(2026, 11, 23)
NEW = {"project_name": "南山花园", "admission_type": "new"}
BACKFILL = {"project_name": "北坪雅苑", "admission_type": "backfill", "agreement_no": "HZ-2019-007",
            "agreement_valid_until": "2029-05-31"}


@given(st.from_regex(r"[A-Z]{2}[0-9]{0,6}(-[0-9]{1,4})?", fullmatch=True),
       st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_the_note_the_centre_writes_is_read_back(no, until):
    assert agreement_in(agreement_note(no, until)) == (no, until)
    assert agreement_in("准入。" + agreement_note(no, until).replace(" ", "：", 1)) == (no, until)


def test_a_note_without_an_agreement_or_with_a_bad_date_states_none():
    assert agreement_in("同意准入") is None and agreement_in(None) is None
    assert agreement_in("合作协议编号 HZ1，有效期至 2029-02-30") is None


def test_standings_follow_the_application_status():
    approved = standing_of(NEW, "approved", agreement_note("HZ2026-031", date(2029, 12, 31)), "R1", "开发商")
    assert approved == ProjectStanding("南山花园", "开发商", ADMITTED, "R1", "HZ2026-031", date(2029, 12, 31))
    backfilled = standing_of(BACKFILL, "approved", None, "R2", "开发商")
    assert backfilled is not None and (backfilled.agreement_no, backfilled.valid_until) == ("HZ-2019-007", date(2029, 5, 31))
    for status in ("submitted", "queued", "received", "needs-more"):
        assert standing_of(NEW, status, None, "R3", "x").standing == PENDING
    assert standing_of(NEW, "rejected", "材料不全", "R4", "x").standing == REFUSED
    for status in ("cancelled", "conflict"):
        assert standing_of(NEW, status, None, "R5", "x") is None


def _admitted(name="南山花园", until=date(2029, 12, 31), receipt="R1"):
    return ProjectStanding(name, "开发商", ADMITTED, receipt, "HZ1", until)


def test_a_loan_on_an_admitted_project_in_force_passes_to_the_last_day():
    assert loan_problem("南山 花园", [_admitted(until=DAY)], DAY) is None
    assert "已于2026-11-22到期" in loan_problem("南山花园", [_admitted(until=DAY - timedelta(days=1))], DAY)


def test_a_loan_on_a_project_never_admitted_pending_or_refused_is_refused_with_its_reason():
    assert "未办理住房公积金贷款准入" in loan_problem("东湖名苑", [_admitted()], DAY)
    pending = ProjectStanding("东湖名苑", "x", PENDING, "CG01-01-20261120-0003")
    assert "正在审核中" in loan_problem("东湖名苑", [pending], DAY) and "0003" in loan_problem("东湖名苑", [pending], DAY)
    assert "未获住房公积金贷款准入" in loan_problem("东湖名苑", [ProjectStanding("东湖名苑", "x", REFUSED, "R")], DAY)


def test_a_renewed_agreement_wins_over_the_expired_one():
    old, new = _admitted(until=date(2025, 1, 1), receipt="R1"), _admitted(until=date(2030, 1, 1), receipt="R2")
    assert loan_problem("南山花园", [old, new], DAY) is None
    assert admitted_in_force([old, new, _admitted("北坪雅苑")], DAY) == [_admitted("北坪雅苑"), new]


@given(st.lists(st.tuples(st.sampled_from(["甲苑", "乙苑"]), st.sampled_from([ADMITTED, PENDING, REFUSED]),
                          st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 1, 1))))))
def test_a_loan_passes_exactly_when_some_admission_of_the_project_is_in_force(rows):
    standings = [ProjectStanding(n, "x", s, f"R{i}", "HZ" if s == ADMITTED else None, u if s == ADMITTED else None)
                 for i, (n, s, u) in enumerate(rows)]
    in_force = any(s.name == "甲苑" and s.standing == ADMITTED and (s.valid_until is None or s.valid_until >= DAY)
                   for s in standings)
    assert (loan_problem("甲苑", standings, DAY) is None) == in_force


STANDINGS = st.sampled_from((ADMITTED, PENDING, REFUSED, SUSPENDED))


@given(st.lists(st.tuples(st.sampled_from(("南山花园", "南山 花园", "东湖名苑")), STANDINGS), max_size=6),
       st.lists(st.tuples(st.sampled_from(("南山花园", "东湖名苑")), STANDINGS), max_size=6))
def test_the_centre_rules_each_project_it_decided(local, central):
    """A project the centre holds stands as the centre says: a station's own decided admission adds
    nothing to it (a suspension is not outranked by an old approval); pending ones are kept."""
    until = DAY + timedelta(days=365)
    central_rows = [ProjectStanding(n, "开发商", s, "R0", "HZ1", until if s == ADMITTED else None)
                    for n, s in dict(central).items()]  # one row per project at the centre
    local_rows = [ProjectStanding(n, "开发商", s, f"R{i}", "HZ2" if s == ADMITTED else None, until)
                  for i, (n, s) in enumerate(local)]
    out = merged(central_rows, local_rows)
    held = {r.name for r in central_rows}
    assert all(r in out for r in central_rows)
    for r in local_rows:
        kept = r in out
        assert kept == (r.standing == PENDING or r.name.replace(" ", "") not in held)
    for name, standing in dict(central).items():
        problem = loan_problem(name, out, DAY)
        assert (problem is None) == (standing == ADMITTED)
        if standing == SUSPENDED:
            assert "暂停" in problem


def test_a_suspension_names_the_centres_reason():
    held = [ProjectStanding("南山花园", "开发商", SUSPENDED, "R1", note="挪用监管资金")]
    assert loan_problem("南山花园", held, DAY) == (
        "楼盘“南山花园”的住房公积金贷款准入已被管理中心暂停（挪用监管资金），暂停期间不能受理该楼盘的贷款")
