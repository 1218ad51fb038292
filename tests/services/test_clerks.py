"""Clerk accounts: the demo clerk, adding, argon2id hashes, lockout, disabling, passwords, unlock."""

from __future__ import annotations

import json

import argon2
from clerk_helpers import CLERK, FAST_HASHER, OTHER_CLERK, SUPERVISOR, Clock, actions, audit_db, audit_rows, fast_hashing, staff  # noqa: F401
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from service_world import NOW

from counter_app.domain.errors import FieldError
from counter_app.services import clerks
from counter_app.services.clerks import LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, Clerk
from counter_app.services.counter import DEMO_CLERK

ANY_INPUT = st.one_of(st.text(max_size=40), st.none(), st.integers(), st.binary(max_size=10))


def password_hash(data_dir, username: str) -> str:
    db = audit_db(data_dir)
    try:
        return db.execute("SELECT password_hash FROM clerks WHERE username = ?", (username,)).fetchone()[0]
    finally:
        db.close()


def test_a_station_without_accounts_runs_as_the_demo_clerk(counter):
    assert not clerks.has_clerks(counter)
    assert counter.clerk == DEMO_CLERK and clerks.role_of(counter) is None
    assert clerks.list_clerks(counter) == []


def test_the_first_account_must_be_a_supervisor(counter, fast_hashing):
    result = clerks.add_clerk(counter, "zhang", CLERK[1], "clerk")
    assert not result.ok and result.errors[0].field == "role" and "站长" in result.errors[0].message
    assert not clerks.has_clerks(counter)


def test_a_supervisor_is_stored_with_an_argon2id_hash_only(counter, data_dir, fast_hashing):
    result = clerks.add_clerk(counter, " Wang ", SUPERVISOR[1], "supervisor", "王站长")
    assert result.ok and result.value.username == "wang" and result.value.role_label == "站长（主管）"
    stored = password_hash(data_dir, "wang")
    assert stored.startswith("$argon2id$") and SUPERVISOR[1] not in stored
    assert FAST_HASHER.verify(stored, SUPERVISOR[1])
    assert [c.username for c in clerks.list_clerks(counter)] == ["wang"]
    assert actions(data_dir) == ["clerk_add"]


def test_once_there_are_accounts_only_a_supervisor_adds_clerks(counter, fast_hashing):
    staff(counter)  # now working as the clerk 张柜员
    refused = clerks.add_clerk(counter, "li", OTHER_CLERK[1])
    assert not refused.ok and refused.errors[0].field == "clerk" and "站长" in refused.errors[0].message
    counter.clerk = DEMO_CLERK  # an unauthenticated session is nobody
    assert not clerks.add_clerk(counter, "li", OTHER_CLERK[1]).ok
    counter.clerk = SUPERVISOR[0]
    assert clerks.add_clerk(counter, "li", OTHER_CLERK[1]).ok


def test_login_names_are_unique_and_plain(counter, fast_hashing):
    staff(counter)
    counter.clerk = SUPERVISOR[0]
    taken = clerks.add_clerk(counter, "ZHANG", "Another-pass-1")
    assert taken.errors[0].field == "username" and "已被使用" in taken.errors[0].message
    for bad in ("", "张三", "1abc", "a", "demo", "x" * 40):
        result = clerks.add_clerk(counter, bad, "Another-pass-1")
        assert not result.ok and result.errors[0].field == "username", bad


def test_weak_passwords_are_refused_with_the_reason(counter, fast_hashing):
    for password, words in (("short1", "8位"), ("wangwang", "登录名"), ("aaaaaaaaaa", "简单"), ("x" * 200, "128"),
                            ("abc\x00defgh", "控制字符"), (None, "8位")):
        result = clerks.add_clerk(counter, "wangwang", password, "supervisor")
        assert not result.ok and result.errors[0].field == "password" and words in result.errors[0].message


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=ANY_INPUT, password=ANY_INPUT, role=ANY_INPUT, shown=ANY_INPUT)
def test_junk_in_any_field_gives_field_errors_not_exceptions(counter, fast_hashing, name, password, role, shown):
    result = clerks.add_clerk(counter, name, password, role, shown)
    assert result.ok or all(isinstance(e, FieldError) and e.message for e in result.errors)
    login = clerks.authenticate(counter, name, password)
    assert isinstance(login, (Clerk, FieldError))


