"""Township employers of the demo city: cooperatives, building-material firms, clinics, schools, shops."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from counter_app.demo import codes
from counter_app.demo.dice import Dice
from counter_app.demo.names import person_name
from counter_app.domain.policy_schema import PolicyVersion
from counter_app.domain.status import EmployerStatus
from counter_app.store.records import EmployerRecord

_NORMAL, _DEFERRED, _OTHER = EmployerStatus.NORMAL.value, EmployerStatus.DEFERRED.value, EmployerStatus.OTHER.value

UNREGISTERED_SHARE = Decimal("0.12")  # employers with staff but no fund registration (建制对象)
TRADE_NAMES = ("兴旺", "富民", "鑫达", "宏远", "绿源", "金穗", "华丰", "永盛", "顺发", "利民", "惠农",
               "康泰", "恒通", "新丰", "瑞祥", "隆昌", "丰收", "万家", "盛世", "天成", "佳美", "汇通")
# (name pattern, USCC kind, relative size): {t} township, {n} trade name.
KINDS: tuple[tuple[str, str, int], ...] = (
    ("{t}{n}种植农民专业合作社", "cooperative", 1),
    ("{t}{n}养殖农民专业合作社", "cooperative", 1),
    ("示范市{n}建材有限公司", "enterprise", 3),
    ("{t}{n}建材有限公司", "enterprise", 2),
    ("{t}卫生院", "institution", 4),
    ("{t}中心小学", "institution", 4),
    ("{t}初级中学", "institution", 4),
    ("{t}{n}超市", "sole_trader", 1),
    ("{n}食品有限公司", "enterprise", 3),
    ("{t}{n}物流有限公司", "enterprise", 2),
    ("{n}机械制造有限公司", "enterprise", 6),
    ("{t}{n}农业开发有限公司", "enterprise", 2),
    ("{t}{n}酒店", "sole_trader", 1),
)
_STREETS = ("人民路", "建设路", "解放路", "新华街", "农贸街", "工业园区", "创业大道")


@dataclass(frozen=True)
class EmployerPlan:
    """An employer record with what the worker generator needs: size weight and area code."""

    record: EmployerRecord
    size: int
    area: str


def _townships(version: PolicyVersion) -> list[tuple[str, str, str]]:
    """(district code, area code, township) for every township of the city."""
    return [
        (code, codes.district_area(code, d.area), township)
        for code, d in sorted(version.districts.items())
        for township in d.townships
    ]


def _ratio(rng: Dice, version: PolicyVersion) -> Decimal:
    c = version.contribution
    choices = [r for r in (c.ratio_min, Decimal(8), Decimal(10), c.ratio_max) if c.ratio_min <= r <= c.ratio_max]
    return rng.choice(choices)


def _name(rng: Dice, township: str, used: set[str]) -> tuple[str, str, int]:
    for _ in range(20):
        pattern, kind, size = rng.choice(KINDS)
        name = pattern.format(t=township, n=rng.choice(TRADE_NAMES))
        if name not in used:
            used.add(name)
            return name, kind, size
    name = f"{township}{rng.choice(TRADE_NAMES)}{len(used)}号商行"  # a crowded township
    used.add(name)
    return name, "sole_trader", 1


def plan_employers(rng: Dice, version: PolicyVersion, count: int) -> list[EmployerPlan]:
    """``count`` employers spread over the townships; a fixed share of them unregistered."""
    places = _townships(version)
    unregistered = set(rng.sample(range(count), k=int((count * UNREGISTERED_SHARE).to_integral_value())))
    used: set[str] = set()
    plans = []
    for i in range(count):
        district, area, township = places[i % len(places)]
        name, kind, size = _name(rng, township, used)
        registered = i not in unregistered
        ratio = _ratio(rng, version)
        bank = rng.choice(tuple(codes.BANK_BINS))
        record = EmployerRecord(
            uscc=codes.uscc(rng, kind, area),
            name=name,
            legal_rep=person_name(rng, rng.random() < 0.7, i * 2 + 1),
            contact_name=person_name(rng, rng.random() < 0.4, i * 2),
            contact_mobile=codes.mobile(rng),
            address=f"{version.city}{township}{rng.choice(_STREETS)}{rng.randrange(1, 300)}号",
            district=district,
            township=township,
            status=(_NORMAL if rng.random() < 0.93 else _DEFERRED) if registered else _OTHER,
            registered=registered,
            insured_staff=None if registered else rng.randrange(3, 60),
            account_no=f"60{i + 1:010d}" if registered else None,
            bank_name=f"{bank}{version.city}分行",
            bank_account=codes.bank_account(rng),
            worker_ratio=ratio if registered else None,
            employer_ratio=ratio if registered else None,
        )
        plans.append(EmployerPlan(record, size * rng.randrange(1, 4), area))
    return plans
