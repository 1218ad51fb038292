"""City policy schema (城市政策): the pydantic models of one complete, validated policy version.

Money is Decimal yuan (TOML strings or numbers, converted through ``str`` so 2.1 stays 2.1); rates
and ratios are Decimal percentages. Messages are Chinese: the loader prefixes file, line and key.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from counter_app.domain.money import CENT
from counter_app.domain.person_fields import CHANGEABLE_PERSON_FIELDS
from counter_app.domain.retirement import RetirementRule

AREAS: tuple[str, ...] = ("district", "county")  # loan caps differ for the city's districts and counties
# 《住房公积金管理条例》第十八条: each ratio at least 5 %; the national cap is 12 %, which the city's
# report names as reached: "缴存比例全部提高到12%，达到了国家规定的最高标准".
STATUTORY_RATIO_MIN = Decimal(5)
STATUTORY_RATIO_MAX = Decimal(12)
MAX_LTV = Decimal(80)  # DOMAIN: price × max loan-to-value, at most 80 %
MAX_TERM_MONTHS = 360  # DOMAIN: a term of at most 30 years
RETIREMENT_GROUPS: tuple[str, ...] = ("male", "female_cadre", "female_worker")


# --- value types ---------------------------------------------------------------------------------

def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise ValueError("应为数字")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError("应为数字") from None
    if not number.is_finite():
        raise ValueError("应为有限的数字")
    return number


def _money(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError("金额不能为负数")
    if value != value.quantize(CENT):
        raise ValueError("金额最多保留两位小数")
    return value


def _percent(value: Decimal) -> Decimal:
    if not 0 <= value <= 100:
        raise ValueError("应在0到100之间")
    return value


def _positive(value: Any) -> Any:
    if value <= 0:
        raise ValueError("应大于0")
    return value


def _not_negative(value: int) -> int:
    if value < 0:
        raise ValueError("不能为负数")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("不能为空")
    return value


def _plain_date(value: date) -> date:
    if isinstance(value, datetime):
        raise ValueError("应为日期（不含时间），例如 2025-05-08")
    return value


Money = Annotated[Decimal, BeforeValidator(_to_decimal), AfterValidator(_money)]
PositiveMoney = Annotated[Decimal, BeforeValidator(_to_decimal), AfterValidator(_money), AfterValidator(_positive)]
Percent = Annotated[Decimal, BeforeValidator(_to_decimal), AfterValidator(_percent)]
PositiveDecimal = Annotated[Decimal, BeforeValidator(_to_decimal), AfterValidator(_positive)]
Count = Annotated[int, Strict(), AfterValidator(_not_negative)]
PositiveInt = Annotated[int, Strict(), AfterValidator(_positive)]
Flag = Annotated[bool, Strict()]
Text = Annotated[str, Strict(), AfterValidator(_not_blank)]
Day = Annotated[date, Strict(), AfterValidator(_plain_date)]
Code = Annotated[str, Strict(), StringConstraints(pattern=r"^[A-Za-z0-9_]+$")]
ReasonCode = Annotated[str, Strict(), StringConstraints(pattern=r"^[0-9]{2}$")]
MaterialCode = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
# A required document, or alternatives any one of which will do: "household_register|police_cert".
MaterialRef = Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\|[a-z][a-z0-9_]*)*$")]
Kind = str  # a business kind: checked against the registry by policy.kind_problems
PersonField = Literal[tuple(f.key for f in CHANGEABLE_PERSON_FIELDS)]  # type: ignore[valid-type]  # built from the fields


def _codes_from_keys(value: Any) -> Any:
    """Tables keyed by code (``[base.districts."01"]``) carry their code as the ``code`` field."""
    if isinstance(value, dict):
        return {k: {**v, "code": k} if isinstance(v, dict) else v for k, v in value.items()}
    return value


KeyedByCode = BeforeValidator(_codes_from_keys)


MARKERS = ("demo", "unverified", "source")  # keys every table may carry about its own values
_NOT_VALUES = frozenset({*MARKERS, "code", "name", "label"})  # names, not rules: never "demo values"


class _Model(BaseModel):
    """Every policy table may say where its values come from and which are the demo city's guesses.

    ``demo`` — 演示值: ``true`` for every value of the table, or the keys that are (a dotted key
    reaches into a table keyed by code: ``"decision_days.open-account"``); the reports are silent
    on them and a centre replaces them. ``unverified`` — 待核对: keys still to be checked against
    the official text. ``source`` — the words of the report or regulation the values follow.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    demo: Flag | tuple[str, ...] = False
    unverified: tuple[str, ...] = ()
    source: str = ""

    @field_validator("demo", "unverified")
    @classmethod
    def _marked_keys_exist(cls, keys: Any, info: ValidationInfo) -> Any:
        if isinstance(keys, bool):
            return keys
        names = {n for name, f in cls.model_fields.items() for n in (name, f.alias) if n}
        unknown = [k for k in keys if k.split(".")[0] not in names or k in MARKERS]
        if unknown:
            raise ValueError(f"{info.field_name} 中列出的项目不存在：{'、'.join(unknown)}")
        return keys

    def marked(self, marker: str) -> tuple[str, ...]:
        """The keys of this table carrying ``marker`` ("demo" or "unverified")."""
        keys = getattr(self, marker)
        if keys is True:  # the values the file writes, not the defaults it leaves alone
            return tuple(k for k in type(self).model_fields if k in self.model_fields_set and k not in _NOT_VALUES)
        return () if keys is False else tuple(keys)


