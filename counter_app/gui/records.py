"""Applications taken at this counter, as a table model and the 查询 page (受理记录)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QEvent, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from counter_app import services
from counter_app.domain.catalog import BUSINESSES
from counter_app.domain.status import ApplicationStatus, application_label
from counter_app.gui.forms.ui_records_page import Ui_RecordsPage
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.operations import Operation
from counter_app.gui.rows import RowsModel, Translated, elide_columns

COVER_KEY = "Ctrl+Shift+A"  # the archive cover sheet (档案封面) of the selected application
COLUMNS = (QT_TR_NOOP("受理编号"), QT_TR_NOOP("业务"), QT_TR_NOOP("申请人/单位"), QT_TR_NOOP("金额"),
           QT_TR_NOOP("状态"), QT_TR_NOOP("中心意见"), QT_TR_NOOP("受理时间"), QT_TR_NOOP("柜员"))


def status_text(status: str) -> str:
    return catalog_text(application_label(status))


def record_row(r: Any) -> tuple[Any, ...]:
    """One ``RecordView`` under ``COLUMNS``: labels stay translatable, the amount a Decimal, the time a datetime."""
    spec = BUSINESSES.get(r.kind)
    amount = r.fields.get(spec.amount_field) if spec and spec.amount_field else None
    return (r.receipt_number, Translated(spec.short, "catalog") if spec else r.kind, r.subject_name or "",
            _decimal(amount), Translated(application_label(r.status), "catalog"), r.decision_reason or "",
            r.created_at, r.clerk)


def _decimal(value: Any) -> Any:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return str(value)


class RecordsModel(RowsModel):
    """The one table model (``gui/rows.py``) holding ``RecordView`` rows: the 查询 page, the home
    page's recent applications, a card's applications."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, parent)

    def set_records(self, records: list[Any]) -> None:
        self.set_rows([record_row(r) for r in records], records)

    def record(self, row: int) -> Any:
        return self.object(row)


class RecordsPage(QWidget, Ui_RecordsPage):
    """The 查询 page: filter by business and status, reprint a receipt or a form, print the archive cover."""

    print_requested = Signal(str, object)  # "receipt" | "form" | "archive_cover", receipt number

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.counter = counter
        self.loading = False  # a read of the records is running
        self.model = RecordsModel(self)
        self.records_view.setModel(self.model)
        elide_columns(self.records_view)
        self.kind_filter.addItem(_t("全部"), None)
        for kind, spec in BUSINESSES.items():
            self.kind_filter.addItem(catalog_text(spec.short), kind)
        self.status_filter.addItem(_t("全部"), None)
        for status in ApplicationStatus:
            self.status_filter.addItem(status_text(status), status)
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.reprint_receipt.clicked.connect(lambda: self._print("receipt"))
        self.reprint_form.clicked.connect(lambda: self._print("form"))
        self.print_archive_cover.setShortcut(QKeySequence(COVER_KEY))
        self.print_archive_cover.clicked.connect(lambda: self._print("archive_cover"))
        self.records_view.activated.connect(lambda _index: self._print("receipt"))
        self.setFocusProxy(self.records_view)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi(self)
            self.model.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Read the records off the GUI thread; a newer filter supersedes a read still running."""
        counter, status, kind = self.counter, self.status_filter.currentData(), self.kind_filter.currentData()
        self.loading = True
        Operation(lambda _p: services.list_records(counter, status=status, kind=kind, limit=500),
                  success=self._show, failure=self._failed, owner=self).run(key=f"records-{id(self)}")

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.records_count.setText(_t("读取失败：") + str(exc))

    def _show(self, records: list[Any]) -> None:
        self.loading = False
        self.model.set_records(records)
        self.records_count.setText(f"{len(records)} " + _t("条"))
        if records:
            self.records_view.selectRow(0)

    def selected(self) -> Any:
        index = self.records_view.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _print(self, document: str) -> None:
        record = self.selected()
        if record is not None:
            self.print_requested.emit(document, record.receipt_number)
