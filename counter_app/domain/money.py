"""Money as Decimal yuan: rounding to cents, parsing clerk input, display forms, amounts in capitals.

Capitals follow the PBoC rules for filling in bills (《正确填写票据和结算凭证的基本规定》):
the prefix 人民币; 壹拾 (never a bare 拾); one 零 for each run of zeros between non-zero digits
(陆仟零柒元, 壹拾亿零壹元), none for zeros closing a 万/亿 group before a non-zero 仟 (the PBoC's
own example ¥107,000.53 → 人民币壹拾万柒仟元零伍角叁分); 零 after 元 when the 元 digit is 0 and
角 is not (壹拾万元零壹角整) and whenever 角 is 0 and 分 is not (元零贰分); 整 after 元 or 角
when there is no 分, never after 分; amounts under one yuan start at the 角/分 (伍角整, 伍分).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from counter_app.domain.errors import Checked

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1000000000000")  # ¥1e12: anything larger is a typing accident

# Chinese names of the money fields, so messages name what the clerk sees on the form.
FIELD_LABELS: dict[str, str] = {
    "amount": "金额",
    "principal": "贷款本金",
    "balance": "账户余额",
    "monthly_income": "月收入",
    "monthly_debt": "现有月还款额",
    "house_price": "房屋总价",
    "price": "房屋总价",
    "monthly_base": "缴存基数",
    "rate": "年利率",
    "worker_ratio": "个人缴存比例",
    "employer_ratio": "单位缴存比例",
}

# sign, currency prefix, digits (with correct thousands commas or none), optional yuan suffix
_MONEY = re.compile(
    r"^(?P<sign>[+-]?)(?:人民币|RMB|CNY|¥)?(?P<sign2>[+-]?)"
    r"(?P<int>\d{1,3}(?:,\d{3})+|\d*)(?:\.(?P<frac>\d*))?(?:元|圆)?$"
)


def to_cents(x: Decimal | int | str) -> Decimal:
    """Quantize to cents, half-up. Floats are refused: they cannot hold cents exactly."""
    if isinstance(x, (float, bool)) or not isinstance(x, (Decimal, int, str)):
        raise TypeError(f"money must be Decimal, int or str, not {type(x).__name__}")
    try:
        d = x if isinstance(x, Decimal) else Decimal(x)
    except InvalidOperation:
        raise ValueError(f"not a number: {x!r}") from None
    if not d.is_finite():
        raise ValueError(f"not a finite amount: {x!r}")
    q = d.quantize(CENT, rounding=ROUND_HALF_UP)
    return q.copy_abs() if q.is_zero() else q  # no "-0.00"


def floor_cents(d: Decimal) -> Decimal:
    """Round a non-negative amount down to cents (a limit must never round up)."""
    return d.quantize(CENT, rounding=ROUND_DOWN)


def label_for(field: str, label: str | None = None) -> str:
    return label or FIELD_LABELS.get(field, field)


def parse_money(
    text: object, *, field: str = "amount", allow_zero: bool = False, label: str | None = None
) -> Checked[Decimal]:
    """Read an amount as a clerk types it: "1,234.5", "１２３", "¥1234", "1234元", stray spaces.

    A JSON number arrives as a float: its shortest repr is the text that was written, so it is
    read as that text (never used in arithmetic).
    """
    name = label_for(field, label)
    if isinstance(text, Decimal):
        text = format(text, "f")
    elif isinstance(text, float):
        text = repr(text)
    raw = unicodedata.normalize("NFKC", "" if text is None else str(text))
    raw = "".join(raw.split()).replace("−", "-")
    if not raw:
        return Checked.fail(field, f"请填写{name}")
    match = _MONEY.match(raw.upper())
    if not match or not (match["int"] or match["frac"]):
        return Checked.fail(field, f"{name}不是有效的数字")
    frac = match["frac"] or ""
    value = Decimal((match["int"].replace(",", "") or "0") + "." + (frac or "0"))
    if "-" in (match["sign"], match["sign2"]) and not value.is_zero():
        return Checked.fail(field, f"{name}不能为负数")
    if len(frac.rstrip("0")) > 2:
        return Checked.fail(field, f"{name}最多两位小数")
    if value > MAX_AMOUNT:
        return Checked.fail(field, f"{name}超出合理范围（不能超过1万亿元）")
    if value.is_zero() and not allow_zero:
        return Checked.fail(field, f"{name}必须大于0")
    return Checked(value=to_cents(value))


def parse_percent(
    text: object,
    *,
    field: str,
    minimum: Decimal | int | str,
    maximum: Decimal | int | str,
    label: str | None = None,
) -> Checked[Decimal]:
    """Read a percentage ("12", "12%", "１２", "3.1"); it must lie within [minimum, maximum]."""
    name = label_for(field, label)
    lo, hi = Decimal(minimum), Decimal(maximum)
    raw = unicodedata.normalize("NFKC", "" if text is None else str(text))
    raw = "".join(raw.split()).removesuffix("%")
    if not raw:
        return Checked.fail(field, f"请填写{name}")
    if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", raw):
        return Checked.fail(field, f"{name}不是有效的百分比")
    value = Decimal(raw)
    if not lo <= value <= hi:
        return Checked.fail(field, f"{name}应在{percent_str(lo)}%至{percent_str(hi)}%之间")
    return Checked(value=value)


def percent_str(d: Decimal) -> str:
    """A percentage as JSON shows it: "3.1", "12", "2.525" (no exponent, no trailing zeros)."""
    text = format(d.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def format_money(d: Decimal | int | str) -> str:
    """For people: "1,234.50"."""
    return f"{to_cents(d):,.2f}"


def money_str(d: Decimal | int | str) -> str:
    """For JSON: "1234.50"."""
    return f"{to_cents(d):.2f}"


# ---------------------------------------------------------------- amounts in capitals (大写金额)

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_PREFIX = "人民币"


def _four(n: int) -> str:
    """1..9999 in capitals, with one 零 per inner run of zeros and none at the end."""
    out: list[str] = []
    pending_zero = False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[digit] + _SMALL_UNITS[power])
    return "".join(out)


def _integer(n: int) -> str:
    """A positive whole number of yuan in capitals, grouped by 万 and 亿 (亿 recurses: 壹万亿)."""
    for size, unit in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            head = (_integer(high) if unit == "亿" else _four(high)) + unit
            if not low:
                return head
            return head + ("零" if low < size // 10 else "") + _integer(low)
    return _four(n)


def to_capitals(d: Decimal | int | str) -> str:
    """PBoC capitals: 12345.67 → 人民币壹万贰仟叁佰肆拾伍元陆角柒分; 100 → 人民币壹佰元整."""
    amount = to_cents(d)
    if amount < 0:
        raise ValueError("amount in capitals must not be negative")
    cents = int(amount * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    out = [_PREFIX]
    if yuan:
        out.append(_integer(yuan) + "元")
        if (jiao and yuan % 10 == 0) or (not jiao and fen):
            out.append("零")
    elif not jiao and not fen:
        return _PREFIX + "零元整"
    if jiao:
        out.append(_DIGITS[jiao] + "角")
    out.append(_DIGITS[fen] + "分" if fen else "整")
    return "".join(out)


_CAPITAL_DIGITS = {c: i for i, c in enumerate(_DIGITS)}
_SMALL_VALUES = {"拾": 10, "佰": 100, "仟": 1000}


def _parse_four(text: str) -> int:
    total, digit = 0, None
    for ch in text:
        if ch in _CAPITAL_DIGITS:
            digit = _CAPITAL_DIGITS[ch]
        elif ch in _SMALL_VALUES:
            total += (1 if digit is None else digit) * _SMALL_VALUES[ch]
            digit = None
        else:
            raise ValueError(f"unexpected character in capitals: {ch!r}")
    return total + (digit or 0)


def _parse_integer(text: str) -> int:
    if "亿" in text:
        high, _, low = text.rpartition("亿")
        return _parse_integer(high) * 10**8 + _parse_integer(low)
    if "万" in text:
        high, _, low = text.partition("万")
        return _parse_four(high) * 10**4 + _parse_four(low)
    return _parse_four(text)


def parse_capitals(text: str) -> Decimal:
    """The inverse of :func:`to_capitals` (also accepts 圆 for 元 and 正 for 整)."""
    body = unicodedata.normalize("NFKC", text).strip().removeprefix(_PREFIX)
    body = body.replace("圆", "元").rstrip("整正")
    if not body:
        raise ValueError("empty amount in capitals")
    yuan_text, _, small = body.rpartition("元")  # no 元: all of it is 角/分
    small = small.replace("零", "")
    jiao = fen = 0
    if "角" in small:
        jiao_text, _, small = small.partition("角")
        jiao = _parse_four(jiao_text)
    if small:
        if not small.endswith("分"):
            raise ValueError(f"unexpected text after 角: {small!r}")
        fen = _parse_four(small[:-1])
    if jiao > 9 or fen > 9:
        raise ValueError("角 and 分 take one digit each")
    cents = _parse_integer(yuan_text) * 100 + jiao * 10 + fen
    return (Decimal(cents) / 100).quantize(CENT)
