"""Clerk accounts (柜员账号): add, list, disable, change passwords, log in with a lockout.

Passwords are hashed with argon2id (argon2-cffi, RFC 9106 low-memory profile) and never stored,
logged or audited. A data dir with no clerk accounts yet acts as the built-in demo clerk (no
login, no approvals) until the first account — which must be a supervisor — is added.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.profiles import RFC_9106_LOW_MEMORY

from counter_app.domain import offline_lock
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.normalize import format_control_problem, normalize_text
from counter_app.domain.roles import CLERK, ROLES, SUPERVISOR, is_role, may_do
from counter_app.services import audit
from counter_app.services.counter import DEMO_CLERK, Counter
from counter_app.store.repositories.security import ClerkRecord
from counter_app.store.uow import UnitOfWork

HASHER = PasswordHasher.from_parameters(RFC_9106_LOW_MEMORY)  # argon2id, t=3, 64 MiB, p=4
# Lockout: after MAX_FAILED_ATTEMPTS wrong passwords in a row the account waits LOCKOUT_MINUTES
# (or a supervisor sets a new password). Not in the city policy file yet: constants for now.
MAX_FAILED_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
PASSWORD_MIN, PASSWORD_MAX = 8, 128
USERNAME = re.compile(r"[a-z][a-z0-9_.]{1,31}")  # login names: lower-case ASCII, as typed on any IME
NAME_MAX = 40
WRONG = "用户名或密码不正确"
_DUMMY_HASH: str | None = None


@dataclass(frozen=True)
class Clerk:
    """A clerk account as screens and the CLI show it (no hash)."""

    username: str
    display_name: str
    role: str
    active: bool
    failed_attempts: int = 0
    locked_until: datetime | None = None
    source: str = "local"
    created_at: datetime | None = None
    must_change_password: bool = False
    confirmed_at: datetime | None = None

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    def as_dict(self) -> dict[str, Any]:
        return {"username": self.username, "display_name": self.display_name, "role": self.role,
                "active": self.active, "locked_until": self.locked_until.isoformat() if self.locked_until else None,
                "source": self.source, "must_change_password": self.must_change_password,
                "confirmed_at": self.confirmed_at.isoformat() if self.confirmed_at else None}


def _clerk(record: ClerkRecord) -> Clerk:
    return Clerk(record.username, record.display_name, record.role, record.active, record.failed_attempts,
                 record.locked_until, record.source, record.created_at, record.must_change_password,
                 record.confirmed_at)


# --- reading ---------------------------------------------------------------------------------------

def has_clerks(counter: Counter) -> bool:
    """False for a fresh or demo data dir: it runs as the demo clerk with no login."""
    with counter.store.unit_of_work() as uow:
        return uow.clerks.any()


def list_clerks(counter: Counter) -> list[Clerk]:
    with counter.store.unit_of_work() as uow:
        return [_clerk(r) for r in uow.clerks.all()]


def get_clerk(counter: Counter, username: str) -> Clerk | None:
    with counter.store.unit_of_work() as uow:
        record = uow.clerks.get(normalize_username(username))
    return _clerk(record) if record else None


def role_of(counter: Counter, username: str | None = None) -> str | None:
    """The role of ``username`` (default: the counter's clerk); None for the demo clerk or unknown."""
    clerk = get_clerk(counter, username or counter.clerk)
    return clerk.role if clerk and clerk.active else None


def normalize_username(value: Any) -> str:
    return normalize_text(value).lower()


# --- checks ----------------------------------------------------------------------------------------

def check_username(value: Any, key: str = "username") -> tuple[str, list[FieldError]]:
    name = normalize_username(value)
    if not name:
        return name, [FieldError(key, "登录名不能为空")]
    if not USERNAME.fullmatch(name):
        return name, [FieldError(key, "登录名应为2至32位小写英文字母、数字、下划线或点，以字母开头（如 zhangsan）")]
    if name == DEMO_CLERK:
        return name, [FieldError(key, f"“{DEMO_CLERK}”是演示柜员的保留名称，请换一个登录名")]
    return name, []


def check_password(value: Any, username: str = "", key: str = "password") -> list[FieldError]:
    password = value if isinstance(value, str) else ""
    if len(password) < PASSWORD_MIN:
        return [FieldError(key, f"密码至少需要{PASSWORD_MIN}位")]
    if len(password) > PASSWORD_MAX:
        return [FieldError(key, f"密码不能超过{PASSWORD_MAX}位")]
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in password) or any(0xD800 <= ord(ch) <= 0xDFFF for ch in password):
        return [FieldError(key, "密码中不能有控制字符")]
    if username and password.lower() == username.lower():
        return [FieldError(key, "密码不能与登录名相同")]
    if len(set(password)) < 3:
        return [FieldError(key, "密码过于简单，请混合使用字母、数字和符号")]
    return []