# --- places --------------------------------------------------------------------------------------

class District(_Model):
    """A district or county of the city (区/县) and its management department (管理部)."""

    code: str
    name: Text
    area: Literal["district", "county"]
    office: Text
    townships: tuple[Text, ...]


class Station(_Model):
    """A township service station (乡镇服务站) and the townships it serves."""

    code: Code
    name: Text
    district: Code
    townships: tuple[Text, ...]


# --- contribution, retirement --------------------------------------------------------------------

class ContributionPolicy(_Model):
    """Ratio bounds (%) and the monthly base floor and cap (yuan)."""

    ratio_min: Percent
    ratio_max: Percent
    base_floor: Money
    base_cap: PositiveMoney


class RetirementGroupRule(_Model):
    """One group's statutory age and the step of the 2024 gradual reform."""

    base_age_years: PositiveInt
    reform_first_birth: Day
    months_per_step: PositiveInt
    max_delay_months: Count


class RetirementPolicy(_Model):
    male: RetirementGroupRule
    female_cadre: RetirementGroupRule
    female_worker: RetirementGroupRule

    def __getitem__(self, group: str) -> RetirementGroupRule:
        if group not in RETIREMENT_GROUPS:
            raise KeyError(group)
        rule: RetirementGroupRule = getattr(self, group)
        return rule


# --- loans ---------------------------------------------------------------------------------------

class LoanCategory(_Model):
    """A borrower category and its cap (yuan): one ``cap`` for the whole city, or one for the
    districts and one for the counties (the report: "其余缴存职工**区提高到**万元、各县**万元")."""

    label: Text
    cap: PositiveMoney | None = None
    district: PositiveMoney | None = None
    county: PositiveMoney | None = None
    raised: Flag = False  # "提高到": never below the default category's cap, in any area

    @model_validator(mode="after")
    def _one_way_of_capping(self) -> LoanCategory:
        by_area = (self.district is not None, self.county is not None)
        if self.cap is not None and any(by_area):
            raise ValueError("cap（全市统一额度）与 district/county（分区县额度）只能写一种")
        if self.cap is None and not all(by_area):
            raise ValueError("须写 cap（全市统一额度），或同时写 district 和 county（分区县额度）")
        return self

    def cap_in(self, area: str) -> Decimal:
        if area not in AREAS:
            raise KeyError(area)
        cap: Decimal = self.cap if self.cap is not None else getattr(self, area)
        return cap


class LoanRates(_Model):
    """Annual rates (%) for terms up to ``short_term_max_months`` and beyond."""

    short_term_max_months: PositiveInt
    first_home_short: Percent
    first_home_long: Percent
    second_home_short: Percent
    second_home_long: Percent


