"""Identifier checks (身份证号码, 统一社会信用代码, bank card, mobile, phone, postcode, name) and generators.

Every ``check_*`` normalises first (full-width input, stray spaces, lower-case x) and returns a
``Checked`` whose ``value`` is the normalised input, valid or not, with plain-Chinese messages.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from stdnum import luhn

from counter_app.domain import areas
from counter_app.domain.errors import Checked, FieldError
from counter_app.domain.normalize import normalize_code, normalize_name, normalize_text

# --- resident ID (GB 11643-1999) -------------------------------------------------------------------

_RIC_CHECK = "10X98765432"  # indexed by Σ digit×weight mod 11
_EARLIEST_BIRTH = date(1900, 1, 1)


def _ric_check_of(body17: str) -> str:
    # The weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 are 2^(18−i) mod 11, and 13 ≡ 2 (mod 11), so
    # 2 × int(body, 13) ≡ Σ digit×weight (mod 11): the sum is done in C, which keeps checks fast.
    return _RIC_CHECK[2 * int(body17, 13) % 11]


def resident_id_check_char(body17: str) -> str:
    """The 18th character of a resident ID whose first 17 digits are ``body17``."""
    if len(body17) != 17 or not body17.isascii() or not body17.isdigit():
        raise ValueError(f"body17 must be 17 ASCII digits, got {body17!r}")
    return _ric_check_of(body17)


def make_resident_id(area: str, birth: date, seq: int) -> str:
    """A well-formed ID number for demo data and tests (``seq`` 0–999; odd = male)."""
    if not 0 <= seq <= 999:
        raise ValueError(f"seq must be 0–999, got {seq}")
    if len(area) != 6 or not area.isascii() or not area.isdigit():
        raise ValueError(f"area must be 6 ASCII digits, got {area!r}")
    body = f"{area}{birth.isoformat().replace('-', '')}{seq:03d}"  # 5× faster than strftime, in bulk
    return body + resident_id_check_char(body)


def _show(char: str) -> str:
    """A character as a clerk can read it in a message (invisible ones by code point)."""
    return char if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


def _normalize_id(value: object) -> str:
    """``normalize_code``, skipped for plain ASCII letters and digits where it would only upper-case."""
    if type(value) is str and value.isascii() and value.isalnum():
        return value.upper()
    return normalize_code(value)


def _ric_shape_problem(code: str) -> str | None:
    """Why ``code`` is not 17 digits + a digit or X, if it is not."""
    if not code:
        return "身份证号码不能为空"
    if len(code) == 15 and code.isascii() and code.isdigit():
        return "身份证号码为15位旧证号，请换用18位身份证号码"
    if len(code) != 18:
        return f"身份证号码长度应为18位，现为{len(code)}位"
    body = code[:17]
    if not (body.isascii() and body.isdigit()):  # ASCII: str.isdigit() accepts other scripts' digits
        pos, char = next((pos, c) for pos, c in enumerate(body, start=1) if not "0" <= c <= "9")
        return f"身份证号码第{pos}位“{_show(char)}”无效，前17位只能是数字"
    if code[17] not in _RIC_CHECK:
        return f"身份证号码第18位“{_show(code[17])}”无效，只能是数字或X"
    return None


@lru_cache(maxsize=1 << 16)  # birth dates repeat across a population; parsing them is the costly part
def _real_date(digits: str) -> date | None:
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


_day_seen = [date.min]  # the latest date.today() seen: a day up to it can never be in the future


def _not_after_today(day: date, today: date | None) -> bool:
    """``day <= (today or date.today())``, asking the clock (a third of a check's time) only for recent days."""
    if today is not None:
        return day <= today
    if day > _day_seen[0]:
        _day_seen[0] = date.today()
    return day <= _day_seen[0]


def _birth_problem(digits: str, today: date | None) -> tuple[date | None, str | None]:
    birth = _real_date(digits)
    if birth is None:
        return None, f"身份证号码出生日期无效（{digits}不是真实日期）"
    if not _not_after_today(birth, today):
        return None, "身份证号码出生日期晚于今天"
    if birth < _EARLIEST_BIRTH:
        return None, "身份证号码出生日期早于1900年"
    return birth, None


def check_resident_id(value: object, *, today: date | None = None, field: str = "id_number") -> Checked[str]:
    """GB 11643-1999 resident ID; facts ``birth_date``, ``sex`` ("1"/"2") and ``birth_place`` if known."""
    code = _normalize_id(value)
    if len(code) == 18 and code.isascii() and code[:17].isdigit():
        # Fast path for the common case, a valid ID from a known area: no messages to build.
        # (A bad 18th character cannot equal the computed check character.)
        birth = _real_date(code[6:14])
        if (
            birth is not None
            and birth >= _EARLIEST_BIRTH
            and _not_after_today(birth, today)
            and code[17] == _ric_check_of(code[:17])
        ):
            place = areas.area_name(code[:6], birth.year)
            if place is not None:
                return Checked(code, (), (), {"birth_date": birth, "sex": _sex(code), "birth_place": place})
    return _diagnose_resident_id(code, today, field)


def _sex(code: str) -> str:
    return "1" if code[16] in "13579" else "2"  # odd sequence digit = male


def _diagnose_resident_id(code: str, today: date | None, field: str) -> Checked[str]:
    """Every problem of ``code`` with its own message (and the facts when it is valid after all)."""
    shape_problem = _ric_shape_problem(code)
    if shape_problem:
        return Checked.fail(field, shape_problem, code)
    errors: list[str] = []
    warnings: list[str] = []
    birth, problem = _birth_problem(code[6:14], today)
    if problem:
        errors.append(problem)
    area = code[:6]
    if area[:2] not in areas.PROVINCE_CODES:
        errors.append(f"身份证号码地区码无效（{area}：省级代码{area[:2]}不存在）")
    elif not areas.is_known_area(area):  # the table ages; a real province is enough to go on
        warnings.append(f"身份证号码地区码{area}不在行政区划表中，请核对")
    expected = _ric_check_of(code[:17])
    if code[17] != expected:
        errors.append(f"身份证号码校验位不正确，应为{expected}")
    if errors or birth is None:
        return _result(code, field, errors, warnings)
    # Valid yet not taken by the fast path: the area is unknown, so there is no place to name.
    return _result(code, field, errors, warnings, {"birth_date": birth, "sex": _sex(code)})


def _result(
    value: str, field: str, errors: Sequence[str], warnings: Sequence[str] = (), facts: dict[str, Any] | None = None
) -> Checked[str]:
    return Checked(
        value=value,
        errors=tuple(FieldError(field, m) for m in errors),
        warnings=tuple(FieldError(field, m, "warning") for m in warnings),
        facts=facts or {},
    )


# --- unified social credit code (GB 32100-2015) ----------------------------------------------------

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I O S V Z
_USCC_VALUE = {char: n for n, char in enumerate(USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_AREA = range(2, 8)  # positions 3–8: the registering office's division code, digits only


def uscc_check_char(body17: str) -> str:
    """The 18th character of a USCC whose first 17 characters are ``body17``."""
    if len(body17) != 17 or any(c not in _USCC_VALUE for c in body17):
        raise ValueError(f"body17 must be 17 characters of {USCC_ALPHABET}, got {body17!r}")
    total = sum(_USCC_VALUE[c] * w for c, w in zip(body17, _USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def make_uscc(body17: str) -> str:
    """``body17`` completed with its check character."""
    return body17 + uscc_check_char(body17)


def _uscc_char_problem(code: str) -> str | None:
    for index, char in enumerate(code):
        if char not in _USCC_VALUE:
            return f"统一社会信用代码第{index + 1}位“{_show(char)}”无效，只能是数字或除I、O、S、V、Z以外的大写字母"
        if index in _USCC_AREA and not char.isdigit():
            return f"统一社会信用代码第{index + 1}位“{char}”无效，第3至8位是行政区划码，只能是数字"
    return None


def check_uscc(value: object, *, field: str = "uscc") -> Checked[str]:
    """GB 32100-2015 unified social credit code (统一社会信用代码)."""
    code = normalize_code(value)
    if not code:
        return Checked.fail(field, "统一社会信用代码不能为空", code)
    if len(code) != 18:
        return Checked.fail(field, f"统一社会信用代码长度应为18位，现为{len(code)}位", code)
    problem = _uscc_char_problem(code)
    if problem:
        return Checked.fail(field, problem, code)
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return Checked.fail(field, f"统一社会信用代码校验位不正确，应为{expected}", code)
    return Checked(value=code)


# --- bank card, mobile, postcode, landline --------------------------------------------------------


def _digits_problem(code: str, label: str) -> str | None:
    """Empty or non-digit input, said with the field's Chinese label."""
    if not code:
        return f"{label}不能为空"
    for pos, char in enumerate(code, start=1):
        if not ("0" <= char <= "9"):
            return f"{label}只能包含数字，第{pos}位“{_show(char)}”无效"
    return None


def check_bank_card(value: object, *, field: str = "bank_card") -> Checked[str]:
    """15–19 digits; a failed Luhn check only warns (passbook account numbers fail it legitimately)."""
    code = normalize_code(value)
    problem = _digits_problem(code, "银行卡号")
    if problem is None and not 15 <= len(code) <= 19:
        problem = f"银行卡号长度应为15至19位，现为{len(code)}位"
    if problem:
        return Checked.fail(field, problem, code)
    if not luhn.is_valid(code):
        return _result(code, field, [], ["银行卡号未通过校验，请核对（存折账号可能如此，可继续办理）"])
    return Checked(value=code)


def check_mobile(value: object, *, field: str = "mobile") -> Checked[str]:
    """Mainland mobile number ``1[3-9]`` + 9 digits; a +86 / 0086 prefix is dropped."""
    code = normalize_code(value)
    for prefix in ("+86", "0086"):
        if code.startswith(prefix):
            code = code[len(prefix):]
            break
    problem = _digits_problem(code, "手机号码")
    if problem is None and len(code) != 11:
        problem = f"手机号码应为11位，现为{len(code)}位"
    if problem is None and not ("3" <= code[1] <= "9" and code[0] == "1"):
        problem = "手机号码号段无效，应以13至19开头"
    return Checked.fail(field, problem, code) if problem else Checked(value=code)


def check_postcode(value: object, *, field: str = "postcode") -> Checked[str]:
    """Six-digit postal code (邮政编码)."""
    code = normalize_code(value)
    problem = _digits_problem(code, "邮政编码")
    if problem is None and len(code) != 6:
        problem = f"邮政编码应为6位数字，现为{len(code)}位"
    return Checked.fail(field, problem, code) if problem else Checked(value=code)


_PHONE_MARKS = frozenset(" -+()转")  # 转 introduces an extension: 0571-87654321转801


def check_phone(value: object, *, field: str = "phone") -> Checked[str]:
    """Landline, leniently: digits with spaces, hyphens, +, brackets or 转; 7–20 digits; no letters."""
    text = normalize_text(value)
    if not text:
        return Checked.fail(field, "电话号码不能为空", text)
    for pos, char in enumerate(text, start=1):
        if char.isascii() and char.isalpha():
            return Checked.fail(field, f"电话号码不能包含字母（第{pos}位“{char}”）", text)
        if not ("0" <= char <= "9") and char not in _PHONE_MARKS:
            return Checked.fail(
                field, f"电话号码第{pos}位“{_show(char)}”无效，只能包含数字、空格、-、+、括号或“转”", text
            )
    digits = sum(char.isdigit() for char in text)
    if not 7 <= digits <= 20:
        return Checked.fail(field, f"电话号码应有7至20位数字，现有{digits}位", text)
    return Checked(value=text)


# --- personal name ---------------------------------------------------------------------------------

_MIDDLE_DOT = "\u00b7"
_NAME_MAX = 40
# CJK unified ideographs: Ext A, the BMP block, compatibility, Ext B–H (𠮷 U+20BB7 is in Ext B); 〇.
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF), (0x3007, 0x3007))


def _is_cjk(char: str) -> bool:
    point = ord(char)
    return any(low <= point <= high for low, high in _CJK_RANGES)


# Message per Unicode major category of a refused character; anything else is another script.
_NAME_PROBLEMS = {
    "N": "姓名不能包含数字（“{}”）",
    "C": "姓名不能包含控制字符（{}）",
    "P": "姓名不能包含标点或符号“{}”，少数民族姓名请用间隔号“·”",
}
_NAME_OTHER = "姓名只能使用汉字、拉丁字母、空格和间隔号“·”，“{}”不可用"


def _name_char_problem(char: str) -> tuple[str, str] | None:
    """(kind, message) when ``char`` may not appear in a name."""
    if char == " " or char == _MIDDLE_DOT or _is_cjk(char):
        return None
    kind = unicodedata.category(char)[0].replace("S", "P")  # symbols are told like punctuation
    if kind == "L" and "LATIN" in unicodedata.name(char, ""):
        return None
    return kind, _NAME_PROBLEMS.get(kind, _NAME_OTHER).format(_show(char))


_LATIN_JOINERS = "'-"


def _latin_at(name: str, i: int) -> bool:
    return 0 <= i < len(name) and name[i].isalpha() and "LATIN" in unicodedata.name(name[i], "")


def check_name(value: object, *, field: str = "name") -> Checked[str]:
    """Personal name: 1–40 characters of CJK (rare ones too), Latin letters, spaces and the middle dot."""
    name = normalize_name(value)
    if not name:
        return Checked.fail(field, "姓名不能为空", name)
    if len(name) > _NAME_MAX:
        return Checked.fail(field, f"姓名不能超过{_NAME_MAX}个字，现为{len(name)}个", name)
    by_kind: dict[str, str] = {}  # one message per kind of problem, naming its first character
    for i, char in enumerate(name):
        if char in _LATIN_JOINERS and _latin_at(name, i - 1) and _latin_at(name, i + 1):
            continue  # passport names: O'Brien, Jean-Luc
        problem = _name_char_problem(char)
        if problem:
            by_kind.setdefault(*problem)
    errors = list(by_kind.values())
    if name[0] == _MIDDLE_DOT or name[-1] == _MIDDLE_DOT:
        errors.append("姓名中的间隔号“·”不能在开头或结尾")
    if _MIDDLE_DOT * 2 in name:
        errors.append("姓名中的间隔号“·”不能连续使用")
    return _result(name, field, errors)


# --- masking for print and screens ----------------------------------------------------------------


def _mask(code: str, head: int, tail: int) -> str:
    if len(code) <= head + tail:  # too short to show both ends: show at most half, from the end
        tail = min(tail, len(code) // 2)
        head = 0
    return code[:head] + "*" * (len(code) - head - tail) + code[len(code) - tail:]


def mask_id_number(value: str) -> str:
    """Keep the first 6 and last 4 characters: ``110105********002X``."""
    return _mask(normalize_code(value), 6, 4)


def mask_card(value: str) -> str:
    """Keep the first 4 and last 4 digits: ``6222********1234``."""
    return _mask(normalize_code(value), 4, 4)


CHECKERS: dict[str, Callable[..., Checked[str]]] = {
    "id": check_resident_id,
    "uscc": check_uscc,
    "card": check_bank_card,
    "mobile": check_mobile,
}
