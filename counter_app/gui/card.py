"""The person card and the employer card opened from the search box (职工/单位信息卡)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from counter_app import services
from counter_app.domain.catalog import BUSINESSES, REPAYMENT_METHODS, SEXES
from counter_app.domain.ids import mask_card, mask_id_number
from counter_app.domain.status import account_label, loan_label
from counter_app.gui.formats import day, money
from counter_app.gui.forms.ui_card import Ui_Card
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.loan_card import open_loan_card
from counter_app.gui.operations import Operation
from counter_app.gui.records import RecordsModel
from counter_app.gui.rows import RowsModel, elide_columns
from counter_app.services.lookup import reveal


def _table(pairs: Sequence[tuple[str, Any]]) -> str:
    cells = "".join(f"<tr><td style='color:#555;padding-right:12px'>{html.escape(k)}</td>"
                    f"<td style='padding-right:28px'>{html.escape(str(v))}</td></tr>" for k, v in pairs if v not in (None, ""))
    return f"<table>{cells}</table>"


# Alt shortcuts of the card's buttons: a business's menu position (the same digit as its Ctrl+N),
# then letters no menu or card label uses for the businesses past 9.
_MNEMONICS = "123456789GJLMVYUW"


def mnemonic(kind: str) -> str:
    """The Alt key of ``kind``'s button on a card (its Ctrl+number where there is one)."""
    return _MNEMONICS[list(BUSINESSES).index(kind)]