class LoanPolicy(_Model):
    categories: dict[Code, LoanCategory]
    default_category: Code = "general"  # the "其余缴存职工" that raised categories are compared with
    # Normally the counties' cap is not above the districts'; a city whose rule says otherwise sets this.
    county_cap_may_exceed_district: Flag = False
    balance_multiple: PositiveDecimal
    max_repayment_ratio: Percent
    max_ltv_first: Percent
    max_ltv_second: Percent
    limit_round_down_to: PositiveMoney
    max_term_months: PositiveInt
    max_years_over_retirement: Count
    min_contribution_months: Count
    max_fund_loans: PositiveInt
    second_home_with_outstanding_loan: Flag
    prior_loan_is_second_home: Flag
    fraud_ban_years: PositiveInt | None = None  # 2026 amendment art. 41: borrowers who cheated
    rates: LoanRates

    @property
    def areas(self) -> tuple[str, ...]:
        return AREAS

    def category_cap(self, category: str, area: str) -> Decimal:
        """The cap of ``category`` in ``area`` ("district"/"county"); KeyError if either is unknown."""
        return self.categories[category].cap_in(area)

    def category_label(self, key: str) -> str:
        return self.categories[key].label

    def max_ltv(self, second_home: bool) -> Decimal:
        return self.max_ltv_second if second_home else self.max_ltv_first

    def rate(self, second_home: bool, months: int) -> Decimal:
        """Annual rate in percent for the home kind and the term."""
        if months < 1:
            raise ValueError("months must be at least 1")
        r = self.rates
        short = months <= r.short_term_max_months
        if second_home:
            return r.second_home_short if short else r.second_home_long
        return r.first_home_short if short else r.first_home_long


# --- withdrawals ---------------------------------------------------------------------------------

class ReasonVariant(_Model):
    """A kind of case within one reason that needs its own documents (e.g. public vs commercial rent);
    it may also ask for a document number the reason as a whole does not (the lease's)."""

    name: Text
    materials: tuple[MaterialRef, ...]
    needs_document_no: Flag | None = None  # None: as the reason says
    document_label: Text | None = None


class WithdrawalReason(_Model):
    """One withdrawal reason (提取原因, A.7 code or a local code) and its limits."""

    code: str
    name: Text
    closing: Flag  # 销户提取: takes the whole balance and closes the account
    max_amount_per_month: Money | None = None  # times the months covered since the last such withdrawal
    max_amount_per_year: Money | None = None  # per calendar year
    max_pct_of_monthly_contribution: Percent | None = None  # a second monthly cap: % of 月缴存额
    min_months_between: PositiveInt | None = None
    once_only: Flag = False
    within_years_of_event: PositiveInt | None = None
    needs_document_no: Flag = False
    unique_document: Flag = False  # one document number serves one withdrawal of this reason
    shared_document: Flag = False  # several workers may use one document (a joint loan contract)
    document_label: Text = "合同或凭证编号"
    event_amount_label: Text | None = None  # set: the amount is capped by this (amount paid, loan owed)
    # The event amount is paid once (a price, an elevator share): every withdrawal with the same
    # document counts against it, however many there are. Not for amounts stated afresh each time
    # (the loan still owed).
    event_amount_cumulative: Flag = False
    statutory_age: Flag = False  # 离休、退休: the statutory retirement age must be reached …
    early_materials: tuple[MaterialRef, ...] = ()  # … or these documents show an approved early retirement
    event_date_label: Text | None = None  # set: the date of the event is required
    min_contribution_months: Count | None = None
    sealed_ok: Flag = True  # a sealed (封存) account may withdraw for this reason
    materials: tuple[MaterialRef, ...]
    variants: Annotated[dict[Code, ReasonVariant], Field(default_factory=dict)]
    notes: str = ""


class WithdrawalPolicy(_Model):
    min_remaining: PositiveMoney  # what a partial withdrawal must leave in the account
    offset_blocks_partial: Flag  # a monthly-offset (月对冲) agreement blocks partial withdrawals
    fraud_ban_years: PositiveInt | None = None  # 2026 amendment art. 41: withdrawers who cheated
    reasons: Annotated[dict[ReasonCode, WithdrawalReason], KeyedByCode]


# --- notices and the version as a whole ----------------------------------------------------------

class NoticePolicy(_Model):
    """What the legal notices cite (establishment: art. 37 of the 2019 text; arrears: art. 38) and
    their time limits. ``verified`` says the citations were checked word for word against the
    official text (``verified_against``); an unverified table is never printed on a notice."""

    verified: Flag
    verified_against: str = ""
    regulation: Text
    legal_basis: Text
    articles: tuple[Text, ...]
    basis_text: Text
    penalty_article: Text
    deadline_days: PositiveInt
    fine_min: Money
    fine_max: PositiveMoney
    arrears_article: Text
    arrears_duty_article: Text  # the duty broken: pay in full and on time
    arrears_basis_text: Text
    arrears_deadline_days: PositiveInt
    statement_days: PositiveInt  # to explain or ask for a hearing
    statement_working_days: Flag = True  # 5个工作日, not 5日
    complaint_days: PositiveInt
    deferral_max_months: PositiveInt

    @property
    def statement_period(self) -> str:
        """The period as printed: 5个工作日 / 5日."""
        return f"{self.statement_days}{'个工作日' if self.statement_working_days else '日'}"