def _display_name(value: Any, username: str, key: str = "display_name") -> tuple[str, list[FieldError]]:
    hidden = format_control_problem(value, "姓名")
    if hidden:
        return normalize_text(value), [FieldError(key, hidden)]
    name = normalize_text(value) or username
    if len(name) > NAME_MAX or any(ord(ch) < 32 for ch in name):
        return name, [FieldError(key, f"姓名不能超过{NAME_MAX}个字")]
    return name, []


def _refuse_unless(counter: Counter, uow: UnitOfWork, action: str, message: str) -> FieldError | None:
    """Clerk management is the supervisor's (once there are accounts at all)."""
    if not uow.clerks.any():
        return None
    actor = uow.clerks.get(counter.clerk)
    role = actor.role if actor is not None and actor.active else None
    return None if may_do(role, action) else FieldError("clerk", message)


# --- changing accounts -----------------------------------------------------------------------------

def add_clerk(counter: Counter, username: Any, password: Any, role: Any = CLERK,
              display_name: Any = None) -> Checked[Clerk]:
    """A new local account; the first account of a station must be a supervisor."""
    name, problems = check_username(username)
    problems += check_password(password, name)
    shown, found = _display_name(display_name, name)
    problems += found
    if not is_role(role):
        problems.append(FieldError("role", "角色只能是柜员（clerk）或站长（supervisor）"))
    if problems:
        return Checked(value=None, errors=tuple(problems))
    password_hash = HASHER.hash(password)  # before the write lock: hashing takes a while
    with counter.store.unit_of_work(write=True) as uow:
        refused = _refuse_unless(counter, uow, "clerk_add", "只有站长（主管）可以添加柜员")
        if refused:
            return Checked.fail(refused.field, refused.message)
        if not uow.clerks.any() and role != SUPERVISOR:
            return Checked.fail("role", "本站第一个柜员账号须为站长（supervisor），以后由站长添加其他柜员")
        if uow.clerks.get(name) is not None:
            return Checked.fail("username", f"登录名“{name}”已被使用")
        first = not uow.clerks.any()
        record = uow.clerks.add(ClerkRecord(username=name, display_name=shown, role=str(role),
                                            password_hash=password_hash, created_at=counter.now()))
        audit.record(counter, "clerk_add", name, {"role": role, "first": first}, uow=uow)
        uow.commit()
    return Checked(value=_clerk(record))


def create_supervisor(counter: Counter, values: Mapping[str, Any]) -> list[FieldError]:
    """The first-run wizard's station supervisor (keys ``supervisor_login|name|password``)."""
    result = add_clerk(counter, values.get("supervisor_login"), values.get("supervisor_password"), SUPERVISOR,
                       values.get("supervisor_name"))
    # The clerk service's field keys → the wizard's own (role and clerk problems go on the login).
    keys = dict((("username", "supervisor_login"), ("password", "supervisor_password"),
                 ("display_name", "supervisor_name"), ("role", "supervisor_login"), ("clerk", "supervisor_login")))
    return [FieldError(keys.get(e.field, e.field), e.message, e.severity) for e in result.errors]


