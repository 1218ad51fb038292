"""Screenshots of the login, lock and approval screens and the masked person card (not a test).

    xvfb-run -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tests/gui/screenshots_login_lock.py out/screens
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent / "services")]

import argon2  # noqa: E402
from argon2.profiles import CHEAPEST  # noqa: E402
from clerk_helpers import CLERK, SUPERVISOR, staff  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from service_world import VALID_CARD, W, build_world, fixed_clock  # noqa: E402

from counter_app.gui.app import create_main_window, ensure_app  # noqa: E402
from counter_app.services import clerks, open_counter  # noqa: E402
from counter_app.services.approvals import submission_request  # noqa: E402


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(predicate, limit_ms: int = 10_000) -> None:
    waited = 0
    while not predicate() and waited < limit_ms:
        settle(50)
        waited += 50


def shoot(widget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path, widget.width(), "x", widget.height())


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ensure_app()
    clerks.HASHER = argon2.PasswordHasher.from_parameters(CHEAPEST)
    data_dir = Path(tempfile.mkdtemp(prefix="screens-")) / "station"
    with open_counter(data_dir, clock=fixed_clock) as counter:
        build_world(counter.store)
        with counter.store.unit_of_work(write=True) as uow:
            uow.workers.upsert(replace(uow.workers.get(W.active), bank_card=VALID_CARD))
            uow.commit()
        staff(counter)

    from counter_app.gui.login import LoginDialog

    counter = open_counter(data_dir)
    login = LoginDialog(counter)
    login.show()
    login.credentials.username.setText(CLERK[0])
    shoot(login, out, "login")
    login.credentials.password.setText("wrong-password")
    login.try_login()
    wait_for(lambda: not login.credentials.busy)
    shoot(login, out, "login-wrong-password")
    login.close()

    window = create_main_window(data_dir, clerk=CLERK[0])
    window.resize(1366, 768)
    window.show()
    window.show_card("worker", W.active)
    shoot(window, out, "card-masked")
    window.idle_lock.lock("idle")
    screen = window.idle_lock.screen
    shoot(screen, out, "lock")
    screen.credentials.password.setText("wrong-password")
    screen.try_unlock()
    wait_for(lambda: not screen.credentials.busy)
    shoot(screen, out, "lock-wrong-password")
    screen.credentials.username.setText(SUPERVISOR[0])
    screen.credentials.password.setText(SUPERVISOR[1])
    screen.try_unlock()
    wait_for(lambda: window.idle_lock.screen is None)

    from counter_app.gui.approval import ApprovalDialog

    request = submission_request(window.counter, "withdrawal", {"id_number": W.senior, "amount": "60000"})
    dialog = ApprovalDialog(window.counter, request, window)
    dialog.show()
    shoot(dialog, out, "approval")
    dialog.close()
    window.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "out/screens")
