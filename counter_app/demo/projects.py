"""Developers' projects of the demo city (楼盘准入): a few admitted estates, one expired, one suspended.

Made with dice of their own (from the seed), after the rest of the city: the employers, workers and
loans of a seed stay exactly what they were. A handful of registered enterprises become the city's
developers (renamed 房地产开发/置业有限公司, USCC unchanged); each builds one or two estates in the
demo districts, the first station's townships first, so the demo loan picker has projects to offer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from counter_app.demo import codes
from counter_app.demo.dice import Dice
from counter_app.demo.employers import TRADE_NAMES, EmployerPlan
from counter_app.domain.policy_schema import PolicyVersion
from counter_app.domain.projects import ADMITTED, SUSPENDED, project_key
from counter_app.domain.status import EmployerStatus
from counter_app.store.records_operations import ProjectRecord

_SEED_SALT = 202_612  # projects' own dice: seed ^ salt (the city's dice are never drawn from here)
DEVELOPERS = 4
# (standing, months of validity left; negative = expired that long ago): six in force, one whose
# agreement has ended, one the centre suspended — the two refusals a loan meets.
PLAN: tuple[tuple[str, int], ...] = (
    (ADMITTED, 30), (ADMITTED, 18), (ADMITTED, 26), (ADMITTED, 34), (ADMITTED, 22), (ADMITTED, 14),
    (ADMITTED, -3), (SUSPENDED, 20),
)
ESTATES = ("锦绣家园", "幸福里", "康居苑", "翠湖湾", "阳光水岸", "书香名邸", "御景苑", "和园",
           "金色华府", "安居小区", "馨园", "新城")
SUSPENSION_NOTE = "预售资金未按规定存入监管账户"
ROADS = ("建设路", "人民路", "新华街", "滨河路", "迎宾大道", "文化路")


def _places(version: PolicyVersion) -> list[tuple[str, str]]:
    """(district code, township): the first station's townships, then one township of every other
    district, then the rest — so a handful of projects spans the city."""
    station = version.stations[0] if version.stations else None
    home = [(station.district, t) for t in station.townships] if station else []
    others = [(code, t) for code, d in sorted(version.districts.items()) for t in d.townships if (code, t) not in home]
    firsts = [p for i, p in enumerate(others) if all(q[0] != p[0] for q in others[:i])]
    return home + firsts + [p for p in others if p not in firsts]


def _short(township: str) -> str:
    for suffix in ("街道", "镇", "乡"):
        if township.endswith(suffix) and len(township) > len(suffix) + 1:
            return township[: -len(suffix)]
    return township


def _developers(rng: Dice, plans: list[EmployerPlan], city: str) -> dict[int, str]:
    """Plan index → the developer's new name: registered enterprises in good standing (any
    registered employer in a city too small to have them)."""
    enterprise = codes.USCC_KIND["enterprise"]
    good = [i for i, p in enumerate(plans) if p.record.registered and p.record.status == EmployerStatus.NORMAL.value]
    pool = [i for i in good if plans[i].record.uscc.startswith(enterprise)] or good or list(range(len(plans)))
    chosen = rng.sample(pool, k=min(DEVELOPERS, len(pool)))
    names = {p.record.name for p in plans}
    renamed: dict[int, str] = {}
    for n, i in enumerate(chosen):
        trade = next((t for t in TRADE_NAMES if t in plans[i].record.name), rng.choice(TRADE_NAMES))
        pattern = ("{c}{t}房地产开发有限公司", "{c}{t}置业有限公司")[n % 2]
        name = pattern.format(c=city, t=trade)
        while name in names:
            name = pattern.format(c=city, t=rng.choice(TRADE_NAMES) + rng.choice(TRADE_NAMES)[0])
        names.add(name)
        renamed[i] = name
    return renamed


def plan_projects(
    seed: int, version: PolicyVersion, plans: list[EmployerPlan], as_of: date,
) -> tuple[list[EmployerPlan], list[ProjectRecord]]:
    """The employers with the developers renamed, and the city's projects as the centre holds them."""
    if not plans:
        return plans, []
    rng = Dice(seed ^ _SEED_SALT)
    renamed = _developers(rng, plans, version.city)
    plans = [replace(p, record=replace(p.record, name=renamed[i])) if i in renamed else p
             for i, p in enumerate(plans)]
    developers = [plans[i].record for i in renamed]
    places = _places(version)
    estates = list(ESTATES)
    rng.shuffle(estates)
    used: set[str] = set()
    projects = []
    for n, (standing, months) in enumerate(PLAN):
        district, township = places[n % len(places)]
        name = f"{_short(township)}{estates[n % len(estates)]}"
        if project_key(name) in used:
            name = f"{name}{n + 1}期"
        used.add(project_key(name))
        developer = developers[n % len(developers)]
        decided = as_of - timedelta(days=rng.randrange(200, 900))
        year = decided.year
        projects.append(ProjectRecord(
            project_key=project_key(name),
            name=name,
            developer_uscc=developer.uscc,
            standing=standing,
            developer_name=developer.name,
            district=district,
            address=f"{version.city}{township}{rng.choice(ROADS)}{rng.randrange(1, 200)}号",
            presale_permit_no=f"示房预售字（{year}）第{rng.randrange(1, 200):03d}号",
            agreement_no=f"HZ{year}-{n + 1:03d}",
            valid_until=as_of + timedelta(days=months * 30) if months > 0 else as_of - timedelta(days=-months * 30),
            receipt_number=None,  # admitted at the centre before the stations took business
            station_code=None,
            note=SUSPENSION_NOTE if standing == SUSPENDED else "",
            decided_at=datetime.combine(decided, time(9, 30), tzinfo=UTC),
        ))
    return plans, projects
