"""Fields and choices several businesses share: the person fields, ID types, the materials list."""

from __future__ import annotations

from counter_app.domain.business_spec import FieldSpec
from counter_app.domain.retirement import WORKER_CATEGORIES

ID_TYPES = (("01", "居民身份证"), ("02", "军官证"), ("03", "护照"), ("04", "外国人永久居留身份证"), ("99", "其他"))
SEXES = (("1", "男"), ("2", "女"))
# GB/T 2261.2 marital status codes.
MARITAL = (("10", "未婚"), ("20", "已婚"), ("30", "丧偶"), ("40", "离婚"), ("90", "未说明"))
REPAYMENT_METHODS = (("01", "等额本息"), ("02", "等额本金"))

_IDENTITY = "身份信息"
_CONTACT = "联系方式"
_BANK = "银行账户"

PERSON_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id_type", "证件类型", "choice", choices=ID_TYPES, section=_IDENTITY, default="01"),  # 居民身份证
    FieldSpec("id_number", "证件号码", "id_number", section=_IDENTITY, hint="18位居民身份证号码，末位X大小写均可"),
    FieldSpec("name", "姓名", "name", section=_IDENTITY, max_length=40),
    FieldSpec("sex", "性别", "choice", choices=SEXES, section=_IDENTITY, derived_from="id_number"),
    FieldSpec("birth_date", "出生日期", "date", section=_IDENTITY, derived_from="id_number"),
    FieldSpec("worker_category", "身份", "choice", required=False, choices=WORKER_CATEGORIES, section=_IDENTITY,
              hint="女性的法定退休年龄按身份确定：职工原50岁、干部原55岁"),
    FieldSpec("mobile", "手机号码", "mobile", section=_CONTACT),
    FieldSpec("phone", "固定电话", "phone", required=False, section=_CONTACT),
    FieldSpec("address", "通讯地址", "text", section=_CONTACT, max_length=120),
    FieldSpec("postcode", "邮政编码", "postcode", required=False, section=_CONTACT),
    FieldSpec("marital_status", "婚姻状况", "choice", choices=MARITAL, required=False, section=_CONTACT),
    FieldSpec("bank_name", "开户银行", "text", required=False, section=_BANK, max_length=60),
    FieldSpec("bank_card", "银行卡号", "bank_card", required=False, section=_BANK),
)

# Person fields that an info change may touch: ``new_<key>`` in the form.
CHANGEABLE_PERSON_FIELDS = tuple(f for f in PERSON_FIELDS if f.key not in ("birth_date",))
# Changes that need documentary proof (户口簿 / 派出所证明).
PROOF_REQUIRED_CHANGES = ("name", "id_type", "id_number")

MATERIALS = FieldSpec("materials", "已收材料", "materials", required=False, section="材料清单（一次性告知）")