def test_the_right_password_logs_in_and_is_audited_without_the_password(counter, data_dir, fast_hashing):
    staff(counter)
    counter.clerk = DEMO_CLERK
    clerk = clerks.login(counter, "Zhang", CLERK[1])
    assert isinstance(clerk, Clerk) and counter.clerk == "zhang" and clerk.failed_attempts == 0
    last = audit_rows(data_dir)[-1]
    assert last[1:4] == ("zhang", "login", "zhang")
    assert CLERK[1] not in json.dumps(audit_rows(data_dir), ensure_ascii=False)


def test_an_unknown_name_gets_the_same_answer_and_is_not_written_down(counter, data_dir, fast_hashing):
    staff(counter)
    typed = "Secret-typed-into-the-name-box"
    unknown = clerks.authenticate(counter, typed, "whatever-1")
    wrong = clerks.authenticate(counter, "zhang", "whatever-1")
    assert unknown == FieldError("password", "用户名或密码不正确") and wrong.message == unknown.message
    assert typed.lower() not in json.dumps(audit_rows(data_dir), ensure_ascii=False).lower()
    assert actions(data_dir)[-2:] == ["login_failed", "login_failed"]


def test_repeated_failures_lock_the_account_until_the_lockout_ends(data_dir, fast_hashing):
    from counter_app.services import open_counter

    clock = Clock(NOW)
    with open_counter(data_dir, clock=clock) as counter:
        staff(counter)
        messages = [clerks.authenticate(counter, "zhang", "wrong-pass-1").message for _ in range(MAX_FAILED_ATTEMPTS)]
        assert "再输错2次" in messages[MAX_FAILED_ATTEMPTS - 3] and "再输错1次" in messages[-2]
        assert "锁定至10:15" in messages[-1]  # 10:00 China time + 15 minutes
        refused = clerks.authenticate(counter, "zhang", CLERK[1])
        assert isinstance(refused, FieldError) and "锁定" in refused.message
        clock.advance(minutes=LOCKOUT_MINUTES, seconds=1)
        assert isinstance(clerks.authenticate(counter, "zhang", CLERK[1]), Clerk)
        assert clerks.get_clerk(counter, "zhang").failed_attempts == 0


def test_a_success_resets_the_count_of_failures(counter, fast_hashing):
    staff(counter)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        clerks.authenticate(counter, "zhang", "wrong-pass-1")
    assert isinstance(clerks.authenticate(counter, "zhang", CLERK[1]), Clerk)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        clerks.authenticate(counter, "zhang", "wrong-pass-1")
    assert clerks.get_clerk(counter, "zhang").locked_until is None


def test_a_disabled_clerk_cannot_log_in(counter, fast_hashing):
    staff(counter)
    counter.clerk = SUPERVISOR[0]
    assert clerks.disable_clerk(counter, "zhang").value.active is False
    refused = clerks.authenticate(counter, "zhang", CLERK[1])
    assert isinstance(refused, FieldError) and "停用" in refused.message
    assert clerks.authenticate(counter, "zhang", "wrong-pass-1").message == "用户名或密码不正确"
    assert clerks.set_active(counter, "zhang", True).value.active is True


def test_the_last_supervisor_and_oneself_cannot_be_disabled(counter, fast_hashing):
    staff(counter)
    refused = clerks.disable_clerk(counter, "wang")
    assert refused.errors[0].field == "clerk"  # a plain clerk disables nobody
    counter.clerk = SUPERVISOR[0]
    assert "本人" in clerks.disable_clerk(counter, "wang").errors[0].message
    assert clerks.add_clerk(counter, "zhao", "Zhao-pass-2026", "supervisor").ok
    counter.clerk = "zhao"
    assert clerks.disable_clerk(counter, "wang").ok
    assert clerks.set_active(counter, "wang", True).ok
    assert "没有登录名" in clerks.disable_clerk(counter, "nobody").errors[0].message


def test_a_clerk_changes_his_own_password_only(counter, fast_hashing):
    staff(counter, with_other=True)
    assert clerks.change_password(counter, "zhang", "New-zhang-pass-1").ok
    assert isinstance(clerks.authenticate(counter, "zhang", "New-zhang-pass-1"), Clerk)
    other = clerks.change_password(counter, "li", "Not-his-business-1")
    assert not other.ok and other.errors[0].field == "clerk"
    assert clerks.change_password(counter, "zhang", "short").errors[0].field == "password"


