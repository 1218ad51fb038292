"""读卡 (F8): the ID card on this PC's reader fills a form's identity fields, with the photo beside them.

A form with an ``id_number`` field gets a 读卡 button and F8. The read runs on the operation runner
(a vendor library may take a second or two); the card shows in a panel at the top of the side column.
A card usable on the day fills ``id_type``, ``id_number``, ``name``, ``sex`` and ``birth_date`` where the
form has them, and ``address`` only while it is empty (the form's address is where mail goes, the
card's is the household register's). A card the rules refuse (expired, not yet valid, chip and
number disagree) fills nothing: the refusal, naming the date, stands on the ID number field. A card
read is the original seen: 居民身份证原件 is ticked where the checklist asks for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton

from counter_app.gui.fields import TYPED
from counter_app.gui.i18n import _t, catalog_text
from counter_app.gui.operations import Operation
from counter_app.services import idcard as idcard_service

if TYPE_CHECKING:
    from counter_app.gui.wizard import BusinessForm

READ_KEY = "F8"  # F2 takes a field over, F3 searches, F4 opens a date's calendar, F5 syncs, F9 fills the maximum
PHOTO_SIZE = (102, 126)  # the card's photo, in pixels
READ_PATIENCE_MS = 15_000  # a read not back by then is a hung reader: the clerk gets the button back
FIELD = "id_number"
ID_CARD_MATERIAL = "id_card"  # 居民身份证原件: the card on the reader is the original, seen


def attach_card_reader(form: BusinessForm) -> CardReaderControl | None:
    """The 读卡 button, F8 and the card panel on ``form`` when it has an ID number field."""
    return CardReaderControl(form) if FIELD in form.editors else None


class CardReaderControl(QObject):
    """One form's card reading; ``setting`` gives the PC's reader setting (the 设置 dialog's)."""

    def __init__(self, form: BusinessForm) -> None:
        super().__init__(form)
        self.form = form
        self.setting: Callable[[], Any] = lambda: None
        self.reading = False
        self._round = 0  # reads started; a read given up on (hung reader) is not shown when it comes back
        self.last: idcard_service.CardReading | None = None
        self._patience = QTimer(self, singleShot=True, interval=READ_PATIENCE_MS, timeout=self._gave_up)
        self.button = QPushButton(_t("读卡(F8)"), form)
        self.button.setObjectName("read_card")
        self.button.setAccessibleName(_t("读身份证"))
        self.button.setToolTip(_t("从身份证阅读器读卡，填入证件号码、姓名、性别、出生日期（F8）"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a stop in the Tab chain of the fields
        self.button.clicked.connect(self.read)
        form.header_row.insertWidget(form.header_row.count() - 1, self.button)  # before the keys hint
        QShortcut(QKeySequence(READ_KEY), form, self.read, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._build_panel()

    def _build_panel(self) -> None:
        self.panel = QGroupBox(_t("身份证"), self.form)
        self.panel.setObjectName("card_panel")
        grid = QGridLayout(self.panel)
        self.photo = QLabel(self.panel)
        self.photo.setObjectName("card_photo")
        self.photo.setAccessibleName(_t("证件照片"))
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #bbb; background: #fafafa;")
        self.details = QLabel(self.panel)
        self.details.setObjectName("card_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status = QLabel(self.panel)
        self.status.setObjectName("card_status")
        self.status.setWordWrap(True)
        grid.addWidget(self.photo, 0, 0)
        grid.addWidget(self.details, 0, 1)
        grid.addWidget(self.status, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self.panel.hide()
        self.form.side_layout.insertWidget(0, self.panel)

    # -- reading -----------------------------------------------------------------------------
    def read(self) -> None:
        """F8 or the button: read once; a second press while the reader works does nothing."""
        form = self.form
        if self.reading or form.submitting or form.form_stack.currentWidget() is form.done_page:
            return
        self.reading = True
        self.button.setEnabled(False)
        self.panel.show()
        self._say(_t("正在读卡，请勿移动身份证…"), "")
        reader = idcard_service.configured_reader(self.setting())
        on = form.counter.today()
        self._round += 1
        number = self._round
        self._patience.start(READ_PATIENCE_MS)
        Operation(lambda _p: idcard_service.read_card(reader, on),
                  success=lambda reading: self._read(reading) if number == self._round else None,
                  failure=lambda exc: self._failed(exc) if number == self._round else None,
                  owner=self).run()

    def _gave_up(self) -> None:
        if not self.reading:
            return
        self._round += 1  # whatever the hung read returns later is not shown
        self.reading = False
        self.button.setEnabled(True)
        self._say(_t("阅读器无响应：请检查读卡器的连接，拔下USB线重新插上后再按 F8；也可以手工录入"), "error")

    def _failed(self, exc: BaseException) -> None:
        self._patience.stop()
        self.reading = False
        self.button.setEnabled(True)
        message = exc.message if isinstance(exc, idcard_service.ReaderError) else _t("读卡失败：") + str(exc)
        self._say(message, "error")

    def _read(self, reading: idcard_service.CardReading) -> None:
        self._patience.stop()
        self.reading = False
        self.button.setEnabled(True)
        self.last = reading
        if self.form.submitting or self.form.form_stack.currentWidget() is self.form.done_page:
            return  # submitted meanwhile (Ctrl+Enter during the read): the form is not changed under it
        self._show_card(reading)
        form = self.form
        if not reading.ok:  # refused: nothing is filled, the reason stands on the ID number
            message = "；".join(e.message for e in reading.errors)
            form.editors[FIELD].show_problem(message, "error")
            self._say(_t("不能受理：") + message, "error")
            return
        filled = []
        for key, value in idcard_service.card_form_values(reading.card).items():
            editor = form.editors.get(key)
            if editor is None or (key == "address" and not editor.is_empty()):
                continue
            editor.set_value(value, TYPED)  # as if typed: the card is the document itself
            editor.show_problem("")
            form.touched.add(key)
            filled.append(catalog_text(form.spec.field(key).label))
        materials = form.editors.get("materials")
        listed = {m.code: m.name for m in form.review.materials} if form.review is not None else {}
        if materials is not None and ID_CARD_MATERIAL in listed and ID_CARD_MATERIAL not in (materials.value() or []):
            materials.set_value([*(materials.value() or []), ID_CARD_MATERIAL], TYPED)
            filled.append(_t("材料") + f"“{listed[ID_CARD_MATERIAL]}”")
        notes = [w.message for w in reading.warnings]
        self._say(_t("已读卡，填入：") + "、".join(filled) + ("；" + "；".join(notes) if notes else ""),
                  "warning" if notes else "ok")
        form.request_review()
        form.save_draft()
        form.first_input().setFocus()

    # -- showing -----------------------------------------------------------------------------
    def _show_card(self, reading: idcard_service.CardReading) -> None:
        card = reading.card.as_json()
        pixmap = QPixmap()
        if reading.card.photo and pixmap.loadFromData(reading.card.photo):
            self.photo.setPixmap(pixmap.scaled(*PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.clear()
            self.photo.setText(_t("无照片"))
        until = card["valid_until"] if card["valid_until"] != "长期" else _t("长期")
        self.details.setText("\n".join((
            f"{card['name']}　{catalog_text(card['sex_label'])}　" + _t("{}族").format(card["ethnicity"]),
            _t("出生") + f"　{card['birth_date']}",
            _t("公民身份号码") + f"　{card['id_number']}",
            _t("住址") + f"　{card['address']}",
            _t("签发机关") + f"　{card['issuer']}",
            _t("有效期限") + f"　{card['valid_from']} " + _t("至") + f" {until}",
        )))

    def _say(self, text: str, severity: str) -> None:
        colour = {"error": "#c62828", "warning": "#b26a00", "ok": "#2e7d32"}.get(severity, "#555")
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setProperty("severity", severity)
        self.status.setText(text)
