"""住房公积金缴存使用证明 (certificate of contribution and use), printed at the counter for another
region's centre: the account, its status, base, months paid, balance and loans, with a QR code and
a verification code the centre checks (``domain.certificate.verify``, keyed by the station)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.platypus import Flowable, KeepTogether

from counter_app.domain.certificate import Certificate
from counter_app.domain.ids import mask_id_number
from counter_app.domain.money import format_money
from counter_app.domain.status import account_label, loan_label
from counter_app.printing.blocks import QrCode, SealBox, data_table, field_grid, spacer, table
from counter_app.printing.layout import Output, PageFrame, build_document, content_width, metrics, para, styles

TITLE = "住房公积金缴存使用证明"


@dataclass(frozen=True)
class CertificateDoc:
    """The certificate and who issues it."""

    cert: Certificate
    code: str  # the station's keyed verification code (domain.certificate.code)
    qr: str  # the QR text: the certified line and the code (domain.certificate.qr_text)
    centre_name: str
    station_name: str
    clerk: str
    purpose: str = "异地办理住房公积金业务"
    printed_at: datetime | None = None


def render_certificate(doc: CertificateDoc, out: Output, *, page_size: str = "A4") -> int:
    """Write the certificate PDF to ``out``; returns the page count."""
    frame = PageFrame(doc.centre_name, doc.station_name, TITLE, doc.cert.serial, doc.clerk, doc.printed_at,
                      number_label="证明编号")
    return build_document(out, frame, _story(doc, page_size), page_size=page_size)


def _money(value: object) -> str:
    return "—" if value is None else f"{format_money(value)}元"  # type: ignore[arg-type]


def _story(doc: CertificateDoc, page_size: str) -> list[Flowable]:
    st, c = styles(page_size), doc.cert
    rows = [
        ("姓名", c.name), ("证件号码", mask_id_number(c.id_number)),
        ("个人账号", c.account_no), ("账户状态", account_label(c.account_status)),
        ("缴存单位", c.employer or "—"), ("开户日期", c.opened_on.isoformat() if c.opened_on else "—"),
        ("缴存基数", _money(c.monthly_base)), ("月缴存额", _money(c.monthly_contribution)),
        ("连续缴存月数", f"{c.months_paid}个月"), ("账户余额", _money(c.balance)),
    ]
    story: list[Flowable] = [
        para(f"兹证明下列职工在本中心缴存住房公积金，截至{c.as_of:%Y年%m月%d日}情况如下：", st.body),
        spacer(page_size, 0.4),
        field_grid(rows, page_size),
        spacer(page_size, 0.6),
        para("住房公积金贷款情况", st.heading),
    ]
    if c.loans:
        story.append(data_table(
            ("贷款编号", "贷款金额", "剩余本金", "发放日期", "状态"),
            [(ln.loan_no, _money(ln.principal), _money(ln.outstanding), ln.start_date.isoformat(), loan_label(ln.status))
             for ln in c.loans],
            page_size, col_fractions=(0.26, 0.2, 0.2, 0.18, 0.16)))
    else:
        story.append(para("无住房公积金贷款记录。", st.body))
    story += [
        spacer(page_size, 0.6),
        para(f"本证明用于{doc.purpose}，自出具之日起30日内有效。证明所列数据以出具日本站数据为准，"
             "可扫描二维码或凭核验码向本中心核验；涂改、复印无效。", st.small),
        spacer(page_size, 0.8),
        KeepTogether(_bottom(doc, page_size)),
    ]
    return story


def _bottom(doc: CertificateDoc, page_size: str) -> Flowable:
    m, st = metrics(page_size), styles(page_size)
    qr = [QrCode(doc.qr, m.qr * 1.4), para(f"核验码：{doc.code}", st.small)]
    issuer = [para(f"出具单位：{doc.centre_name}", st.body), spacer(page_size, 0.3),
              para(f"经办网点：{doc.station_name}", st.body), spacer(page_size, 0.3),
              para(f"经办人：{doc.clerk}", st.body), spacer(page_size, 0.3),
              para(f"出具日期：{doc.cert.as_of:%Y年%m月%d日}", st.body)]
    width, seal_w, qr_w = content_width(page_size), m.seal + 6, m.qr * 1.4 + 12
    return table([[qr, issuer, SealBox(m.seal, m.body)]], [qr_w, width - qr_w - seal_w, seal_w],
                 [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)])
