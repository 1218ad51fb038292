"""First-run wizard (首次运行向导): a new counter PC named, connected and set up in a few minutes.

Pages: station and terminal; centre connection (or "work offline for now") with a connection test;
the supervisor's clerk account (when the clerk service is installed); printers per document kind and
language. The field groups are shared with the station settings dialog, so everything stays
changeable later. Checks come from ``services.settings``; this module only shows them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from counter_app import services
from counter_app.domain.errors import FieldError
from counter_app.gui.gui_settings import settings_for
from counter_app.gui.i18n import _t, install_language
from counter_app.gui.operations import Operation
from counter_app.services import clerks
from counter_app.services import settings as station

SupervisorCreator = Callable[[Any, Mapping[str, str]], list[FieldError]]


def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def default_supervisor_creator() -> SupervisorCreator | None:
    """``services.clerks.create_supervisor(counter, values)``: the first clerk account is the supervisor."""
    return clerks.create_supervisor


class FieldGroup(QWidget):
    """Inputs named by their field key, each with a message line under it (红色错误/橙色提醒)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(key)
        message = QLabel(self)
        message.setObjectName(f"{key}_message")
        message.setWordWrap(True)
        message.hide()
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        column.addWidget(message)
        self.form.addRow(label, column)
        self.inputs[key], self.messages[key] = widget, message
        return widget

    def values(self) -> dict[str, str]:
        return {key: _value_of(widget) for key, widget in self.inputs.items()}

    def show_problems(self, problems: Iterable[FieldError]) -> bool:
        """Mark the fields; True when nothing blocks (warnings are shown but let the clerk go on)."""
        by_key: dict[str, list[FieldError]] = {}
        for problem in problems:
            if problem.field in self.inputs:
                by_key.setdefault(problem.field, []).append(problem)
        for key, widget in self.inputs.items():
            found = by_key.get(key, [])
            severity = "error" if any(p.severity == "error" for p in found) else "warning" if found else ""
            widget.setProperty("invalid", severity == "error")
            widget.setProperty("warned", severity == "warning")
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            label = self.messages[key]
            label.setText("；".join(p.message for p in found))
            label.setProperty("severity", severity)
            label.style().polish(label)
            label.setVisible(bool(found))
        return not any(p.severity == "error" for found in by_key.values() for p in found)


def _value_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        if widget.isEditable():
            return widget.currentText()
        data = widget.currentData()
        return "" if data is None else str(data)
    if isinstance(widget, QCheckBox):
        return "1" if widget.isChecked() else ""
    raise TypeError(type(widget).__name__)


class StationFields(FieldGroup):
    """Station code (the policy's stations offered), station name, terminal number."""

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known = {s.code: s.name for s in counter.policy.versions[-1].stations}
        code = QComboBox(self)
        code.setEditable(True)
        code.addItems(list(self._known))
        code.setCurrentText("")
        self.add("station_code", _t("服务站代码"), code)
        self.add("station_name", _t("服务站名称"), QLineEdit(self))
        terminal = QLineEdit(self)
        terminal.setMaxLength(2)
        terminal.setPlaceholderText("01")
        self.add("terminal", _t("窗口号"), terminal)
        code.currentTextChanged.connect(self._offer_name)

    def _offer_name(self, code: str) -> None:
        name = self.inputs["station_name"]
        assert isinstance(name, QLineEdit)
        known = self._known.get(code.strip().upper())
        if known and not name.isModified():
            name.setText(known)

    def load(self, settings: station.StationSettings) -> None:
        code = self.inputs["station_code"]
        assert isinstance(code, QComboBox)
        code.setCurrentText(settings.station_code)
        _set_text(self.inputs["station_name"], settings.station_name)
        _set_text(self.inputs["terminal"], settings.terminal)