class CardView(QWidget, Ui_Card):
    """One worker's or employer's facts; buttons start a business for them.

    The card offers only what applies (``unavailable``: kind → why not, from the store's subject rules);
    ``prefill(kind)`` is what a business opened from the card starts with, by its button, its Alt key
    or the window's Ctrl+number alike."""

    business_requested = Signal(str, object)  # kind, prefill dict
    print_requested = Signal(str, object)  # document, its argument (the certificate: the ID number)

    def __init__(self, subject_field: str, key: str, parent: QWidget | None = None,
                 unavailable: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.subject_field, self.key = subject_field, key
        self.unavailable = dict(unavailable or {})
        self.applications_model = RecordsModel(self)
        self.card_applications.setModel(self.applications_model)
        for view in (self.card_first_table, self.card_applications):
            elide_columns(view)
        self.buttons: dict[str, QPushButton] = {}
        for spec in BUSINESSES.values():
            if spec.subject_field == subject_field and spec.kind not in self.unavailable:
                self._add_button(spec.kind, f"{catalog_text(spec.short)}(&{mnemonic(spec.kind)})")
        if subject_field == "uscc":  # an employer's card: its workers' businesses, the employer filled in
            for spec in BUSINESSES.values():
                if self._employer_field(spec.kind) is not None:
                    self._add_button(spec.kind, _t("为该单位职工") + f"{catalog_text(spec.short)}(&{mnemonic(spec.kind)})")
        self.card_actions.addStretch(1)
        self.setFocusProxy(self.card_applications)

    def _add_button(self, kind: str, text: str) -> None:
        button = QPushButton(text, self)
        button.setObjectName(f"card_{kind.replace('-', '_')}")
        button.clicked.connect(lambda _c=False, k=kind: self.business_requested.emit(k, self.prefill(k)))
        self.card_actions.addWidget(button)
        self.buttons[kind] = button

    @staticmethod
    def _employer_field(kind: str) -> str | None:
        """The field naming a worker's employer in ``kind`` (a USCC that is not the subject)."""
        spec = BUSINESSES[kind]
        return next((f.key for f in spec.fields if f.kind == "uscc" and f.key != spec.subject_field), None)

    def prefill(self, kind: str) -> dict[str, Any] | None:
        """What ``kind`` opened from this card starts with: the card's person or employer, or None."""
        if BUSINESSES[kind].subject_field == self.subject_field:
            return {self.subject_field: self.key}
        employer_field = self._employer_field(kind) if self.subject_field == "uscc" else None
        return {employer_field: self.key} if employer_field else None

    def set_applications(self, applications: list[Any]) -> None:
        self.applications_model.set_records(applications)


def person_view(card: Any, parent: QWidget | None) -> CardView:
    w = card.worker
    view = CardView("id_number", w.id_number, parent, getattr(card, "unavailable", None))
    view.card_title.setText(f"{w.name}　{mask_id_number(w.id_number)}" + pending_mark(card))
    pairs: list[tuple[str, Any]] = [
        (_t("性别"), dict(SEXES).get(w.sex or "", "")), (_t("出生日期"), day(w.birth_date)),
        (_t("手机号码"), w.mobile), (_t("所在单位"), f"{card.employer.name}（{card.employer.uscc}）" if card.employer else ""),
    ]
    if card.accounts:  # 缴存使用证明 for another region's centre (跨省通办), printed from the station's data
        button = QPushButton(_t("缴存使用证明") + "(&Z)", view)
        button.setObjectName("card_certificate")
        button.setToolTip(_t("打印住房公积金缴存使用证明（异地办理业务用，带二维码和核验码）"))
        button.setAccessibleName(_t("缴存使用证明"))
        button.clicked.connect(lambda _c=False: view.print_requested.emit("certificate", w.id_number))
        view.card_actions.insertWidget(view.card_actions.count() - 1, button)  # before the stretch
    for account in card.accounts:
        pairs += [
            (_t("个人账号"), account.account_no),
            (_t("账户状态"), catalog_text(account_label(account.status))),
            (_t("账户余额"), money(account.balance)),
            (_t("月缴存额"), money(account.monthly_contribution)),
            (_t("连续缴存"), f"{account.consecutive_months} " + _t("个月")),
        ]
    if not card.accounts:
        pairs.append((_t("账户"), _t("开户申请待中心审核") if card.pending else _t("尚未开户")))
    view.card_summary.setText(_table(pairs))
    methods = dict(REPAYMENT_METHODS)
    view.card_first_label.setText(_t("公积金贷款"))
    view.card_first_table.setModel(RowsModel(
        (QT_TR_NOOP("贷款编号"), QT_TR_NOOP("本金"), QT_TR_NOOP("剩余本金"), QT_TR_NOOP("年利率"), QT_TR_NOOP("期限（月）"),
         QT_TR_NOOP("还款方式"), QT_TR_NOOP("放款日期"), QT_TR_NOOP("状态")), view,
        [(ln.loan_no, money(ln.principal), money(ln.outstanding), f"{ln.annual_rate}%", str(ln.months),
          methods.get(ln.method, ln.method), day(ln.start_date), catalog_text(loan_label(ln.status)))
         for ln in card.loans]))
    if card.pending and not view.buttons:  # nothing else applies before the account exists
        view.card_actions.insertWidget(1, QLabel(_t("开户办结后可办理其他业务"), view))
    if not card.loans:
        view.card_first_label.setText(_t("公积金贷款：无"))
        view.card_first_table.hide()
    view.set_applications(card.applications)
    return view


def employer_view(card: Any, parent: QWidget | None) -> CardView:
    e = card.employer
    view = CardView("uscc", e.uscc, parent, getattr(card, "unavailable", None))
    view.card_title.setText(f"{e.name}　{e.uscc}" + pending_mark(card))
    ratios = f"{e.worker_ratio}% / {e.employer_ratio}%" if e.worker_ratio is not None else ""
    registered = _t("已登记") if e.registered else _t("未登记（应责令限期办理）")
    view.card_summary.setText(_table([
        (_t("法定代表人"), e.legal_rep), (_t("单位地址"), e.address), (_t("所在乡镇"), e.township),
        (_t("缴存登记"), _t("建制申请待中心审核") if card.pending else registered),
        (_t("单位账号"), e.account_no), (_t("缴存比例（职工/单位）"), ratios),
        (_t("参保人数"), e.insured_staff), (_t("联系人"), f"{e.contact_name or ''} {e.contact_mobile or ''}".strip()),
    ]))
    view.card_first_label.hide()
    view.card_first_table.hide()
    view.set_applications(card.applications)
    return view


def pending_mark(card: Any) -> str:
    """"　待中心审核（受理编号 …）" on the card of a subject registered here and not yet decided."""
    if not getattr(card, "pending", ()):
        return ""
    return "　" + _t("待中心审核") + "（" + _t("受理编号") + " " + "、".join(card.pending) + "）"


def add_reveal_row(view: CardView, counter: Any, worker: Any) -> None:
    """ID and bank card numbers masked on the card; 显示 shows one in full (each time audited)."""
    row = QHBoxLayout()
    for field, label, shown in (("id_number", _t("证件号码"), mask_id_number(worker.id_number)),
                                ("bank_card", _t("银行卡号"), mask_card(worker.bank_card) if worker.bank_card else "")):
        if not shown:
            continue
        value = QLabel(shown, view)
        value.setObjectName(f"card_{field}")
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        button = QPushButton(_t("显示"), view)
        button.setObjectName(f"reveal_{field}")
        button.setToolTip(_t("显示完整号码（将记入审计日志）"))
        button.clicked.connect(lambda _c=False, f=field, v=value, b=button: _reveal(counter, worker.id_number, f, v, b))
        row.addWidget(QLabel(label + "：", view))
        row.addWidget(value)
        row.addWidget(button)
        row.addSpacing(28)
    row.addStretch(1)
    view.card_main_layout.insertLayout(1, row)


def _reveal(counter: Any, id_number: str, field: str, label: QLabel, button: QPushButton) -> None:
    """The full number, read and audited off the GUI thread (the audit is a write)."""
    button.setEnabled(False)

    def shown(full: str | None) -> None:
        if full:
            label.setText(full)
        else:
            button.setEnabled(True)

    Operation(lambda _p: reveal(counter, id_number, field), success=shown, owner=label).run()


def read_card(counter: Any, kind: str, key: str) -> services.PersonCard | services.EmployerCard | None:
    """What the card of a search hit shows, read from the store (run it on the runner, off the GUI thread):
    ``kind`` "worker" (key = ID number, the look-up audited) or "employer" (key = USCC); None if not found."""
    if kind == "employer":
        return services.employer_card(counter, key)
    return services.person_card(counter, key)


def card_view(counter: Any, card: services.PersonCard | services.EmployerCard,
              parent: QWidget | None = None) -> CardView:
    """The card's widget for what ``read_card`` returned (GUI thread; reads nothing: the loan card and
    the 显示 buttons read on the runner when asked)."""
    if isinstance(card, services.EmployerCard):
        return employer_view(card, parent)
    view = person_view(card, parent)
    add_reveal_row(view, counter, card.worker)
    # 贷款卡片: Enter or double-click on a loan
    view.card_first_table.activated.connect(lambda index: open_loan_card(counter, view, index))
    return view