# Keys of ``notices`` that are no legal text: a version may change them without re-verifying.
NOTICE_LOCAL_KEYS = frozenset({"complaint_days", "deferral_max_months", *MARKERS})


class PolicyVersion(_Model):
    """Every policy value in force from ``effective_from`` until the next version."""

    effective_from: Day
    summary: str = ""
    city: Text
    centre_name: Text
    centre_address: Text
    service_hotline: Text
    districts: Annotated[dict[Code, District], KeyedByCode]
    stations: tuple[Station, ...]
    contribution: ContributionPolicy
    retirement: RetirementPolicy
    loan: LoanPolicy
    withdrawal: WithdrawalPolicy
    materials: dict[MaterialCode, Text]
    business_materials_by_kind: dict[Kind, tuple[MaterialRef, ...]] = Field(alias="business_materials")
    info_change_materials: dict[PersonField, tuple[MaterialRef, ...]]  # type: ignore[valid-type]
    decision_days_by_kind: dict[Kind, PositiveInt] = Field(alias="decision_days")
    notices: NoticePolicy
    supervisor_approval_above: Money
    idle_lock_minutes: PositiveInt
    # Days a station may go without reaching the centre before accounts it has not confirmed lock (#22).
    offline_lock_days: PositiveInt = 7

    @property
    def version_label(self) -> str:
        return self.effective_from.isoformat()

    def business_materials(self, kind: str) -> list[str]:
        """Documents every application of ``kind`` needs (reason/field extras come on top)."""
        return list(self.business_materials_by_kind[kind])

    def decision_days(self, kind: str) -> int:
        """Days the centre has to decide an application of ``kind``."""
        return self.decision_days_by_kind[kind]

    def material_name(self, ref: str) -> str:
        """Chinese name of a document, or of alternatives joined by 或."""
        return "或".join(self.materials[code] for code in ref.split("|"))

    def station(self, code: str) -> Station:
        for station in self.stations:
            if station.code == code:
                return station
        raise KeyError(code)

    def retirement_rule(self, group: str) -> RetirementRule:
        """The group's rule in the shape the retirement calculator takes."""
        g = self.retirement[group]
        return RetirementRule(group, g.base_age_years, g.reform_first_birth, g.months_per_step, g.max_delay_months)


# --- checks across sections (their locations are key paths, for the loader's messages) -----------

Problem = tuple[tuple[str | int, ...], str]


def reference_problems(v: PolicyVersion) -> list[Problem]:
    """Cross-references a field validator cannot see: codes that must exist, bounds that must order."""
    out: list[Problem] = []

    def refs(loc: tuple[str | int, ...], codes: tuple[str, ...]) -> None:
        for i, ref in enumerate(codes):
            unknown = [c for c in ref.split("|") if c not in v.materials]
            if unknown:
                out.append(((*loc, i), f"未知的材料代码：{'、'.join(unknown)}（应在 materials 中定义）"))

    for kind, codes in v.business_materials_by_kind.items():
        refs(("business_materials", kind), codes)
    for name, codes in v.info_change_materials.items():
        refs(("info_change_materials", name), codes)
    for code, reason in v.withdrawal.reasons.items():
        loc = ("withdrawal", "reasons", code)
        refs((*loc, "materials"), reason.materials)
        refs((*loc, "early_materials"), reason.early_materials)
        for key, variant in reason.variants.items():
            refs((*loc, "variants", key, "materials"), variant.materials)
        out += [((*loc, k), m) for k, m in _reason_problems(reason)]
    for i, station in enumerate(v.stations):
        district = v.districts.get(station.district)
        if district is None:
            out.append((("stations", i, "district"), f"未知的区县代码：{station.district}"))
        elif not set(station.townships) <= set(district.townships):
            extra = "、".join(t for t in station.townships if t not in district.townships)
            out.append((("stations", i, "townships"), f"乡镇不属于{district.name}：{extra}"))
    if len({s.code for s in v.stations}) != len(v.stations):
        out.append((("stations",), "服务站代码重复"))
    c, n = v.contribution, v.notices
    out += _ratio_problems(c)
    if c.base_floor > c.base_cap:
        out.append((("contribution", "base_floor"), "缴存基数下限不能高于上限"))
    if n.fine_min > n.fine_max:
        out.append((("notices", "fine_min"), "罚款下限不能高于上限"))
    out += _loan_problems(v.loan)
    return out


