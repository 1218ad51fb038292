"""The business catalog: one declarative description per counter business (业务目录).

Each business lists its fields in paper-form order with their kind, label and whether they are
required. The wizard, the CLI's ``apply``, the receipt and the printed form all read this one
catalog; the field keys are the contract of DESIGN.md. Format checks per field kind live in
``fieldcheck``; cross-field and store-dependent rules live in the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldKind = Literal[
    "text", "name", "id_number", "uscc", "bank_card", "mobile", "phone", "postcode", "money",
    "percent", "month", "date", "choice", "bool", "months", "materials", "multiline",
]


@dataclass(frozen=True)
class FieldSpec:
    """One input of a business form."""

    key: str
    label: str
    kind: FieldKind = "text"
    required: bool = True
    # Static choices as (code, label) pairs, or the name of a policy-driven source.
    choices: tuple[tuple[str, str], ...] | str | None = None
    section: str = ""
    hint: str = ""
    # Filled from another field (birth date and sex from the ID number); editable but pre-set.
    derived_from: str | None = None
    max_length: int = 100
    allow_zero: bool = False  # money fields: 0.00 is a valid answer (e.g. no existing debt)


@dataclass(frozen=True)
class BusinessSpec:
    """One counter business: what the clerk fills in and what gets printed."""

    kind: str  # contract key: "open-account", "withdrawal", …
    title: str  # 个人账户设立
    short: str  # the menu word: 开户
    subject_field: str  # whose business it is: "id_number" or "uscc"
    fields: tuple[FieldSpec, ...]
    form_title: str  # the printed application form
    amount_field: str | None = None  # printed in figures and capitals on the receipt

    @property
    def action_name(self) -> str:
        return "action_" + self.kind.replace("-", "_")

    def field(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


ID_TYPES = (("01", "居民身份证"), ("02", "军官证"), ("03", "护照"), ("04", "外国人永久居留身份证"), ("99", "其他"))
SEXES = (("1", "男"), ("2", "女"))
# GB/T 2261.2 marital status codes.
MARITAL = (("10", "未婚"), ("20", "已婚"), ("30", "丧偶"), ("40", "离婚"), ("90", "未说明"))
REPAYMENT_METHODS = (("01", "等额本息"), ("02", "等额本金"))

_IDENTITY = "身份信息"
_CONTACT = "联系方式"
_BANK = "银行账户"

PERSON_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id_type", "证件类型", "choice", choices=ID_TYPES, section=_IDENTITY),
    FieldSpec("id_number", "证件号码", "id_number", section=_IDENTITY, hint="18位居民身份证号码，末位X大小写均可"),
    FieldSpec("name", "姓名", "name", section=_IDENTITY, max_length=40),
    FieldSpec("sex", "性别", "choice", choices=SEXES, section=_IDENTITY, derived_from="id_number"),
    FieldSpec("birth_date", "出生日期", "date", section=_IDENTITY, derived_from="id_number"),
    FieldSpec("mobile", "手机号码", "mobile", section=_CONTACT),
    FieldSpec("phone", "固定电话", "phone", required=False, section=_CONTACT),
    FieldSpec("address", "通讯地址", "text", section=_CONTACT, max_length=120),
    FieldSpec("postcode", "邮政编码", "postcode", required=False, section=_CONTACT),
    FieldSpec("marital_status", "婚姻状况", "choice", choices=MARITAL, required=False, section=_CONTACT),
    FieldSpec("bank_name", "开户银行", "text", required=False, section=_BANK, max_length=60),
    FieldSpec("bank_card", "银行卡号", "bank_card", required=False, section=_BANK),
)

_MATERIALS = FieldSpec("materials", "已收材料", "materials", required=False, section="材料清单（一次性告知）")

OPEN_ACCOUNT = BusinessSpec(
    kind="open-account",
    title="个人住房公积金账户设立",
    short="开户",
    subject_field="id_number",
    form_title="住房公积金个人账户设立登记表",
    fields=(
        *PERSON_FIELDS,
        FieldSpec("employer_uscc", "所在单位统一社会信用代码", "uscc", section="缴存信息"),
        FieldSpec("monthly_base", "缴存基数（元/月）", "money", section="缴存信息", hint="上年度月平均工资"),
        FieldSpec("worker_ratio", "个人缴存比例（%）", "percent", section="缴存信息"),
        FieldSpec("employer_ratio", "单位缴存比例（%）", "percent", section="缴存信息"),
        FieldSpec("start_month", "起缴年月", "month", section="缴存信息", hint="格式：2026-11"),
        _MATERIALS,
    ),
)

ESTABLISH_EMPLOYER = BusinessSpec(
    kind="establish-employer",
    title="单位住房公积金缴存登记（建制）",
    short="单位建制",
    subject_field="uscc",
    form_title="住房公积金单位缴存登记表",
    fields=(
        FieldSpec("uscc", "统一社会信用代码", "uscc", section="单位信息"),
        FieldSpec("employer_name", "单位名称", "text", section="单位信息", max_length=100),
        FieldSpec("legal_rep", "法定代表人", "name", section="单位信息", max_length=40),
        FieldSpec("employer_address", "单位地址", "text", section="单位信息", max_length=120),
        FieldSpec("contact_name", "经办联系人", "name", section="联系人", max_length=40),
        FieldSpec("contact_mobile", "联系人手机", "mobile", section="联系人"),
        FieldSpec("bank_name", "缴存银行", "text", section="缴存信息", max_length=60),
        FieldSpec("bank_account", "单位银行账号", "text", section="缴存信息", max_length=40),
        FieldSpec("worker_ratio", "职工缴存比例（%）", "percent", section="缴存信息"),
        FieldSpec("employer_ratio", "单位缴存比例（%）", "percent", section="缴存信息"),
        FieldSpec("first_month", "首次缴存年月", "month", section="缴存信息"),
        _MATERIALS,
    ),
)

WITHDRAWAL = BusinessSpec(
    kind="withdrawal",
    title="住房公积金提取",
    short="提取",
    subject_field="id_number",
    form_title="住房公积金提取申请表",
    amount_field="amount",
    fields=(
        FieldSpec("id_number", "身份证号码", "id_number", section="申请人"),
        FieldSpec("reason_code", "提取原因", "choice", choices="withdrawal_reasons", section="提取信息"),
        FieldSpec("variant", "具体情形", "choice", required=False, choices="withdrawal_variants", section="提取信息",
                  hint="租房提取：公共租赁住房或商品住房，所需材料不同"),
        FieldSpec("amount", "提取金额（元）", "money", section="提取信息"),
        FieldSpec("event_amount", "实际发生金额（元）", "money", required=False, section="提取信息",
                  hint="实付款或剩余贷款本息"),
        FieldSpec("event_date", "事件日期", "date", required=False, section="提取信息",
                  hint="如发票开具、租赁起始日"),
        FieldSpec("document_no", "合同/凭证编号", "text", required=False, section="提取信息",
                  hint="购房、租赁或贷款合同号", max_length=60),
        FieldSpec("bank_card", "收款银行卡号", "bank_card", section="提取信息"),
        _MATERIALS,
    ),
)

LOAN = BusinessSpec(
    kind="loan",
    title="个人住房公积金贷款受理",
    short="贷款受理",
    subject_field="id_number",
    form_title="个人住房公积金贷款申请受理单",
    amount_field="amount",
    fields=(
        FieldSpec("id_number", "借款人身份证号码", "id_number", section="借款人"),
        FieldSpec("borrower_category", "借款人类别", "choice", choices="borrower_categories", section="借款人"),
        FieldSpec("monthly_income", "月收入（元）", "money", section="还款能力"),
        FieldSpec("monthly_debt", "现有月还款额（元）", "money", required=False, section="还款能力",
                  allow_zero=True),
        FieldSpec("house_price", "房屋总价（元）", "money", section="贷款信息"),
        FieldSpec("second_home", "第二套住房", "bool", required=False, section="贷款信息"),
        FieldSpec("amount", "申请贷款金额（元）", "money", section="贷款信息"),
        FieldSpec("months", "贷款期限（月）", "months", section="贷款信息"),
        FieldSpec("method", "还款方式", "choice", choices=REPAYMENT_METHODS, section="贷款信息"),
        FieldSpec("co_borrower_id", "共同借款人身份证号码", "id_number", required=False, section="共同借款人"),
        _MATERIALS,
    ),
)

# Person fields that an info change may touch: ``new_<key>`` in the form.
CHANGEABLE_PERSON_FIELDS = tuple(f for f in PERSON_FIELDS if f.key not in ("birth_date",))
# Changes that need documentary proof (户口簿 / 派出所证明).
PROOF_REQUIRED_CHANGES = ("name", "id_type", "id_number")

INFO_CHANGE = BusinessSpec(
    kind="info-change",
    title="个人信息变更",
    short="信息变更",
    subject_field="id_number",
    form_title="住房公积金个人信息变更确认单",
    fields=(
        FieldSpec("id_number", "身份证号码", "id_number", section="变更人"),
        *(
            FieldSpec(
                f"new_{f.key}", f"新{f.label}", f.kind, required=False, choices=f.choices,
                section="变更内容（只填要变更的项目）", max_length=f.max_length,
            )
            for f in CHANGEABLE_PERSON_FIELDS
        ),
        _MATERIALS,
    ),
)

DEFERRAL = BusinessSpec(
    kind="deferral",
    title="单位缓缴住房公积金申请",
    short="缓缴",
    subject_field="uscc",
    form_title="住房公积金缓缴申请表",
    fields=(
        FieldSpec("uscc", "单位统一社会信用代码", "uscc", section="单位"),
        FieldSpec("from_month", "缓缴起始年月", "month", section="缓缴期间"),
        FieldSpec("to_month", "缓缴截止年月", "month", section="缓缴期间"),
        FieldSpec("reason", "缓缴原因", "multiline", section="缓缴原因", max_length=500),
        FieldSpec("workers_consent", "已经职工代表大会或工会讨论通过", "bool", section="缓缴原因"),
        _MATERIALS,
    ),
)

BUSINESSES: dict[str, BusinessSpec] = {
    spec.kind: spec for spec in (OPEN_ACCOUNT, ESTABLISH_EMPLOYER, WITHDRAWAL, LOAN, INFO_CHANGE, DEFERRAL)
}
KINDS: tuple[str, ...] = tuple(BUSINESSES)


def business(kind: str) -> BusinessSpec:
    """The spec of a business kind; ``KeyError`` names the valid kinds."""
    try:
        return BUSINESSES[kind]
    except KeyError:
        raise KeyError(f"未知业务类型：{kind}（可选：{'、'.join(KINDS)}）") from None
