"""Well-formed identifiers for demo data: area codes, USCCs, account, card and mobile numbers."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from counter_app.domain import areas
from counter_app.domain.ids import make_uscc_of, org_code_check_char

if TYPE_CHECKING:
    from counter_app.demo.dice import Dice

# The demo city's districts borrow the real county codes of one prefecture (兰州, 6201), so every
# generated ID number carries a known area: district "01" → 620102, "02" → 620103, county "21" → 620121.
AREA_PREFIX = "6201"
FALLBACK_AREA = "620102"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I O S V Z
# USCC positions 1–2: registering authority and kind (91 enterprise, 92 sole trader,
# 12 public institution, N3 farmers' cooperative).
USCC_KIND = {"enterprise": "91", "sole_trader": "92", "institution": "12", "cooperative": "N3"}
MOBILE_PREFIXES = ("130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152",
                   "155", "157", "158", "159", "177", "180", "181", "186", "187", "188", "189", "199")
BANK_BINS = {"中国工商银行": "622202", "中国农业银行": "622848", "中国建设银行": "621700",
             "中国银行": "621661", "中国邮政储蓄银行": "621799", "甘肃银行": "623199"}


def district_area(district_code: str, area_kind: str) -> str:
    """The 6-digit area code standing for a demo district or county."""
    number = int(district_code) if district_code.isdigit() else 0
    suffix = f"{number + 1:02d}" if area_kind == "district" else f"{number:02d}"
    code = AREA_PREFIX + suffix
    return code if areas.is_known_area(code) else FALLBACK_AREA


@cache
def other_areas() -> tuple[str, ...]:
    """County codes elsewhere in the province and beyond, for workers born outside the city."""
    codes = areas.known_area_codes()
    return tuple(c for c in codes if c[:2] in ("62", "64", "63", "61", "41") and c[4:] not in ("00", "01"))


def org_code(body8: str) -> str:
    """GB 11714 organisation code: 8 characters and their check character."""
    return body8 + org_code_check_char(body8)


def uscc(rng: Dice, kind: str, area: str) -> str:
    """A USCC with a valid organisation code inside and a valid check character."""
    body8 = "".join(rng.choice(USCC_CHARS) for _ in range(8))
    return make_uscc_of(USCC_KIND[kind] + area, body8)


def mobile(rng: Dice) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def bank_card(rng: Dice, bank: str) -> str:
    """A 19-digit debit card number that passes the Luhn check."""
    body = BANK_BINS[bank] + f"{rng.randrange(10**12):012d}"
    return body + luhn_check_digit(body)


_DOUBLED = {str(d): (2 * d) // 10 + (2 * d) % 10 for d in range(10)}  # digit × 2, digits summed


def luhn_check_digit(body: str) -> str:
    """The Luhn digit completing ``body`` (digits doubled from the right, starting next to it)."""
    total = sum(map(_DOUBLED.__getitem__, body[::-2])) + sum(map(int, body[-2::-2]))
    return str(-total % 10)


def bank_account(rng: Dice) -> str:
    """An employer's basic account number (passbook-style: no check digit)."""
    return f"{rng.randrange(10**16, 10**17)}"
