"""个人住房公积金贷款受理: amount within the house price, a co-borrower who is someone else, and the
repayment comparison printed on the acceptance form. The loan limit and eligibility are
``domain.loan_limit`` / ``domain.eligibility``; the store's part is ``services.business_rules.loan``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from counter_app.domain.business_spec import POLICY_DEFAULT, BusinessSpec, FieldSpec, FormTable
from counter_app.domain.errors import FieldError
from counter_app.domain.loan_limit import CONSTRAINT_KEYS, CONSTRAINT_LABELS
from counter_app.domain.money import format_money
from counter_app.domain.person_fields import MATERIALS, REPAYMENT_METHODS
from counter_app.domain.retirement import WORKER_CATEGORIES
from counter_app.domain.schedule import METHOD_NAMES, build_schedule

if TYPE_CHECKING:
    from counter_app.domain.business_spec import Show
    from counter_app.domain.policy_schema import PolicyVersion

SIDE_PANEL = "loan"  # the GUI's limit and repayment panel beside the form


@dataclass(frozen=True)
class RepaymentOption:
    """One repayment method's summary for the loan acceptance form (贷款申请受理单)."""

    method: str  # 等额本息 / 等额本金
    first_payment: Decimal
    last_payment: Decimal
    total_interest: Decimal
    total_payment: Decimal


def cross_checks(values: Mapping[str, Any], errors: Sequence[FieldError]) -> list[FieldError]:
    out = []
    if "amount" in values and "house_price" in values and Decimal(values["amount"]) > Decimal(values["house_price"]):
        out.append(FieldError("amount", "申请贷款金额不能超过房屋总价"))
    if values.get("co_borrower_id") and values.get("co_borrower_id") == values.get("id_number"):
        out.append(FieldError("co_borrower_id", "共同借款人不能是借款人本人"))
    return out


def repayment_options(amount: Decimal, annual_rate_pct: Decimal, months: int) -> list[RepaymentOption]:
    """Both repayment methods for one loan, side by side."""
    options = []
    for method in ("annuity", "linear"):
        schedule = build_schedule(amount, annual_rate_pct, months, method)
        options.append(RepaymentOption(
            METHOD_NAMES[method], schedule.rows[0].payment, schedule.rows[-1].payment,
            schedule.total_interest, schedule.total_payment,
        ))
    return options


def schedule_section(options: Sequence[RepaymentOption], title: str = "还款测算") -> FormTable:
    """Monthly payment and total interest for each repayment method, side by side."""
    rows = tuple(
        (o.method, format_money(o.first_payment), format_money(o.last_payment),
         format_money(o.total_interest), format_money(o.total_payment))
        for o in options
    )
    return FormTable(
        f"{title}（单位：元）", ("还款方式", "首月月供", "末月月供", "利息总额", "还款总额"), rows,
        note="测算按申请金额、期限和受理日执行利率计算，实际以贷款合同为准。",
        col_fractions=(0.16, 0.21, 0.21, 0.21, 0.21),  # room for 1,234,567.89 on A5
    )


def form_extras(spec: BusinessSpec, fields: Mapping[str, Any], show: Show,
                version: PolicyVersion) -> tuple[tuple[int, FormTable], ...]:
    """The repayment comparison, before the materials section; rates as in force on the day taken."""
    months = int(fields["months"])
    rate = version.loan.rate(bool(fields.get("second_home")), months)
    tables = [(-1, schedule_section(repayment_options(Decimal(fields["amount"]), rate, months)))]
    limit = fields.get("loan_limit")  # as the store rule found it when the loan was taken
    if isinstance(limit, Mapping) and limit.get("limit") is not None:
        tables.insert(0, (-1, limit_section(limit)))
    project = fields.get("project")  # the admitted project as it stood when the loan was taken
    if isinstance(project, Mapping) and project.get("name"):
        tables.insert(0, (-1, project_section(project)))
    return tuple(tables)


def project_section(project: Mapping[str, Any]) -> FormTable:
    """The new house's project and the cooperation agreement it was admitted under (楼盘准入)."""
    row = tuple(str(project.get(k) or "—") for k in ("name", "developer", "agreement_no", "valid_until"))
    return FormTable("楼盘项目准入情况", ("楼盘项目", "开发企业", "合作协议编号", "协议有效期至"), (row,),
                     note="楼盘已办理住房公积金贷款准入，合作协议在受理日有效。",
                     col_fractions=(0.26, 0.38, 0.18, 0.18))


def limit_section(limit: Mapping[str, Any]) -> FormTable:
    """The limit, the rule that set it, and each constraint's amount (可贷额度), on one line."""
    binding = str(limit.get("binding") or "")
    constraints = limit.get("constraints") or {}
    keys = [key for key in CONSTRAINT_KEYS if key in constraints]
    row = (format_money(Decimal(str(limit["limit"]))), CONSTRAINT_LABELS.get(binding, binding),
           *(format_money(Decimal(str(constraints[key]))) for key in keys))
    return FormTable(
        "可贷额度（单位：元）", ("可贷额度", "受约束条件", *(CONSTRAINT_LABELS[key] for key in keys)), (row,),
        note="可贷额度取各项约束中的最低者，按受理日的账户余额和政策计算。",
        col_fractions=(0.17, 0.17, *(0.66 / len(keys) for _ in keys)),
    )


SPEC = BusinessSpec(
    kind="loan",
    title="个人住房公积金贷款受理",
    short="贷款受理",
    subject_field="id_number",
    form_title="个人住房公积金贷款申请受理单",
    amount_field="amount",
    fields=(
        FieldSpec("id_number", "借款人身份证号码", "id_number", section="借款人"),
        FieldSpec("borrower_category", "借款人类别", "choice", choices="borrower_categories", section="借款人",
                  default=POLICY_DEFAULT),  # 其余缴存职工: the raised categories are the exceptions
        FieldSpec("work_district", "工作单位所在区县", "choice", required=False, choices="districts", section="借款人",
                  hint="其余缴存职工的最高额度按工作所在的区、县确定"),
        FieldSpec("worker_category", "身份", "choice", required=False, choices=WORKER_CATEGORIES, section="借款人",
                  hint="贷款到期不晚于法定退休年龄后若干年：女职工原50岁、女干部原55岁"),
        FieldSpec("monthly_income", "月收入（元）", "money", section="还款能力"),
        FieldSpec("monthly_debt", "现有月还款额（元）", "money", required=False, section="还款能力",
                  allow_zero=True),
        FieldSpec("project_name", "楼盘项目", "text", required=False, section="贷款信息", max_length=60,
                  hint="购买新建商品房时填写已准入的楼盘项目名称（可输入拼音首字母选择）", lookup="project"),
        FieldSpec("house_price", "房屋总价（元）", "money", section="贷款信息"),
        FieldSpec("second_home", "第二套住房", "bool", required=False, section="贷款信息"),
        FieldSpec("months", "贷款期限（月）", "months", section="贷款信息"),  # before the amount: it sets the limit
        FieldSpec("amount", "申请贷款金额（元）", "money", section="贷款信息"),
        FieldSpec("method", "还款方式", "choice", choices=REPAYMENT_METHODS, section="贷款信息",
                  default="01"),  # 等额本息, the usual choice
        FieldSpec("co_borrower_id", "共同借款人身份证号码", "id_number", required=False, section="共同借款人"),
        MATERIALS,
    ),
    receipt_fields=("borrower_category", "project_name", "months", "method", "house_price"),
    side_panel=SIDE_PANEL,
    cross_checks=cross_checks,
    form_extras=form_extras,
)