def set_active(counter: Counter, username: Any, active: bool) -> Checked[Clerk]:
    """Disable (or enable again) an account; the last active supervisor cannot be disabled."""
    name = normalize_username(username)
    with counter.store.unit_of_work(write=True) as uow:
        refused = _refuse_unless(counter, uow, "clerk_disable", "只有站长（主管）可以停用或启用柜员")
        if refused:
            return Checked.fail(refused.field, refused.message)
        record = uow.clerks.get(name)
        if record is None:
            return Checked.fail("username", f"没有登录名为“{name}”的柜员")
        if not active and name == counter.clerk:
            return Checked.fail("username", "不能停用当前登录的本人账号")
        if not active and record.role == SUPERVISOR and record.active and uow.clerks.count(active_role=SUPERVISOR) <= 1:
            return Checked.fail("username", "这是本站唯一在用的站长账号，不能停用")
        uow.clerks.update(name, active=active)
        audit.record(counter, "clerk_enable" if active else "clerk_disable", name, uow=uow)
        changed = uow.clerks.get(name)
        uow.commit()
    assert changed is not None
    return Checked(value=_clerk(changed))


def disable_clerk(counter: Counter, username: Any) -> Checked[Clerk]:
    return set_active(counter, username, False)


def change_password(counter: Counter, username: Any, new_password: Any) -> Checked[Clerk]:
    """The clerk's own password, or any clerk's by a supervisor (which also lifts a lockout)."""
    name = normalize_username(username)
    problems = check_password(new_password, name)
    if problems:
        return Checked(value=None, errors=tuple(problems))
    password_hash = HASHER.hash(new_password)
    with counter.store.unit_of_work(write=True) as uow:
        if name != counter.clerk:
            refused = _refuse_unless(counter, uow, "clerk_passwd_other", "只能修改本人的密码；其他柜员的密码由站长重设")
            if refused:
                return Checked.fail(refused.field, refused.message)
        if uow.clerks.get(name) is None:
            return Checked.fail("username", f"没有登录名为“{name}”的柜员")
        # Only the clerk's own new password ends a one-time code (a supervisor's reset leaves the flag).
        own = name == counter.clerk
        changes: dict[str, Any] = {"password_hash": password_hash, "failed_attempts": 0, "locked_until": None}
        if own:
            changes["must_change_password"] = False
        uow.clerks.update(name, **changes)
        audit.record(counter, "clerk_passwd", name, {"own": own}, uow=uow)
        changed = uow.clerks.get(name)
        uow.commit()
    assert changed is not None
    return Checked(value=_clerk(changed))


def import_centre_clerks(counter: Counter, rows: Iterable[Mapping[str, Any]]) -> int:
    """The centre's clerk list, pulled by sync: argon2id hashes only; local lockouts are kept."""
    records = []
    for row in rows:
        name, problems = check_username(row.get("username"))
        hashed = str(row.get("password_hash") or "")
        if problems or not is_role(row.get("role")) or not hashed.startswith("$argon2id$"):
            continue  # a malformed row is skipped, never half-imported
        shown, _ = _display_name(row.get("display_name"), name)
        records.append(ClerkRecord(username=name, display_name=shown, role=str(row["role"]), password_hash=hashed,
                                   active=bool(row.get("active", True)), source="centre", created_at=counter.now()))
    with counter.store.unit_of_work(write=True) as uow:
        count = uow.clerks.upsert(records)
        audit.record(counter, "clerk_sync", "centre", {"count": count}, uow=uow)
        uow.commit()
    return count


# --- logging in ------------------------------------------------------------------------------------