class CentreFields(FieldGroup):
    """The centre's address and this station's password, or "work offline for now"; a test button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offline = QCheckBox(_t("暂不连接中心，先离线工作（以后可在设置中填写）"), self)
        self.offline.setObjectName("work_offline")
        self.form.addRow(self.offline)
        dsn = QLineEdit(self)
        dsn.setPlaceholderText("postgresql://station_cg01@10.1.2.3:5432/hpf")
        self.add("central_dsn", _t("中心数据库"), dsn)
        self.password = QLineEdit(self)
        self.password.setObjectName("central_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(_t("连接密码"), self.password)
        self.test_button = QPushButton(_t("测试连接"), self)
        self.test_button.setObjectName("test_connection")
        self.result = QLabel(self)
        self.result.setObjectName("connection_result")
        self.result.setWordWrap(True)
        self.form.addRow(self.test_button, self.result)
        self.offline.toggled.connect(self._offline_toggled)
        self.test_button.clicked.connect(self.test)
        self.tester: Callable[[str, str], station.ConnectionResult] = station.test_connection

    def _offline_toggled(self, offline: bool) -> None:
        for widget in (self.inputs["central_dsn"], self.password, self.test_button):
            widget.setEnabled(not offline)

    def values(self) -> dict[str, str]:
        return {"central_dsn": "" if self.offline.isChecked() else _value_of(self.inputs["central_dsn"])}

    def load(self, settings: station.StationSettings) -> None:
        _set_text(self.inputs["central_dsn"], settings.central_dsn)
        # A new station is asked for the centre first; "offline" is then a choice, not a default.
        self.offline.setChecked(settings.offline and settings.configured)

    def problems(self) -> list[FieldError]:
        if not self.offline.isChecked() and not _value_of(self.inputs["central_dsn"]).strip():
            return [FieldError("central_dsn", _t("请填写中心数据库连接串，或勾选“先离线工作”"))]
        return []

    def test(self) -> None:
        """Off the GUI thread (up to a few seconds); the answer appears beside the button."""
        dsn, password = _value_of(self.inputs["central_dsn"]), self.password.text()
        self.test_button.setEnabled(False)
        self.result.setText(_t("正在连接…"))

        def shown(outcome: station.ConnectionResult) -> None:
            self.test_button.setEnabled(True)
            self.result.setText(outcome.message)
            self.result.setProperty("severity", "ok" if outcome.ok else "error")
            self.result.style().polish(self.result)

        def failed(exc: BaseException) -> None:
            shown(station.ConnectionResult(False, _t("连接测试失败：") + type(exc).__name__))

        Operation(lambda _progress: self.tester(dsn, password), success=shown, failure=failed).run(
            key="connection-test")


class DeviceFields(FieldGroup):
    """Per document kind: the printer ("ask each time" or one of this PC's), the paper and duplex; the language."""

    def __init__(self, printers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printers = printers
        header = QLabel(_t("每类单据默认的打印机、纸张和单双面（回执通常用小型票据打印机、A5纸）"), self)
        header.setWordWrap(True)
        self.form.addRow(header)
        for kind, label in station.DOCUMENT_KINDS.items():
            combo = QComboBox(self)
            combo.addItem(_t("每次打印时选择"), "")
            for name in printers:
                combo.addItem(name, name)
            combo.setAccessibleName(_t(label) + _t("打印机"))
            paper = QComboBox(self)
            for size in station.PAPERS:
                paper.addItem(size, size)
            paper.setAccessibleName(_t(label) + _t("纸张"))
            duplex = QCheckBox(_t("双面"), self)
            duplex.setAccessibleName(_t(label) + _t("双面打印"))
            self.add_row(_t(label), ((station.PRINTER_PREFIX + kind, combo, 3), (station.PAPER_PREFIX + kind, paper, 0),
                                     (station.DUPLEX_PREFIX + kind, duplex, 0)))
        language = QComboBox(self)
        for code, name in station.LANGUAGES.items():
            language.addItem(name, code)
        self.add("language", _t("界面语言"), language)

    def add_row(self, label: str, widgets: Iterable[tuple[str, QWidget, int]]) -> None:
        """Several inputs on one form row (key, widget, stretch), their messages under the row."""
        row, messages = QHBoxLayout(), QVBoxLayout()
        for key, widget, stretch in widgets:
            widget.setObjectName(key)
            row.addWidget(widget, stretch)
            message = QLabel(self)
            message.setObjectName(f"{key}_message")
            message.setWordWrap(True)
            message.hide()
            messages.addWidget(message)
            self.inputs[key], self.messages[key] = widget, message
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addLayout(messages)
        self.form.addRow(label, column)

    def load(self, settings: station.StationSettings) -> None:
        for kind in station.DOCUMENT_KINDS:
            _select(self.inputs[station.PRINTER_PREFIX + kind], settings.printer_for(kind))
            _select(self.inputs[station.PAPER_PREFIX + kind], settings.paper_for(kind))
            duplex = self.inputs[station.DUPLEX_PREFIX + kind]
            assert isinstance(duplex, QCheckBox)
            duplex.setChecked(settings.duplex_for(kind))
        _select(self.inputs["language"], settings.language)


class SupervisorFields(FieldGroup):
    """The first clerk account: the station supervisor (站长), who later adds the other clerks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add("supervisor_login", _t("登录名"), QLineEdit(self))
        self.add("supervisor_name", _t("姓名"), QLineEdit(self))
        for key, label in (("supervisor_password", _t("密码")), ("supervisor_password_again", _t("再次输入密码"))):
            edit = QLineEdit(self)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.add(key, label, edit)

    def problems(self) -> list[FieldError]:
        """The clerk service's own rules for login names and passwords, and the confirmation."""
        values = self.values()
        found = [] if values["supervisor_name"].strip() else [FieldError("supervisor_name", _t("姓名不能为空"))]
        login, problems = clerks.check_username(values["supervisor_login"], key="supervisor_login")
        found += problems + clerks.check_password(values["supervisor_password"], login, key="supervisor_password")
        if not found and values["supervisor_password"] != values["supervisor_password_again"]:
            found.append(FieldError("supervisor_password_again", _t("两次输入的密码不一致")))
        return found


def _set_text(widget: QWidget, text: str) -> None:
    assert isinstance(widget, QLineEdit)
    widget.setText(text)


def _select(widget: QWidget, value: str) -> None:
    """Pick ``value`` in a combo; a remembered printer not on this PC stays offered, marked."""
    assert isinstance(widget, QComboBox)
    index = widget.findData(value)
    if index < 0:
        widget.addItem(value + _t("（本机未找到）"), value)
        index = widget.count() - 1
    widget.setCurrentIndex(index)


class _Page(QWizardPage):
    def __init__(self, title: str, subtitle: str, group: QWidget, check: Callable[[], bool]) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        self.status = QLabel(self)  # 正在读取设置… / 正在保存设置… while the store works
        self.status.setObjectName("page_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._check = check

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        wizard = self.wizard()
        if getattr(wizard, "busy", False):  # the settings are still being read or saved
            return False
        return self._check()


class FirstRunWizard(QWizard):
    """``exec()`` it on a counter whose settings have no station yet; Finish saves everything."""

    def __init__(self, counter: Any, gui_settings: QSettings | None = None, printers: list[str] | None = None,
                 create_supervisor: SupervisorCreator | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run")
        self.setWindowTitle(_t("首次运行设置 — counter-app"))
        self.counter, self.gui_settings = counter, gui_settings
        self.printers = available_printers() if printers is None else printers
        self.create_supervisor = create_supervisor
        self.station = StationFields(counter)
        self.centre = CentreFields()
        self.devices = DeviceFields(self.printers)
        self.supervisor = SupervisorFields() if create_supervisor else None
        self.saved = False  # Finish: the settings and the supervisor are stored (off the GUI thread)
        self.busy = False
        self.addPage(_Page(_t("服务站"), _t("本机所在的服务站和窗口号，打印在每张回执上。"), self.station,
                           lambda: self._check(self.station)))
        self.addPage(_Page(_t("连接管理中心"), _t("填写中心提供的连接串和密码；网络未通时可先离线工作。"), self.centre,
                           lambda: self._check(self.centre)))
        if self.supervisor is not None:
            supervisor = self.supervisor
            self.addPage(_Page(_t("站长账号"), _t("创建第一个柜员账号（站长），以后由站长添加其他柜员。"), supervisor,
                               lambda: supervisor.show_problems(supervisor.problems())))
        self.addPage(_Page(_t("打印机和语言"), _t("每类单据默认使用的打印机；以后可在“设置”中修改。"), self.devices,
                           self._finish))
        self._set_busy(_t("正在读取设置…"))
        Operation(lambda _p: station.load_settings(counter), success=self._loaded, failure=self._failed,
                  owner=self).run(key=f"first-run-{id(self)}")

    def _set_busy(self, text: str = "") -> None:
        """``text`` set: reading or saving (the fields and the buttons wait); empty: the clerk's turn."""
        self.busy = bool(text)
        for group in (self.station, self.centre, self.devices, self.supervisor):
            if group is not None:
                group.setEnabled(not self.busy)
        self._show_status(text)

    def _show_status(self, text: str, error: bool = False) -> None:
        for page in self.findChildren(_Page):
            page.status.setText(text)
            page.status.setStyleSheet("color: #c62828;" if error else "color: #555;")

    def _loaded(self, current: station.StationSettings) -> None:
        self.station.load(current)
        self.centre.load(current)
        self.devices.load(current)
        self._set_busy()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy()
        self._show_status(_t("操作失败：") + (getattr(exc, "message", None) or str(exc)), error=True)

    def _check(self, group: FieldGroup) -> bool:
        _, problems = station.normalize_settings(group.values(), self.printers)
        if isinstance(group, CentreFields):
            problems += group.problems()
        return group.show_problems(problems)

    def all_values(self) -> dict[str, str]:
        return {**self.station.values(), **self.centre.values(), **self.devices.values()}

    def _finish(self) -> bool:
        """Finish: save off the GUI thread (the wizard waits, its buttons off), then close; a problem
        sends the clerk back to the field that has it."""
        if self.saved:
            return True
        if self.busy:
            return False
        counter, values, printers = self.counter, self.all_values(), self.printers
        dsn, password = values.get("central_dsn", ""), self.centre.password.text()
        create = self.create_supervisor if self.supervisor is not None else None
        supervisor = ({k: v for k, v in self.supervisor.values().items() if k != "supervisor_password_again"}
                      if self.supervisor is not None else {})

        def save(_p: Any) -> tuple[str, list[FieldError], station.StationSettings | None]:
            problems = station.save_settings(counter, values, printers)
            if any(p.severity == "error" for p in problems):
                return "settings", problems, None
            if dsn and password:
                station.save_central_password(dsn, password)  # the OS keyring may be slow too
            if create is not None:
                refused = create(counter, supervisor)
                if refused:
                    return "supervisor", refused, None
            return "", problems, station.load_settings(counter)

        self._set_busy(_t("正在保存设置…"))
        Operation(save, success=self._saved, failure=self._failed, owner=self).run(key=f"first-run-{id(self)}")
        return False

    def _saved(self, outcome: tuple[str, list[FieldError], station.StationSettings | None]) -> None:
        self._set_busy()
        where, problems, saved = outcome
        if where == "supervisor" and self.supervisor is not None:
            self.supervisor.show_problems(problems)
            while self.currentPage() is not None and self.supervisor not in self.currentPage().findChildren(
                    SupervisorFields):
                self.back()  # show the clerk the page with the problem
            return
        if not all(g.show_problems(problems) for g in (self.station, self.centre, self.devices)):
            return
        if saved is not None:
            mirror_to_gui_settings(saved, self.gui_settings)
        self.saved = True
        self.accept()


def mirror_to_gui_settings(settings: station.StationSettings, gui_settings: QSettings | None) -> None:
    """The window reads language and printers from its ``gui.ini`` today: keep it in step."""
    if gui_settings is None:
        return
    gui_settings.setValue("language", settings.language)
    for kind in station.DOCUMENT_KINDS:
        if settings.printer_for(kind):
            gui_settings.setValue(f"printers/{kind}", settings.printer_for(kind))
        else:
            gui_settings.remove(f"printers/{kind}")
    gui_settings.sync()


def needs_first_run(counter: Any) -> bool:
    return station.needs_setup(counter)


def first_run_if_needed(counter: Any, gui_settings: QSettings | None, parent: QWidget | None = None,
                        demo: bool = False, needed: bool | None = None) -> bool:
    """On the just-opened counter: the wizard, modal over ``parent``, when no station is set yet
    (``needed``, when the caller read it off the GUI thread).

    True when the app may go on (configured already, ``--demo``, or the wizard finished).
    """
    if demo or not (needs_first_run(counter) if needed is None else needed):
        return True
    wizard = FirstRunWizard(counter, gui_settings, create_supervisor=default_supervisor_creator(), parent=parent)
    accepted = wizard.exec() == QWizard.DialogCode.Accepted
    if accepted and gui_settings is not None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, str(gui_settings.value("language", "zh_CN")))
    return accepted


def ensure_configured(data_dir: str | os.PathLike[str] | None, demo: bool = False) -> bool:
    """The same check for callers without an open counter (opens and closes one).

    False when the clerk closed the wizard without finishing (the app then exits).
    """
    if demo:
        return True
    with services.open_counter(data_dir) as counter:
        return first_run_if_needed(counter, settings_for(counter.data_dir))