def test_a_supervisor_resets_a_password_and_lifts_the_lockout(counter, fast_hashing):
    staff(counter)
    for _ in range(MAX_FAILED_ATTEMPTS):
        clerks.authenticate(counter, "zhang", "wrong-pass-1")
    assert clerks.get_clerk(counter, "zhang").locked_until is not None
    counter.clerk = SUPERVISOR[0]
    reset = clerks.change_password(counter, "zhang", "Fresh-zhang-pass-1")
    assert reset.ok and reset.value.locked_until is None
    assert isinstance(clerks.authenticate(counter, "zhang", "Fresh-zhang-pass-1"), Clerk)


def test_older_hash_parameters_are_upgraded_at_the_next_login(counter, data_dir, monkeypatch, fast_hashing):
    staff(counter)
    before = password_hash(data_dir, "zhang")
    stronger = argon2.PasswordHasher(time_cost=2, memory_cost=16, parallelism=1, hash_len=16, salt_len=16)
    monkeypatch.setattr(clerks, "HASHER", stronger)
    assert isinstance(clerks.authenticate(counter, "zhang", CLERK[1]), Clerk)
    after = password_hash(data_dir, "zhang")
    assert after != before and "t=2" in after and stronger.verify(after, CLERK[1])


def test_the_first_run_wizard_creates_the_supervisor_with_its_own_field_keys(counter, fast_hashing):
    problems = clerks.create_supervisor(counter, {"supervisor_login": "张", "supervisor_name": "王站长",
                                                  "supervisor_password": "short"})
    assert {p.field for p in problems} == {"supervisor_login", "supervisor_password"}
    assert clerks.create_supervisor(counter, {"supervisor_login": "wang", "supervisor_name": "王站长",
                                              "supervisor_password": SUPERVISOR[1]}) == []
    assert clerks.role_of(counter, "wang") == "supervisor"


def test_the_centres_clerk_list_is_imported_and_malformed_rows_skipped(counter, fast_hashing):
    staff(counter)
    for _ in range(2):
        clerks.authenticate(counter, "zhang", "wrong-pass-1")
    rows = [
        {"username": "zhou", "display_name": "周柜员", "role": "clerk", "password_hash": FAST_HASHER.hash("Zhou-pass-2026")},
        {"username": "zhang", "display_name": "张三丰", "role": "clerk", "password_hash": FAST_HASHER.hash("Centre-pass-1")},
        {"username": "bad", "role": "clerk", "password_hash": "plaintext-password"},
        {"username": "也不行", "role": "clerk", "password_hash": FAST_HASHER.hash("x")},
        {"username": "admin", "role": "root", "password_hash": FAST_HASHER.hash("x")},
    ]
    assert clerks.import_centre_clerks(counter, rows) == 2
    assert isinstance(clerks.authenticate(counter, "zhou", "Zhou-pass-2026"), Clerk)
    zhang = clerks.get_clerk(counter, "zhang")
    assert (zhang.source, zhang.display_name, zhang.failed_attempts) == ("centre", "张三丰", 2)
    assert clerks.get_clerk(counter, "bad") is None


def test_the_lock_screen_opens_for_the_same_clerk_or_a_supervisor(counter, data_dir, fast_hashing):
    staff(counter, with_other=True)
    clerks.lock(counter)
    refused = clerks.unlock(counter, "li", OTHER_CLERK[1])
    assert isinstance(refused, FieldError) and "本人或站长" in refused.message and counter.clerk == "zhang"
    assert isinstance(clerks.unlock(counter, "zhang", CLERK[1]), Clerk) and counter.clerk == "zhang"
    clerks.lock(counter)
    assert isinstance(clerks.unlock(counter, "wang", SUPERVISOR[1]), Clerk) and counter.clerk == "wang"
    assert actions(data_dir)[-4:] == ["lock", "unlock", "lock", "unlock"]


def test_logout_returns_to_nobody_and_is_audited(counter, data_dir, fast_hashing):
    staff(counter)
    clerks.logout(counter)
    assert counter.clerk == DEMO_CLERK
    assert audit_rows(data_dir)[-1][1:3] == ("zhang", "logout")
