"""Fuzzing every service entry and the command line with junk (shared by the suite and the benchmark).

A *source* hands out junk: random text (full-width digits, CJK, emoji, lone surrogates, control
characters), numbers, None, lists and dicts, as JSON files and screens deliver them. Each entry
calls one service with it and says what came back; anything but a value of the documented kind, a
field error or a clear refusal (``PrintRefused``, ``CliError``'s exit 2, argparse's exit 2) is a
failure. After each case ``invariants`` checks that nothing was half-written: every application has
its status steps, its outbox row while queued, and its audit row; no outbox row lacks its application.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import re
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.roles import APPROVAL_ACTIONS

CJK = re.compile(r"[\u3400-\u9fff]")
KINDS = list(BUSINESSES)
ALPHABET = ("0123456789Xx-_ .,:/@=?&%+*\"'\\\n\t\x00\x7f" "０１２３４５６７８９ＸＡＢ　·•・"
            "张王李𠮷阿依古丽省市区路号" "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" "\u200b\u202e\ufeff😀\ud800")


class Source(Protocol):
    def integer(self, lo: int, hi: int) -> int: ...
    def pick(self, items: Sequence[Any]) -> Any: ...
    def text(self) -> str: ...
    def junk(self) -> Any: ...


class RandomSource:
    """Junk from ``random.Random`` (the benchmark: fast, reproducible by seed)."""

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)

    def integer(self, lo: int, hi: int) -> int:
        return self.rnd.randint(lo, hi)

    def pick(self, items: Sequence[Any]) -> Any:
        return items[self.rnd.randrange(len(items))]

    def text(self) -> str:
        r = self.rnd
        shape = r.randrange(6)
        if shape == 0:
            return ""
        if shape == 1:  # numbers as typed: digits, maybe full-width, maybe decimals
            return "".join(r.choice("0123456789０１２３４５６７８９.,-") for _ in range(r.randint(1, 22)))
        if shape == 2:
            return "".join(chr(r.randint(0x20, 0x2FFFF)) for _ in range(r.randint(1, 12)))  # lone surrogates too
        return "".join(r.choice(ALPHABET) for _ in range(r.randint(1, 40)))

    def junk(self, depth: int = 0) -> Any:
        r = self.rnd
        kind = r.randrange(10 if depth < 2 else 7)
        if kind < 3:
            return self.text()
        if kind == 3:
            return r.choice([None, True, False, 0, -1, 10**30, 1.5, float("nan"), float("inf"), -0.0])
        if kind == 4:
            return r.randint(-10**6, 10**12)
        if kind == 5:
            return r.uniform(-1e6, 1e9)
        if kind == 6:
            return f"{r.randint(0, 10**7)}.{r.randint(0, 999):03d}"
        if kind in (7, 8):
            return [self.junk(depth + 1) for _ in range(r.randint(0, 4))]
        return {self.text(): self.junk(depth + 1) for _ in range(r.randint(0, 3))}


class HypothesisSource:
    """The same junk drawn through hypothesis (the suite: shrinking, reproducible failures)."""

    def __init__(self, data: Any) -> None:
        from hypothesis import strategies as st

        self.data, self.st = data, st
        text = st.text(st.sampled_from(list(ALPHABET)) | st.characters(), max_size=30)
        scalar = st.one_of(text, st.none(), st.booleans(), st.integers(), st.floats(), st.decimals().map(str))
        self._text = text
        self._junk = st.recursive(scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=3),
                                  max_leaves=8)

    def integer(self, lo: int, hi: int) -> int:
        return self.data.draw(self.st.integers(lo, hi))

    def pick(self, items: Sequence[Any]) -> Any:
        return self.data.draw(self.st.sampled_from(list(items)))

    def text(self) -> str:
        return self.data.draw(self._text)

    def junk(self) -> Any:
        return self.data.draw(self._junk)


class FuzzFailure(AssertionError):
    """A crash, a wrong kind of answer, or a half-written record."""


@dataclass
class Context:
    counter: Any
    out_dir: Path
    receipts: list[str] = field(default_factory=list)


# --- what a good answer looks like ---------------------------------------------------------------

def _field_errors(errors: Sequence[Any], where: str) -> str:
    if not errors:
        raise FuzzFailure(f"{where}: refused without saying why")
    for error in errors:
        if not isinstance(error, FieldError) or not isinstance(error.field, str) or not CJK.search(error.message or ""):
            raise FuzzFailure(f"{where}: not a Chinese field error: {error!r}")
    return "field_error"


def _checked(result: Any, where: str) -> str:
    if not isinstance(result, Checked):
        raise FuzzFailure(f"{where}: returned {type(result).__name__}")
    return "ok" if result.ok else _field_errors(result.errors, where)


def _either(result: Any, kind: type, where: str) -> str:
    if isinstance(result, FieldError):
        return _field_errors([result], where)
    if not isinstance(result, kind):
        raise FuzzFailure(f"{where}: returned {type(result).__name__}")
    return "ok"


# --- the entries -----------------------------------------------------------------------------------

def _form(ctx: Context, src: Source, kind: str) -> dict[str, Any]:
    """A good form with a few fields spoiled, or a form of pure junk."""
    from service_world import good_form

    spec = BUSINESSES[kind]
    if src.integer(0, 2):
        form: dict[str, Any] = good_form(ctx.counter, kind)
        for _ in range(src.integer(0, 3)):
            key = src.pick([f.key for f in spec.fields] + ["materials", "unknown_key", src.text()])
            form[key] = src.junk()
        return form
    return {src.pick([f.key for f in spec.fields] + [src.text()]): src.junk() for _ in range(src.integer(0, 8))}


def submit(ctx: Context, src: Source) -> str:
    from counter_app.services import SubmitResult, submit_application

    kind = src.pick(KINDS)
    result = submit_application(ctx.counter, kind, _form(ctx, src, kind),
                                approval=src.pick([None, None, None, "yes", src.junk()]))
    if not isinstance(result, SubmitResult) or result.ok == bool(result.errors):
        raise FuzzFailure(f"submit {kind}: inconsistent result {result!r}")
    if result.ok:
        ctx.receipts.append(result.receipt_number)
        return "ok"
    return _field_errors(result.errors, f"submit {kind}")


def check_field(ctx: Context, src: Source) -> str:
    from counter_app.services import check_field as check

    kind = src.pick(KINDS)
    key = src.pick([f.key for f in BUSINESSES[kind].fields])
    return _checked(check(ctx.counter, kind, key, src.junk(), _form(ctx, src, kind)), f"check_field {kind}.{key}")


def check_form(ctx: Context, src: Source) -> str:
    from counter_app.services import check_form as check

    kind = src.pick(KINDS)
    result = check(ctx.counter, kind, _form(ctx, src, kind))
    return "ok" if result.ok else _field_errors(result.errors, f"check_form {kind}")


def materials(ctx: Context, src: Source) -> str:
    from counter_app.services import required_materials

    kind = src.pick(KINDS)
    required_materials(ctx.counter, kind, _form(ctx, src, kind))
    return "ok"


def loan_preview(ctx: Context, src: Source) -> str:
    from counter_app.services import loan_preview as preview

    result = preview(ctx.counter, _form(ctx, src, "loan"))
    return "ok" if not result.errors else _field_errors(result.errors, "loan_preview")


def lookups(ctx: Context, src: Source) -> str:
    from counter_app.services import employer_card, lookup, person_card, prefill_person, search

    text = src.text()
    person_card(ctx.counter, text)
    employer_card(ctx.counter, text)
    prefill_person(ctx.counter, text)
    search(ctx.counter, text)
    lookup.reveal(ctx.counter, text, src.pick(list(lookup.REVEALABLE)))
    return "ok"


def drafts(ctx: Context, src: Source) -> str:
    from counter_app.services import load_draft, save_draft

    kind = src.pick(KINDS)
    save_draft(ctx.counter, kind, _form(ctx, src, kind))
    load_draft(ctx.counter, kind)
    return "ok"


def records(ctx: Context, src: Source) -> str:
    from counter_app.services import get_record, list_records, station_status

    list_records(ctx.counter, status=src.pick([None, "queued", src.text()]), kind=src.pick([None, *KINDS]))
    get_record(ctx.counter, src.pick([src.text(), *ctx.receipts[-3:]]))
    station_status(ctx.counter)
    return "ok"


def cancel(ctx: Context, src: Source) -> str:
    from counter_app.services import cancel_application

    number = src.pick([src.text(), *ctx.receipts[-5:]])
    return _checked(cancel_application(ctx.counter, number, src.pick([src.text(), "录入错误"]), src.junk()), "cancel")


def prints(ctx: Context, src: Source) -> str:
    from counter_app.services import printing

    number = src.pick([src.text(), *ctx.receipts[-3:]])
    out = ctx.out_dir / "p.pdf"
    try:
        which = src.integer(0, 3)
        if which == 0:
            printing.print_receipt(ctx.counter, number, out, reprint_reason=src.pick([None, src.text()]), approval=src.junk())
        elif which == 1:
            printing.print_form(ctx.counter, number, out)
        elif which == 2:
            kind = src.pick(KINDS)
            printing.print_one_time_notice(ctx.counter, kind, _form(ctx, src, kind), out)
        else:
            printing.print_establishment_notice(ctx.counter, src.text(), out)
    except printing.PrintRefused as refused:
        if not refused.field or not CJK.search(refused.message):
            raise FuzzFailure(f"print refused without a Chinese reason: {refused!r}") from None
        return "refused"
    return "ok"


def settings(ctx: Context, src: Source) -> str:
    from counter_app.services.settings import SETTING_KEYS, save_settings

    changes = {src.pick([*SETTING_KEYS, src.text()]): src.junk() for _ in range(src.integer(0, 4))}
    problems = save_settings(ctx.counter, changes, approval=src.pick([None, src.junk()]))
    errors = [p for p in problems if p.severity == "error"]
    return "ok" if not errors else _field_errors(errors, "save_settings")


def clerk_accounts(ctx: Context, src: Source) -> str:
    from counter_app.services import clerks

    which = src.integer(0, 4)
    if which == 0:
        return _checked(clerks.add_clerk(ctx.counter, src.junk(), src.junk(), src.junk(), src.junk()), "add_clerk")
    if which == 1:
        return _either(clerks.authenticate(ctx.counter, src.junk(), src.junk()), clerks.Clerk, "authenticate")
    if which == 2:
        return _checked(clerks.change_password(ctx.counter, src.junk(), src.junk()), "change_password")
    if which == 3:
        return _checked(clerks.set_active(ctx.counter, src.junk(), bool(src.integer(0, 1))), "set_active")
    rows = [{src.pick(["username", "display_name", "role", "password_hash", "active", src.text()]): src.junk()
             for _ in range(src.integer(0, 5))} for _ in range(src.integer(0, 3))]
    clerks.import_centre_clerks(ctx.counter, rows)
    return "ok"


def approvals(ctx: Context, src: Source) -> str:
    from counter_app.services import approvals as approval_service

    action = src.pick([*APPROVAL_ACTIONS, src.text()])
    result = approval_service.approve(ctx.counter, src.junk(), src.junk(), action, src.text())
    return _either(result, approval_service.Approval, "approve")


def audit_rows(ctx: Context, src: Source) -> str:
    from counter_app.services import audit

    detail = src.junk()  # actions are the services' own words: junk ones carry a prefix, never "submit"
    audit.record(ctx.counter, "x-" + src.text(), src.text(), detail if isinstance(detail, dict) else {"value": detail})
    return "ok"


ENTRIES: dict[str, Callable[[Context, Source], str]] = {
    "submit": submit, "check_field": check_field, "check_form": check_form, "materials": materials,
    "loan_preview": loan_preview, "lookups": lookups, "drafts": drafts, "records": records, "cancel": cancel,
    "prints": prints, "settings": settings, "clerks": clerk_accounts, "approvals": approvals, "audit": audit_rows,
}
# Printing renders a PDF per accepted case: kept rarer so a run spends its time on the checks.
WEIGHTS = {name: (1 if name == "prints" else 6 if name == "submit" else 3) for name in ENTRIES}


def run_case(ctx: Context, src: Source, name: str | None = None) -> tuple[str, str]:
    """One case: (entry, outcome). Unexpected exceptions become ``FuzzFailure`` with the entry's name."""
    entry = name or src.pick([n for n, w in WEIGHTS.items() for _ in range(w)])
    try:
        outcome = ENTRIES[entry](ctx, src)
    except FuzzFailure:
        raise
    except Exception as exc:
        raise FuzzFailure(f"{entry}: {type(exc).__name__}: {exc}") from exc
    return entry, outcome