def _ratio_problems(c: ContributionPolicy) -> list[Problem]:
    out: list[Problem] = []
    for key in ("ratio_min", "ratio_max"):
        value = getattr(c, key)
        if not STATUTORY_RATIO_MIN <= value <= STATUTORY_RATIO_MAX:
            out.append((("contribution", key), f"缴存比例应在{STATUTORY_RATIO_MIN}%至{STATUTORY_RATIO_MAX}%之间"
                        f"（《住房公积金管理条例》第十八条不低于5%，国家规定最高12%），现为{value}%"))
    if c.ratio_min > c.ratio_max:
        out.append((("contribution", "ratio_min"), "最低缴存比例不能高于最高缴存比例"))
    return out


def _loan_problems(lp: LoanPolicy) -> list[Problem]:
    """Caps, ratios and rates that contradict each other."""
    out: list[Problem] = []
    if not lp.categories:
        return [(("loan", "categories"), "至少需要一个借款人类别")]
    default = lp.categories.get(lp.default_category)
    if default is None:
        out.append((("loan", "default_category"), f"未知的借款人类别：{lp.default_category}"))
    for key, cat in lp.categories.items():
        loc: tuple[str | int, ...] = ("loan", "categories", key)
        if cat.cap is None and not lp.county_cap_may_exceed_district and cat.county > cat.district:  # type: ignore[operator]
            out.append(((*loc, "county"), f"{cat.label}的县额度不能高于区额度"
                        "（如本市规定如此，请设置 loan.county_cap_may_exceed_district = true）"))
        if cat.raised and default is not None and key != lp.default_category:
            low = [AREA_NAMES[a] for a in AREAS if cat.cap_in(a) < default.cap_in(a)]
            if low:
                out.append(((*loc, "raised"), f"{cat.label}为“提高到”的额度，不能低于{default.label}在{'、'.join(low)}的额度"))
    if lp.max_ltv_first > MAX_LTV:
        out.append((("loan", "max_ltv_first"), f"最高贷款成数不能超过{MAX_LTV}%"))
    if lp.max_ltv_second > lp.max_ltv_first:
        out.append((("loan", "max_ltv_second"), "第二套住房的最高贷款成数不能高于首套住房"))
    if lp.max_term_months > MAX_TERM_MONTHS:
        out.append((("loan", "max_term_months"), f"贷款期限最长{MAX_TERM_MONTHS}个月（30年）"))
    r = lp.rates
    if r.first_home_long < r.first_home_short or r.second_home_long < r.second_home_short:
        out.append((("loan", "rates"), "5年以上的利率不能低于5年及以下的利率"))
    if r.second_home_short < r.first_home_short or r.second_home_long < r.first_home_long:
        out.append((("loan", "rates"), "第二套住房利率不能低于首套住房利率"))
    return out


AREA_NAMES = {"district": "市辖区", "county": "各县"}


def _reason_problems(r: WithdrawalReason) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    caps = (r.max_amount_per_month, r.max_amount_per_year, r.max_pct_of_monthly_contribution, r.event_amount_label)
    if r.closing and any(x is not None for x in caps):
        out.append(("closing", "销户提取须提取全部余额，不能再设额度限制"))
    if r.within_years_of_event is not None and r.event_date_label is None:
        out.append(("within_years_of_event", "设置了事件后年限时须同时填写 event_date_label"))
    documented = r.needs_document_no or any(v.needs_document_no for v in r.variants.values())
    if r.unique_document and not r.needs_document_no:
        out.append(("unique_document", "unique_document 须与 needs_document_no 同时设置"))
    if r.event_amount_cumulative and (r.event_amount_label is None or not documented):
        out.append(("event_amount_cumulative", "event_amount_cumulative 须与 event_amount_label 和 needs_document_no 同时设置"))
    if r.event_amount_cumulative and r.unique_document:
        out.append(("event_amount_cumulative",
                    "event_amount_cumulative（同一凭证可多次提取）与 unique_document（只能提取一次）不能同时设置"))
    per_month, per_year = r.max_amount_per_month, r.max_amount_per_year
    if per_month is not None and per_year is not None and per_month * 12 > per_year:
        out.append(("max_amount_per_month", f"每月限额×12（{per_month * 12}元）超过年度限额{per_year}元，两者矛盾"))
    if r.once_only and r.min_months_between is not None:
        out.append(("once_only", "限办一次（once_only）与提取间隔（min_months_between）不能同时设置"))
    if r.early_materials and not r.statutory_age:
        out.append(("early_materials", "early_materials（提前退休材料）须与 statutory_age 同时设置"))
    return out