def authenticate(counter: Counter, username: Any, password: Any, *, purpose: str = "login",
                 new_password: Any = None) -> Clerk | FieldError:
    """Check a password with the lockout rule; every outcome is audited (never the password).

    ``purpose`` is "login", "unlock", "approve" or "override" (an approval or an override records its
    own row on success). A login or unlock is also refused past the offline lock; an account whose
    password is a one-time code logs in only with ``new_password`` (field ``new_password`` asks for it).
    """
    name = normalize_username(username)
    typed = password if isinstance(password, str) else ""
    new_hash = None
    if new_password is not None:
        problems = check_password(new_password, name, key="new_password")
        if not problems and new_password == typed:
            problems = [FieldError("new_password", "新密码不能与一次性密码相同")]
        if problems:
            return problems[0]
        new_hash = HASHER.hash(new_password)  # before the write lock: hashing takes a while
    with counter.store.unit_of_work(write=True) as uow:
        record = uow.clerks.get(name)
        if record is None:
            _verify(_dummy_hash(), typed)  # same time as a real check: no guessing which names exist
            # The typed name is not stored: a password typed into the name box must not land in the log.
            audit.record(counter, "login_failed", "", {"purpose": purpose, "reason": "unknown_user"}, uow=uow)
            uow.commit()
            return FieldError("password", WRONG)
        now = counter.now()
        if record.locked_until is not None and record.locked_until > now:
            audit.record(counter, "login_failed", name, {"purpose": purpose, "reason": "locked"}, uow=uow, clerk=name)
            uow.commit()
            return FieldError("username", _locked_message(counter, record.locked_until))
        if not _verify(record.password_hash, typed):
            return _failed(counter, uow, record, purpose, now)
        if not record.active:
            audit.record(counter, "login_failed", name, {"purpose": purpose, "reason": "disabled"}, uow=uow, clerk=name)
            uow.commit()
            return FieldError("username", "该柜员账号已停用，请联系站长")
        locked = _offline_problem(counter, uow, record, now) if purpose in ("login", "unlock") else None
        if locked is not None:
            audit.record(counter, "login_failed", name, {"purpose": purpose, "reason": "offline_lock"}, uow=uow,
                         clerk=name)
            uow.commit()
            return locked
        changes: dict[str, Any] = {"failed_attempts": 0, "locked_until": None}
        if record.must_change_password:
            if purpose != "login" or new_hash is None:
                uow.clerks.update(name, **changes)
                audit.record(counter, "login_failed", name, {"purpose": purpose, "reason": "one_time_code"}, uow=uow,
                             clerk=name)
                uow.commit()
                return FieldError("new_password", FIRST_LOGIN if purpose == "login" else
                                  "该账号的密码是中心下发的一次性密码，须先登录并设置本人密码")
            changes.update(password_hash=new_hash, must_change_password=False)
            audit.record(counter, "clerk_passwd", name, {"own": True, "first_login": True}, uow=uow, clerk=name)
        elif HASHER.check_needs_rehash(record.password_hash):
            changes["password_hash"] = HASHER.hash(typed)  # parameters raised since: upgrade quietly
        uow.clerks.update(name, **changes)
        if purpose not in ("approve", "override"):
            audit.record(counter, purpose, name, {"role": record.role}, uow=uow, clerk=name)
        uow.commit()
    return _clerk(replace(record, **changes))


FIRST_LOGIN = "这是管理中心下发的一次性密码：首次登录须设置本人的新密码"
OFFLINE_OVERRIDE = "offline_override"


def last_contact(uow: UnitOfWork) -> datetime | None:
    """When this station last synced with the centre (None: never)."""
    value = uow.settings.get("sync_last_at")
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _offline_problem(counter: Counter, uow: UnitOfWork, record: ClerkRecord, now: datetime) -> FieldError | None:
    """The offline lock (domain.offline_lock) as the message the login shows, or None."""
    limit = counter.policy_on().offline_lock_days
    contact = last_contact(uow)
    if not offline_lock.is_locked(last_contact=contact, confirmed_at=record.confirmed_at,
                                  override_until=record.offline_override_until, now=now, limit_days=limit):
        return None
    away = offline_lock.offline_for(contact, now)
    days = away.days if away is not None else 0
    return FieldError("username", f"本站已{days}天未与管理中心同步（超过{limit}天），中心未确认此账号，已锁定："
                                  "请连接中心同步后登录，或请站长解除离线锁定")


