"""Enforcement case lifecycle: no skipping, dates in order, deadline from the policy, overdue, complaints."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain import enforcement as e
from counter_app.domain.enforcement import CaseFacts, Step
from counter_app.domain.policy import default_policy

TODAY = date(2026, 11, 23)
PATH_REGISTERED = [e.INVESTIGATED, e.NOTICE_ISSUED, e.DELIVERED, e.REGISTERED, e.CLOSED]
PATH_PENALTY = [e.INVESTIGATED, e.NOTICE_ISSUED, e.DELIVERED, e.DEADLINE_PASSED, e.REFERRED, e.CLOSED]


def step(state: str, on: date = TODAY, note: str = "情况属实", document: str = "") -> Step:
    return Step(state, on, "clerk1", note, document)


def walk(path: list[str], start: date, deadline_days: int) -> list[list]:
    """Walk ``path`` one day per step (the deadline step after the deadline); problems of each step."""
    case = CaseFacts(path[0], start)
    on, problems = start, []
    for target in path[1:]:
        on = case.deadline + timedelta(days=1) if target == e.DEADLINE_PASSED else on + timedelta(days=1)
        found = e.check_step(case, step(target, on), today=on)
        problems.append(found)
        deadline = e.notice_deadline(on, deadline_days) if target == e.NOTICE_ISSUED else case.deadline
        case = CaseFacts(target, on, deadline)
    return problems


def test_both_whole_paths_are_allowed_step_by_step() -> None:
    assert walk(PATH_REGISTERED, date(2026, 1, 5), 30) == [[]] * 4
    assert walk(PATH_PENALTY, date(2026, 1, 5), 30) == [[]] * 5


def test_a_case_may_be_closed_right_after_the_investigation_with_a_reason() -> None:
    case = CaseFacts(e.INVESTIGATED, TODAY)
    assert e.check_step(case, step(e.CLOSED, note="经调查该单位已无在职职工"), TODAY) == []
    assert [p.field for p in e.check_step(case, step(e.CLOSED, note="  "), TODAY)] == ["note"]


@given(st.sampled_from(list(e.STATES)), st.sampled_from(list(e.STATES)))
def test_only_the_listed_transitions_pass(current: str, target: str) -> None:
    case = CaseFacts(current, TODAY - timedelta(days=60), deadline=TODAY - timedelta(days=1))
    problems = e.check_step(case, step(target), TODAY)
    if target in e.next_states(current):
        assert problems == []
    else:
        assert [p.field for p in problems] == ["state"]
        assert e.state_label(current) in problems[0].message


def test_skipping_a_state_is_refused_with_the_next_allowed_steps_named() -> None:
    (problem,) = e.check_step(CaseFacts(e.INVESTIGATED, TODAY), step(e.DELIVERED), TODAY)
    assert problem.field == "state"
    assert "已发通知书" in problem.message and "已送达" in problem.message
    (problem,) = e.check_step(CaseFacts(e.NOTICE_ISSUED, TODAY), step(e.REFERRED), TODAY)
    assert "已送达" in problem.message
    (problem,) = e.check_step(CaseFacts(e.CLOSED, TODAY), step(e.INVESTIGATED), TODAY)
    assert "不能再变更" in problem.message


def test_every_state_is_reachable_from_the_investigation_and_closed_is_the_only_end() -> None:
    reached = set()
    for kind, transitions in e.KIND_TRANSITIONS.items():
        seen, todo = {e.INVESTIGATED}, [e.INVESTIGATED]
        while todo:
            for nxt in e.next_states(todo.pop(), kind):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        assert seen == set(transitions), kind
        assert [s for s in transitions if not e.next_states(s, kind)] == [e.CLOSED]
        reached |= seen
    assert reached == set(e.STATES)


@given(st.integers(min_value=1, max_value=400))
def test_dates_may_not_run_backwards_nor_lie_in_the_future(back: int) -> None:
    case = CaseFacts(e.NOTICE_ISSUED, TODAY, deadline=TODAY + timedelta(days=30))
    early = e.check_step(case, step(e.DELIVERED, TODAY - timedelta(days=back)), TODAY)
    assert [p.field for p in early] == ["on"] and "早于" in early[0].message
    late = e.check_step(case, step(e.DELIVERED, TODAY + timedelta(days=back)), TODAY)
    assert [p.field for p in late] == ["on"] and "晚于今天" in late[0].message


def test_deadline_comes_from_the_policy_in_force_on_the_notice_date() -> None:
    policy = default_policy()
    for issued in (date(2025, 3, 1), date(2026, 10, 9)):
        days = policy.in_force(issued).notices.deadline_days
        assert e.notice_deadline(issued, days) == issued + timedelta(days=days)
    assert e.notice_deadline(date(2026, 1, 31), 30) == date(2026, 3, 2)  # calendar days, across February


@given(st.integers(min_value=-40, max_value=40))
def test_deadline_passed_only_after_the_deadline(offset: int) -> None:
    deadline = date(2026, 10, 31)
    case = CaseFacts(e.DELIVERED, date(2026, 10, 1), deadline)
    on = deadline + timedelta(days=offset)
    problems = e.check_step(case, step(e.DEADLINE_PASSED, on), today=on)
    assert (problems == []) == (offset >= 1)
    if offset < 1 and on >= case.last_on:
        assert "期限届满后" in problems[0].message


@given(st.sampled_from(list(e.STATES)), st.integers(min_value=-30, max_value=30))
def test_overdue_means_waiting_for_the_employer_past_the_deadline(state: str, offset: int) -> None:
    deadline = date(2026, 11, 1)
    today = deadline + timedelta(days=offset)
    assert e.is_overdue(state, deadline, today) == (state in (e.NOTICE_ISSUED, e.DELIVERED) and offset > 0)
    assert e.days_left(deadline, today) == -offset
    assert not e.is_overdue(state, None, today)


def test_opening_needs_the_investigation_record() -> None:
    assert e.check_opening(step(e.INVESTIGATED), TODAY) == []
    assert [p.field for p in e.check_opening(step(e.INVESTIGATED, note=""), TODAY)] == ["note"]
    assert [p.field for p in e.check_opening(step(e.NOTICE_ISSUED), TODAY)] == ["state"]
    assert [p.field for p in e.check_opening(step(e.INVESTIGATED, TODAY + timedelta(days=1)), TODAY)] == ["on"]


def test_delivery_way_must_be_one_printed_on_the_receipt() -> None:
    case = CaseFacts(e.NOTICE_ISSUED, TODAY)
    assert e.check_step(case, step(e.DELIVERED, document="邮寄送达"), TODAY) == []
    assert [p.field for p in e.check_step(case, step(e.DELIVERED, document="电话"), TODAY)] == ["document"]


def test_fine_within_the_printed_range() -> None:
    lo, hi = Decimal("10000"), Decimal("50000")
    assert e.check_fine(Decimal("10000"), lo, hi) == [] and e.check_fine(Decimal("50000"), lo, hi) == []
    assert e.check_fine(Decimal("9999.99"), lo, hi)[0].field == "fine"
    assert "50000" in e.check_fine(Decimal("50000.01"), lo, hi)[0].message


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)), st.integers(min_value=1, max_value=30))
def test_complaint_due_counts_working_days(received: date, days: int) -> None:
    due = e.complaint_due(received, days)
    between = [received + timedelta(days=i) for i in range(1, (due - received).days + 1)]
    assert sum(1 for d in between if d.weekday() < 5) == days
    assert due.weekday() < 5
    assert not e.complaint_overdue(e.COMPLAINT_OPEN, due, due)
    assert e.complaint_overdue(e.COMPLAINT_OPEN, due, due + timedelta(days=1))
    assert not e.complaint_overdue(e.COMPLAINT_CLOSED, due, due + timedelta(days=1))


def test_complaint_closes_once_with_a_result_on_a_sensible_day() -> None:
    received = date(2026, 11, 2)
    assert e.check_complaint_closing("open", received, TODAY, "已责令单位补办", TODAY) == []
    fields = lambda *a: [p.field for p in e.check_complaint_closing(*a)]  # noqa: E731
    assert fields("open", received, TODAY, "", TODAY) == ["result"]
    assert fields("open", received, received - timedelta(days=1), "x", TODAY) == ["closed_on"]
    assert fields("open", received, TODAY + timedelta(days=1), "x", TODAY) == ["closed_on"]
    assert fields("closed", received, TODAY, "x", TODAY) == ["complaint_no"]



# --- arrears (条例第三十八条): 责令限期缴存, then court enforcement ------------------------------------

PATH_PAID = [e.INVESTIGATED, e.NOTICE_ISSUED, e.DELIVERED, e.PAID, e.CLOSED]
PATH_COURT = [e.INVESTIGATED, e.NOTICE_ISSUED, e.DELIVERED, e.DEADLINE_PASSED, e.COURT_APPLIED, e.CLOSED]
PATH_LATE = [e.INVESTIGATED, e.NOTICE_ISSUED, e.DELIVERED, e.DEADLINE_PASSED, e.PAID, e.CLOSED]


def walk_arrears(path: list[str], start: date, deadline_days: int) -> list[list]:
    case = CaseFacts(path[0], start, kind=e.ARREARS)
    on, problems = start, []
    for target in path[1:]:
        on = case.deadline + timedelta(days=1) if target == e.DEADLINE_PASSED else on + timedelta(days=1)
        problems.append(e.check_step(case, step(target, on), today=on))
        deadline = e.notice_deadline(on, deadline_days) if target == e.NOTICE_ISSUED else case.deadline
        case = CaseFacts(target, on, deadline, kind=e.ARREARS)
    return problems


def test_article_38_arrears_order_then_court_enforcement_paths():
    """条例第三十八条：“单位逾期不缴或者少缴住房公积金的，由住房公积金管理中心责令限期缴存；逾期仍不缴存的，
    可以申请人民法院强制执行”: paid within the deadline, paid late, or the court is applied to."""
    days = default_policy().in_force(TODAY).notices.arrears_deadline_days
    for path in (PATH_PAID, PATH_COURT, PATH_LATE):
        assert walk_arrears(path, date(2026, 1, 5), days) == [[]] * (len(path) - 1), path


def test_arrears_cases_have_their_own_steps():
    """No referral for a fine after an arrears order, no 'registered'; no court step for establishment."""
    delivered = CaseFacts(e.DELIVERED, TODAY - timedelta(days=40), TODAY - timedelta(days=1), kind=e.ARREARS)
    assert e.next_states(e.DELIVERED, e.ARREARS) == (e.PAID, e.DEADLINE_PASSED)
    assert [p.field for p in e.check_step(delivered, step(e.REGISTERED), TODAY)] == ["state"]
    passed = CaseFacts(e.DEADLINE_PASSED, TODAY - timedelta(days=5), TODAY - timedelta(days=6), kind=e.ARREARS)
    assert [p.field for p in e.check_step(passed, step(e.REFERRED), TODAY)] == ["state"]
    assert e.check_step(passed, step(e.COURT_APPLIED, note="已向示范市城关区人民法院申请强制执行"), TODAY) == []
    assert [p.field for p in e.check_step(passed, step(e.COURT_APPLIED, note=""), TODAY)] == ["note"]
    establishment = CaseFacts(e.DEADLINE_PASSED, TODAY - timedelta(days=5), TODAY - timedelta(days=6))
    assert [p.field for p in e.check_step(establishment, step(e.COURT_APPLIED), TODAY)] == ["state"]


def test_court_enforcement_only_after_the_deadline():
    issued = date(2026, 10, 1)
    deadline = e.notice_deadline(issued, 30)
    delivered = CaseFacts(e.DELIVERED, issued + timedelta(days=2), deadline, kind=e.ARREARS)
    early = e.check_step(delivered, step(e.DEADLINE_PASSED, deadline), deadline)
    assert [p.field for p in early] == ["on"] and deadline.isoformat() in early[0].message
    assert e.check_step(delivered, step(e.DEADLINE_PASSED, deadline + timedelta(days=1)), TODAY) == []


def test_each_kind_uses_its_own_deadline_from_the_policy():
    n = default_policy().in_force(TODAY).notices
    assert e.notice_days(e.ARREARS, n.deadline_days, n.arrears_deadline_days) == n.arrears_deadline_days
    assert e.notice_days(e.ESTABLISHMENT, n.deadline_days, n.arrears_deadline_days) == n.deadline_days
    assert e.kind_label(e.ARREARS) == "欠缴执法（责令限期缴存）"


@given(st.sampled_from(list(e.STATES)), st.sampled_from(list(e.STATES)))
def test_only_the_listed_arrears_transitions_pass(current: str, target: str) -> None:
    case = CaseFacts(current, TODAY - timedelta(days=60), deadline=TODAY - timedelta(days=1), kind=e.ARREARS)
    problems = e.check_step(case, step(target), TODAY)
    assert (problems == []) == (target in e.ARREARS_TRANSITIONS.get(current, ()))


def test_an_arrears_case_states_what_is_owed():
    assert e.check_arrears(Decimal("12000.50"), "2026-01", "2026-06") == []
    assert [p.field for p in e.check_arrears(None, "2026-01", "2026-06")] == ["arrears_amount"]
    assert [p.field for p in e.check_arrears(Decimal("0"), "2026-01", "2026-06")] == ["arrears_amount"]
    assert [p.field for p in e.check_arrears(Decimal("1"), "2026-01", None)] == ["arrears_from"]
    assert [p.field for p in e.check_arrears(Decimal("1"), "2026-07", "2026-06")] == ["arrears_to"]
