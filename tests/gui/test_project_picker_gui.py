"""The loan's project field picked like a clerk: pinyin initials list the city's admitted projects
(pulled from the centre), Enter takes one, its developer and agreement show beside the field; a
suspended project is refused beside the field as the clerk leaves it, before any submit."""

from __future__ import annotations

from datetime import date
from typing import Any

from gui_helpers import choose, field, fill, send_key, send_text, settle
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_wizard import a_worker, open_form, tick_all_materials

from counter_app import services
from counter_app.domain.projects import project_key
from counter_app.services.projects import project_choices
from counter_app.store.records_operations import ProjectRecord


def pulled(counter: Any, name: str, standing: str = "admitted", **more: Any) -> None:
    """A project as the centre's feed leaves it in the store."""
    defaults = {"agreement_no": "HZ2026-031", "valid_until": date(2029, 12, 31)} if standing == "admitted" else {}
    with counter.store.unit_of_work(write=True) as uow:
        uow.projects.upsert(ProjectRecord(project_key=project_key(name), name=name, developer_uscc="91620102MA0000091X",
                                          standing=standing, developer_name="示范市安居置业有限公司",
                                          **{**defaults, **more}))
        uow.commit()


def test_the_clerk_picks_the_project_by_pinyin_and_the_loan_names_it(qtbot: Any, window: Any, counter: Any) -> None:
    demo = len(project_choices(counter))  # the demo city's own estates, in force
    pulled(counter, "紫云花园")
    pulled(counter, "紫荆小区", agreement_no="HZ2025-007", valid_until=date(2027, 6, 30))
    pulled(counter, "东湖名苑", "suspended", note="挪用监管资金")
    card = a_worker(counter)
    form = open_form(qtbot, window, "loan")
    picker = form.project_pickers["project_name"]
    # the suspended one is not offered
    qtbot.waitUntil(lambda: len(picker.matches.projects) == demo + 2, timeout=10000)
    fill(qtbot, window, "id_number", card.worker.id_number)
    choose(window, "borrower_category", "general")
    for key, text in (("monthly_income", "9000"), ("monthly_debt", "0")):
        fill(qtbot, window, key, text)
    line = field(window, "project_name")
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    send_text(line, "zi")  # 紫云花园 ziyunhuayuan, 紫荆小区 zijingxiaoqu
    qtbot.waitUntil(lambda: picker.popup().isVisible())
    shown = [picker.completionModel().index(r, 0).data() for r in range(picker.completionCount())]
    assert [s.split("　")[0] for s in shown] == ["紫云花园", "紫荆小区"]
    assert "HZ2026-031" in shown[0] and "2029-12-31" in shown[0]
    send_key(picker.popup(), Qt.Key.Key_Down)
    send_key(picker.popup(), Qt.Key.Key_Return)
    assert line.text() == "紫荆小区"
    message = window.findChild(QLabel, "project_name_message")
    settle(qtbot, window)
    assert "HZ2025-007" in message.text() and "2027-06-30" in message.text(), "the review confirms the project"
    assert field(window, "house_price").hasFocus(), "Enter on the list moves on to the next field"
    window.activateWindow()  # offscreen, the closed popup leaves no window active (a display gives it back)
    qtbot.waitUntil(window.isActiveWindow)
    for key, text in (("house_price", "300000"), ("months", "120"), ("amount", "100000")):
        fill(qtbot, window, key, text)
    choose(window, "method", "01")
    tick_all_materials(window)
    qtbot.waitUntil(lambda: form.submit.isEnabled(), timeout=5000)
    qtbot.mouseClick(field(window, "submit"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.findChild(QLabel, "receipt_number").text()), timeout=5000)
    [stored] = services.list_records(counter, kind="loan")
    assert stored.fields["project_name"] == "紫荆小区"
    assert stored.fields["project"]["agreement_no"] == "HZ2025-007"


def test_a_suspended_project_is_refused_as_the_clerk_leaves_the_field(qtbot: Any, window: Any, counter: Any) -> None:
    pulled(counter, "东湖名苑", "suspended", note="挪用监管资金")
    card = a_worker(counter)
    form = open_form(qtbot, window, "loan")
    fill(qtbot, window, "id_number", card.worker.id_number)
    fill(qtbot, window, "project_name", "东湖名苑")
    message = window.findChild(QLabel, "project_name_message")
    qtbot.waitUntil(lambda: "暂停" in message.text(), timeout=5000)
    assert "挪用监管资金" in message.text()
    assert not form.submit.isEnabled() and field(window, "project_name").text() == "东湖名苑"


def test_on_the_demo_city_the_picker_offers_its_estates_and_refuses_the_expired_and_suspended(
        qtbot: Any, window: Any, counter: Any) -> None:
    """``counter-app --demo`` as it comes (the README's first command): the picker has the demo
    developers' estates in force; the expired one and the suspended one are refused beside the field."""
    with counter.store.unit_of_work() as uow:
        held = uow.projects.all()
    today = counter.today()
    in_force = sorted(p.name for p in held if p.standing == "admitted" and p.valid_until and p.valid_until >= today)
    expired = next(p for p in held if p.standing == "admitted" and p.valid_until and p.valid_until < today)
    suspended = next(p for p in held if p.standing == "suspended")
    assert len(in_force) >= 5
    card = a_worker(counter)
    form = open_form(qtbot, window, "loan")
    picker = form.project_pickers["project_name"]
    qtbot.waitUntil(lambda: sorted(p.name for p in picker.matches.projects) == in_force, timeout=10000)
    fill(qtbot, window, "id_number", card.worker.id_number)
    line = field(window, "project_name")
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    send_text(line, in_force[0][:2])  # the township's name, as the clerk hears it
    qtbot.waitUntil(lambda: picker.popup().isVisible())
    shown = [picker.completionModel().index(r, 0).data().split("　")[0] for r in range(picker.completionCount())]
    assert in_force[0] in shown and expired.name not in shown and suspended.name not in shown
    send_key(picker.popup(), Qt.Key.Key_Escape)
    window.activateWindow()  # offscreen, the closed popup leaves no window active
    qtbot.waitUntil(window.isActiveWindow)
    message = window.findChild(QLabel, "project_name_message")
    for project, why in ((expired, "到期"), (suspended, "暂停")):
        line.setFocus()
        qtbot.waitUntil(line.hasFocus)
        line.selectAll()
        send_key(line, Qt.Key.Key_Backspace)
        fill(qtbot, window, "project_name", project.name)
        qtbot.waitUntil(lambda why=why: why in message.text(), timeout=5000)
        assert project.name in message.text() and field(window, "project_name").text() == project.name
        assert not form.submit.isEnabled()