def override_offline_lock(counter: Counter, supervisor: Any, password: Any, username: Any, reason: Any
                          ) -> Clerk | FieldError:
    """A supervisor lets ``username`` log in past the offline lock until the end of today; audited.

    The supervisor's password is checked like a login (lockout, disabled), but not against the lock
    itself: somebody must be able to open a station that has been cut off (his own account too)."""
    why = normalize_text(reason)
    if not why:
        return FieldError("reason", "请填写解除离线锁定的原因")
    hidden = format_control_problem(reason, "原因")
    if hidden:
        return FieldError("reason", hidden)
    who = authenticate(counter, supervisor, password, purpose="override")
    if isinstance(who, FieldError):
        return FieldError("approver_password" if who.field == "password" else "approver", who.message)
    name = normalize_username(username)
    now = counter.now()
    until = datetime.combine(counter.local(now).date() + timedelta(days=1), datetime.min.time(),
                             counter.local(now).tzinfo)
    with counter.store.unit_of_work(write=True) as uow:
        if who.role != SUPERVISOR:
            audit.record(counter, "offline_override_refused", name, {"by": who.username}, uow=uow, clerk=who.username)
            uow.commit()
            return FieldError("approver", "只有站长（主管）可以解除离线锁定")
        record = uow.clerks.get(name)
        if record is None or not record.active:
            return FieldError("username", f"没有在用的登录名为“{name}”的柜员")
        away = offline_lock.offline_for(last_contact(uow), now)
        uow.clerks.update(name, offline_override_until=until)
        audit.record(counter, OFFLINE_OVERRIDE, name, {
            "by": who.username, "reason": why, "until": until.isoformat(),
            "offline_days": away.days if away is not None else None}, uow=uow, clerk=who.username)
        changed = uow.clerks.get(name)
        uow.commit()
    assert changed is not None
    return _clerk(changed)


def _failed(counter: Counter, uow: UnitOfWork, record: ClerkRecord, purpose: str, now: datetime) -> FieldError:
    attempts = record.failed_attempts + 1
    locked_until = now + timedelta(minutes=LOCKOUT_MINUTES) if attempts >= MAX_FAILED_ATTEMPTS else None
    uow.clerks.update(record.username, failed_attempts=0 if locked_until else attempts, locked_until=locked_until)
    audit.record(counter, "login_failed", record.username,
                 {"purpose": purpose, "reason": "password", "attempt": attempts, "locked": locked_until is not None},
                 uow=uow, clerk=record.username)
    uow.commit()
    if locked_until is not None:
        return FieldError("username", _locked_message(counter, locked_until))
    left = MAX_FAILED_ATTEMPTS - attempts
    return FieldError("password", WRONG + (f"（再输错{left}次，账号将锁定{LOCKOUT_MINUTES}分钟）" if left <= 2 else ""))


def _locked_message(counter: Counter, until: datetime) -> str:
    return (f"密码连续输错{MAX_FAILED_ATTEMPTS}次，账号已锁定至{counter.local(until):%H:%M}；"
            "请稍后再试，或请站长重设密码")


def _verify(password_hash: str, password: str) -> bool:
    try:  # bytes: a typed lone surrogate is simply a wrong password
        return HASHER.verify(password_hash, password.encode("utf-8", "surrogatepass"))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None or HASHER.check_needs_rehash(_DUMMY_HASH):
        _DUMMY_HASH = HASHER.hash("counter-app: no such clerk")
    return _DUMMY_HASH


def login(counter: Counter, username: Any, password: Any, new_password: Any = None) -> Clerk | FieldError:
    """Authenticate and make the counter work as this clerk. A one-time code from the centre is
    refused on field ``new_password`` until the clerk gives one (it then replaces the code)."""
    result = authenticate(counter, username, password, purpose="login", new_password=new_password)
    if isinstance(result, Clerk):
        counter.clerk = result.username
    return result


def unlock(counter: Counter, username: Any, password: Any) -> Clerk | FieldError:
    """The locked screen: the same clerk, or a supervisor (who then carries on as himself)."""
    name = normalize_username(username)
    if name != counter.clerk:
        other = get_clerk(counter, name)
        if other is not None and other.role != SUPERVISOR:
            return FieldError("username", "只有本人或站长可以解锁")
    result = authenticate(counter, name, password, purpose="unlock")
    if isinstance(result, Clerk):
        counter.clerk = result.username
    return result


def lock(counter: Counter, reason: str = "idle") -> None:
    """The screen was locked (idle or the shortcut)."""
    audit.record(counter, "lock", counter.clerk, {"reason": reason})


def logout(counter: Counter) -> None:
    audit.record(counter, "logout", counter.clerk)
    counter.clerk = DEMO_CLERK
