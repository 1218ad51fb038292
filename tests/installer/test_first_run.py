"""First-run wizard and station settings dialog: pages, Chinese field messages, saving, backups."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QWidget, QWizard

from counter_app.domain.errors import FieldError
from counter_app.gui import first_run
from counter_app.gui.station_settings import StationSettingsDialog
from counter_app.services import open_counter
from counter_app.services.settings import ConnectionResult, load_settings, save_settings
from counter_app.store import backup as backups

PRINTERS = ["EPSON LQ-630K", "HP LaserJet 1020"]


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("first-run") / "station"
    open_counter(path).close()
    return path


@pytest.fixture
def counter(empty_template: Path, tmp_path: Path):
    target = tmp_path / "station"
    shutil.copytree(empty_template, target)
    counter = open_counter(target)
    yield counter
    counter.close()


@pytest.fixture
def gui_ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)


def named(parent: QWidget, key: str) -> Any:
    found = parent.findChildren(QWidget, key)
    assert len(found) == 1, key
    return found[0]


def message(parent: QWidget, key: str) -> QLabel:
    return named(parent, f"{key}_message")


def set_text(parent: QWidget, key: str, text: str) -> None:
    widget = named(parent, key)
    if isinstance(widget, QComboBox):
        widget.setCurrentText(text)
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(text)


def choose(parent: QWidget, key: str, data: str) -> None:
    combo = named(parent, key)
    combo.setCurrentIndex(combo.findData(data))


def to_supervisor_page(w: QWizard, login: str, name: str, password: str, again: str | None = None) -> int:
    """Station CG01, offline, then the supervisor's fields typed; returns the supervisor page's id."""
    set_text(w, "station_code", "CG01")
    w.next()
    named(w, "work_offline").setChecked(True)
    w.next()
    for key, text in (("supervisor_login", login), ("supervisor_name", name), ("supervisor_password", password),
                      ("supervisor_password_again", password if again is None else again)):
        set_text(w, key, text)
    return w.currentId()


def shown_wizard(qtbot, counter, creator) -> QWizard:
    w = first_run.FirstRunWizard(counter, None, printers=[], create_supervisor=creator)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: not w.busy, timeout=10000)  # the settings are read off the GUI thread
    return w


def finish(qtbot, w: QWizard) -> None:
    """Click Finish and wait for the save (off the GUI thread) to answer."""
    w.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not w.busy, timeout=10000)


@pytest.fixture
def wizard(qtbot, counter, gui_ini):
    created: list[dict[str, str]] = []

    def create_supervisor(_counter: Any, values: dict[str, str]) -> list:
        created.append(values)
        return []

    w = first_run.FirstRunWizard(counter, gui_ini, printers=PRINTERS, create_supervisor=create_supervisor)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: not w.busy, timeout=10000)  # the settings are read off the GUI thread
    w.created = created  # type: ignore[attr-defined]
    return w


def test_a_new_station_needs_the_wizard_and_a_demo_does_not(counter, tmp_path) -> None:
    assert first_run.needs_first_run(counter)
    assert first_run.ensure_configured(tmp_path / "never-opened", demo=True)
    save_settings(counter, {"station_code": "CG01", "station_name": "南山镇服务站"})
    assert not first_run.needs_first_run(counter)


def test_ensure_configured_runs_the_wizard_only_on_a_new_station(qtbot, counter, monkeypatch) -> None:
    shown: list[Any] = []

    def closed_by_the_clerk(self: QWizard) -> QWizard.DialogCode:
        shown.append(self)
        return QWizard.DialogCode.Rejected

    monkeypatch.setattr(first_run.FirstRunWizard, "exec", closed_by_the_clerk)
    assert first_run.ensure_configured(counter.data_dir) is False and len(shown) == 1
    save_settings(counter, {"station_code": "CG01", "station_name": "南山镇服务站"})
    assert first_run.ensure_configured(counter.data_dir) is True and len(shown) == 1


def test_the_whole_wizard_saves_normalised_settings_and_creates_the_supervisor(qtbot, wizard, counter, gui_ini) -> None:
    set_text(wizard, "station_code", "QS02")
    assert named(wizard, "station_name").text() == "青山县龙口镇服务站"  # offered from the policy's stations
    set_text(wizard, "terminal", "3")
    wizard.next()
    named(wizard, "work_offline").setChecked(True)
    assert not named(wizard, "central_dsn").isEnabled()
    wizard.next()
    for key, text in (("supervisor_login", "zhang"), ("supervisor_name", "张站长"),
                      ("supervisor_password", "counter-2025"), ("supervisor_password_again", "counter-2025")):
        set_text(wizard, key, text)
    wizard.next()
    choose(wizard, "printer_receipt", "EPSON LQ-630K")
    choose(wizard, "language", "en")
    finish(qtbot, wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    saved = load_settings(counter)
    assert (saved.station_code, saved.station_name, saved.terminal) == ("QS02", "青山县龙口镇服务站", "03")
    assert saved.offline and saved.language == "en" and saved.printer_for("receipt") == "EPSON LQ-630K"
    assert (counter.station_code, counter.terminal) == ("QS02", "03")
    assert wizard.created == [{"supervisor_login": "zhang", "supervisor_name": "张站长",
                               "supervisor_password": "counter-2025"}]
    # The window of today reads these from its gui.ini.
    assert gui_ini.value("language") == "en" and gui_ini.value("printers/receipt") == "EPSON LQ-630K"
    assert gui_ini.value("printers/form") is None


def test_a_bad_field_keeps_the_clerk_on_the_page_with_a_chinese_message(wizard) -> None:
    set_text(wizard, "station_code", "1城关")
    set_text(wizard, "station_name", "")
    set_text(wizard, "terminal", "0")
    first = wizard.currentId()
    wizard.next()
    assert wizard.currentId() == first
    for key, needle in (("station_code", "服务站代码"), ("station_name", "不能为空"), ("terminal", "01至99")):
        assert message(wizard, key).isVisible() and needle in message(wizard, key).text()
        assert named(wizard, key).property("invalid") is True
    set_text(wizard, "station_code", "cg01")
    set_text(wizard, "station_name", "南山镇服务站")
    set_text(wizard, "terminal", "1")
    wizard.next()
    assert wizard.currentId() != first
    assert not message(wizard, "terminal").isVisible() and named(wizard, "terminal").property("invalid") is False


def test_a_dsn_with_a_password_is_refused(wizard) -> None:
    set_text(wizard, "station_code", "CG01")
    set_text(wizard, "terminal", "01")
    wizard.next()
    centre_page = wizard.currentId()
    wizard.next()  # neither a centre nor "offline": asked for one
    assert wizard.currentId() == centre_page and "先离线工作" in message(wizard, "central_dsn").text()
    set_text(wizard, "central_dsn", "postgresql://station_cg01:secret@10.0.0.5/hpf")
    wizard.next()
    assert wizard.currentId() == centre_page
    assert "不能包含密码" in message(wizard, "central_dsn").text()


def test_the_supervisor_passwords_must_match(wizard) -> None:
    page = to_supervisor_page(wizard, "lisi", "李", "Pass-2025", again="Pass-2026")
    wizard.next()
    assert wizard.currentId() == page and "不一致" in message(wizard, "supervisor_password_again").text()


def test_with_the_clerk_service_the_wizard_creates_a_supervisor_who_can_log_in(qtbot, counter) -> None:
    from counter_app.services import clerks

    creator = first_run.default_supervisor_creator()
    assert creator is clerks.create_supervisor
    w = shown_wizard(qtbot, counter, creator)
    page = to_supervisor_page(w, "9wang", "王站长", "abc")
    w.next()  # the clerk service's own rules: a login starting with a letter, 8+ characters
    assert w.currentId() == page
    assert "以字母开头" in message(w, "supervisor_login").text() and "8" in message(w, "supervisor_password").text()
    set_text(w, "supervisor_login", "wang")
    for key in ("supervisor_password", "supervisor_password_again"):
        set_text(w, key, "Station-2025")
    w.next()
    finish(qtbot, w)
    assert w.result() == QWizard.DialogCode.Accepted
    [supervisor] = clerks.list_clerks(counter)
    assert (supervisor.username, supervisor.display_name, supervisor.role) == ("wang", "王站长", "supervisor")
    assert not isinstance(clerks.authenticate(counter, "wang", "Station-2025"), FieldError)


def test_a_supervisor_refused_on_finish_brings_the_clerk_back_to_that_page(qtbot, counter) -> None:
    def taken(_counter: Any, values: dict[str, str]) -> list[FieldError]:
        return [FieldError("supervisor_login", f"登录名“{values['supervisor_login']}”已被使用")]

    w = shown_wizard(qtbot, counter, taken)
    supervisor_page = to_supervisor_page(w, "zhang", "张", "Station-2025")
    w.next()
    finish(qtbot, w)
    assert w.result() != QWizard.DialogCode.Accepted and w.currentId() == supervisor_page
    assert "已被使用" in message(w, "supervisor_login").text()


def test_without_a_clerk_service_there_is_no_supervisor_page(qtbot, counter) -> None:
    w = first_run.FirstRunWizard(counter, None, printers=[], create_supervisor=None)
    qtbot.addWidget(w)
    assert len(w.pageIds()) == 3 and not w.findChildren(QWidget, "supervisor_login")


def test_the_connection_test_runs_off_the_gui_thread_and_answers_in_chinese(qtbot, wizard) -> None:
    centre = wizard.centre
    calls: list[tuple[str, str]] = []

    def fake(dsn: str, password: str) -> ConnectionResult:
        calls.append((dsn, password))
        return ConnectionResult(True, "连接成功")

    centre.tester = fake
    set_text(wizard, "central_dsn", "host=10.0.0.5 dbname=hpf user=station_cg01")
    named(wizard, "central_password").setText("pw")
    named(wizard, "test_connection").click()
    result = named(wizard, "connection_result")
    qtbot.waitUntil(lambda: result.text() == "连接成功")
    assert calls == [("host=10.0.0.5 dbname=hpf user=station_cg01", "pw")]
    assert result.property("severity") == "ok" and named(wizard, "test_connection").isEnabled()


def test_the_real_connection_test_against_a_closed_port(qtbot, wizard) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    set_text(wizard, "central_dsn", f"postgresql://station_cg01@127.0.0.1:{port}/hpf")
    named(wizard, "test_connection").click()
    result = named(wizard, "connection_result")
    qtbot.waitUntil(lambda: "无法连接" in result.text(), timeout=10000)
    assert result.property("severity") == "error"


@pytest.fixture
def dialog(qtbot, counter, gui_ini):
    save_settings(counter, {"station_code": "CG01", "station_name": "南山镇服务站", "terminal": "02",
                            "printer_form": "Gone Printer"})
    d = StationSettingsDialog(counter, gui_ini, printers=PRINTERS)
    qtbot.addWidget(d)
    d.show()
    assert not d.station.isEnabled(), "nothing can be typed before the stored settings are in"
    qtbot.waitUntil(lambda: not d.busy, timeout=10000)  # read off the GUI thread
    return d


def test_the_settings_dialog_shows_and_changes_what_the_wizard_set(qtbot, dialog, counter) -> None:
    assert named(dialog, "station_code").currentText() == "CG01"
    assert named(dialog, "terminal").text() == "02"
    assert "本机未找到" in named(dialog, "printer_form").currentText()  # remembered, not on this PC
    set_text(dialog, "terminal", "07")
    choose(dialog, "printer_notice", "HP LaserJet 1020")
    dialog.accept()
    assert dialog.busy and not dialog.ok_button.isEnabled(), "saving: OK is off until the store answers"
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)
    saved = load_settings(counter)
    assert saved.terminal == "07" and saved.printer_for("notice") == "HP LaserJet 1020"
    assert saved.printer_for("form") == "Gone Printer" and counter.terminal == "07"


def test_the_settings_dialog_stays_open_on_the_tab_with_the_problem(qtbot, dialog, counter) -> None:
    dialog.tabs.setCurrentIndex(2)
    dialog.centre.offline.setChecked(False)
    set_text(dialog, "central_dsn", "dbname=hpf")
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)  # the store's check ran off the GUI thread
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 1
    assert "服务器地址" in message(dialog, "central_dsn").text()
    assert named(dialog, "central_dsn").text() == "dbname=hpf" and named(dialog, "central_dsn").isEnabled()
    assert load_settings(counter).offline


def test_backup_now_and_restore_from_the_settings(qtbot, dialog, counter, tmp_path, monkeypatch) -> None:
    panel = dialog.backups
    target = tmp_path / "manual.sqlite3"
    panel.choose_save_file = lambda: str(target)
    panel.buttons["backup_now"].click()
    qtbot.waitUntil(lambda: "已备份" in panel.status.text())
    assert backups.validate_backup(target)
    save_settings(counter, {"terminal": "09"})
    asked: list[str] = []
    panel.confirm = lambda question: asked.append(question) or True
    panel.choose_open_file = lambda: str(target)
    relaunched: list[bool] = []
    dialog.relaunch = lambda: relaunched.append(True)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(panel.restored, timeout=10000) as restored:
        panel.buttons["restore_file"].click()
    assert restored.args == [str(target)] and "重新启动" in asked[0]
    assert relaunched == [True]  # the app starts again on the restored data
    assert load_settings(counter).terminal == "02"  # the data as it was backed up
    [safety] = backups.list_backups(counter.data_dir)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10000)  # listed off the GUI thread
    assert "恢复前自动备份" in panel.list.item(0).text()
    assert safety.path.name.startswith(backups.BEFORE_RESTORE)


def test_restoring_a_wrong_file_says_why_and_asks_nothing(qtbot, dialog, tmp_path) -> None:
    panel = dialog.backups
    bad = tmp_path / "photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff not a database")
    panel.confirm = lambda question: pytest.fail("must not ask")
    panel.choose_open_file = lambda: str(bad)
    panel.buttons["restore_file"].click()
    qtbot.waitUntil(lambda: "不是 SQLite" in panel.status.text(), timeout=10000)  # the file is opened off the GUI thread
    assert panel.status.property("severity") == "error"


def test_run_gui_shows_the_wizard_on_a_new_station_and_leaves_if_it_is_closed(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QApplication

    from counter_app import crash
    from counter_app.gui.app import run_gui

    shown: list[Any] = []
    monkeypatch.setattr(first_run.FirstRunWizard, "exec",
                        lambda self: shown.append(self) or QWizard.DialogCode.Rejected)
    installed: list[Path] = []
    monkeypatch.setattr(crash, "install", lambda path: installed.append(Path(path)) or crash.CrashHandler(Path(path)))

    def event_loop(_app: Any) -> int:
        qtbot.waitUntil(lambda: bool(shown), timeout=30000)
        return 0

    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert run_gui(tmp_path / "new-station") == 0
    [wizard] = shown
    assert wizard.parent() is not None and not wizard.parent().isVisible()  # the window closed behind it
    assert installed == [tmp_path / "new-station"]