def invariants(db_path: Path) -> list[str]:
    """What a half-written record would break (read with plain sqlite3)."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        q = lambda sql: db.execute(sql).fetchall()  # noqa: E731
        problems = []
        if q("SELECT client_id FROM applications WHERE status IN ('submitted', 'queued') AND client_id NOT IN "
             "(SELECT client_id FROM outbox WHERE topic = 'application')"):
            problems.append("a queued application without its outbox row")
        if q("SELECT client_id FROM outbox WHERE topic = 'application' AND client_id NOT IN "
             "(SELECT client_id FROM applications)"):
            problems.append("an outbox row without its application")
        if q("SELECT client_id FROM outbox WHERE topic = 'application' AND client_id IN "
             "(SELECT client_id FROM applications WHERE status = 'cancelled')"):
            problems.append("a cancelled application still queued")
        if q("SELECT a.id FROM applications a WHERE (SELECT count(*) FROM application_status_history h "
             "WHERE h.application_id = a.id) < 2"):
            problems.append("an application without its status steps")
        submitted = q("SELECT count(*) FROM audit_log WHERE action = 'submit'")[0][0]
        if submitted != q("SELECT count(*) FROM applications")[0][0]:
            problems.append("applications and their audit rows differ in number")
        return problems
    finally:
        db.close()


# --- the command line ------------------------------------------------------------------------------

def _parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    found = {path: parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found.update(_parsers(child, (*path, name)))
    return found


def _vocabulary(parser: argparse.ArgumentParser) -> list[str]:
    words: list[str] = []
    for action in parser._actions:
        words += [s for s in action.option_strings if s not in NEVER]
        if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
            words += [str(c) for c in action.choices]
    return words


# Tokens left out: --replace would reseed the store with a generated city (minutes per case).
NEVER = frozenset({"--replace", "--workers", "--employers"})
COMMON = ["-", "0", "1", "5", "-1", "2026-11-23", "x.pdf", "out/y.pdf", "online-guide", "110105194912310021",
          "91350100M000100Y43", "CG01-01-20261123-0001", "--json"]


def _as_argv(token: str) -> str:
    """A token as Python receives it from the OS: bytes decoded with surrogateescape (so a lone
    surrogate arrives as its escaped bytes), never a NUL byte (an argument cannot hold one)."""
    raw = token.replace("\x00", "").encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "surrogateescape")


class CliCase:
    """``counter_app.cli.main`` on junk arguments and stdin, output to strict UTF-8 streams."""

    def __init__(self, data_dir: Path, work_dir: Path) -> None:
        from counter_app.cli import build_parser

        self.data_dir, self.work_dir = data_dir, work_dir
        paths = {path: p for path, p in _parsers(build_parser()).items() if path}
        self.parsers = paths
        self.commands = {path: _vocabulary(p) for path, p in paths.items()}

    def argv(self, src: Source) -> list[str]:
        """Half the time a well-formed command with junk values, else a jumble of its words."""
        path = src.pick(sorted(self.commands))
        words = self.commands[path] + COMMON
        if src.integer(0, 1):
            tokens = self._well_formed(self.parsers[path], src, words)
        else:
            tokens = [src.pick([src.pick(words), src.pick(words), src.text()]) for _ in range(src.integer(0, 6))]
        return ["--data-dir", str(self.data_dir), *path, *map(_as_argv, tokens)]

    @staticmethod
    def _well_formed(parser: argparse.ArgumentParser, src: Source, words: list[str]) -> list[str]:
        def value(action: argparse.Action) -> str:
            if action.choices is not None:
                return str(src.pick(list(action.choices)))
            return src.pick([src.pick(COMMON), src.text(), str(src.integer(-3, 400))])

        tokens: list[str] = []
        for action in parser._actions:
            if isinstance(action, (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)):
                continue
            if not action.option_strings:
                tokens.append(value(action))
            elif action.required or src.integer(0, 2) == 0:
                option = action.option_strings[-1]
                if option in NEVER:
                    continue
                tokens += [option] if action.nargs == 0 else [option, value(action)]
        return tokens

    def run(self, src: Source) -> tuple[list[str], str]:
        from counter_app.cli import main

        argv = self.argv(src)
        stdin = io.StringIO(src.text() + "\n" + src.text())
        out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict") for _ in range(2))
        previous = os.getcwd()
        os.chdir(self.work_dir)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                saved, sys.stdin = sys.stdin, stdin
                try:
                    code = main(argv)
                except SystemExit as exit_:
                    code = exit_.code if isinstance(exit_.code, int) else 2
                    if code not in (0, 2):
                        raise FuzzFailure(f"cli {argv}: exit {exit_.code!r}") from None
                    return argv, f"exit{code}"
                finally:
                    sys.stdin = saved
                out.flush()
                err.flush()
        except FuzzFailure:
            raise
        except Exception as exc:
            raise FuzzFailure(f"cli {argv}: {type(exc).__name__}: {exc}") from exc
        finally:
            os.chdir(previous)
        if code not in (0, 1, 2):
            raise FuzzFailure(f"cli {argv}: exit {code}")
        return argv, f"exit{code}"
