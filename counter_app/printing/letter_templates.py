"""Built-in templates of mail-out letters (批量信函), with {placeholders} filled per batch or per
recipient: ``name``, ``township``, ``account`` (recipient) and ``centre``, ``station``,
``station_address``, ``station_phone`` (the sending station).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RECIPIENT_FIELDS = frozenset({"name", "township", "account"})
SENDER_FIELDS = frozenset({"centre", "station", "station_address", "station_phone"})
_FIELD = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class LetterTemplate:
    key: str
    title: str
    salutation: str
    paragraphs: tuple[str, ...]
    closing: tuple[str, ...]  # right-aligned lines above the date

    def texts(self) -> tuple[str, ...]:
        return (self.title, self.salutation, *self.paragraphs, *self.closing)


ONLINE_GUIDE = LetterTemplate(
    key="online-guide",
    title="住房公积金线上服务指南",
    salutation="尊敬的{name}：",
    paragraphs=(
        "您好！感谢您一直以来对住房公积金工作的支持。为让您少跑腿、好办事，{centre}已开通网上服务"
        "大厅、手机App、微信公众号和12329服务热线等线上渠道，大部分业务足不出户即可办理。现将使用"
        "方法介绍如下：",
        "一、注册登录。在手机应用商店搜索“手机公积金”下载App，或关注“{centre}”微信公众号，使用本人"
        "身份证号码和在银行预留的手机号码完成实名认证后即可登录。您的个人住房公积金账号为{account}，"
        "请妥善保管。",
        "二、查询业务。登录后可随时查询账户余额、缴存明细、贷款进度和还款计划，还可下载个人缴存证明"
        "和贷款结清证明，无需再到窗口开具。",
        "三、在线办理。购买、租赁住房提取，偿还住房贷款提取，离退休销户提取，以及个人信息变更、贷款"
        "提前还款等业务均可在线申请，审核结果将通过短信通知您本人。",
        "四、就近办理。家住{township}的您如不便使用手机，或业务需要现场核验材料，可到{station}办理，"
        "地址：{station_address}。来办理前可先电话咨询所需材料，我们将一次性告知，让您最多跑一次。",
        "五、安全提示。办理住房公积金业务不收取任何费用，工作人员不会索要您的密码和短信验证码。请通过"
        "官方渠道办理，谨防以“代办提取”为名的诈骗。",
        "如有疑问，请拨打12329服务热线或{station}电话{station_phone}。祝您和家人生活愉快！",
    ),
    closing=("{centre}", "{station}"),
)

TEMPLATES: dict[str, LetterTemplate] = {ONLINE_GUIDE.key: ONLINE_GUIDE}


def get_template(key: str) -> LetterTemplate:
    """The built-in template ``key`` (ValueError with a Chinese message if there is none)."""
    try:
        return TEMPLATES[key]
    except KeyError:
        known = "、".join(sorted(TEMPLATES))
        raise ValueError(f"没有名为“{key}”的信函模板（可用：{known}）") from None


def placeholders(text: str) -> frozenset[str]:
    """The {fields} a template text uses."""
    return frozenset(_FIELD.findall(text))


def fill(text: str, values: dict[str, str]) -> str:
    """Replace the {fields} that ``values`` has, in one pass; leave the others for later."""
    return _FIELD.sub(lambda m: values.get(m[1], m[0]), text)


def check_template(template: LetterTemplate) -> None:
    """Every placeholder must be one the letters know how to fill."""
    used = frozenset().union(*(placeholders(t) for t in template.texts()))
    unknown = used - RECIPIENT_FIELDS - SENDER_FIELDS
    if unknown:
        raise ValueError(f"信函模板“{template.key}”含未知占位符：{'、'.join(sorted(unknown))}")
