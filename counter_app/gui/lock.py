"""Screen lock (锁屏): after the policy's idle minutes without input, or Ctrl+Alt+L / Win+L.

An application-wide event filter restarts one single-shot timer on every key, click or wheel;
when it fires the lock screen covers the whole screen, modal for the application, so nothing
personal stays visible and no shortcut reaches the windows beneath. The same clerk's password
opens it again, or a supervisor's (who then carries on as himself); wrong passwords count
towards the account lockout like any login.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from counter_app.gui.credentials import Credentials
from counter_app.gui.formats import moment
from counter_app.gui.i18n import _t
from counter_app.gui.login import station_line
from counter_app.gui.operations import Operation
from counter_app.services import Counter, clerks

LOCK_SHORTCUTS = ("Ctrl+Alt+L", "Meta+L")  # Meta is the Windows key (Windows itself keeps Win+L)
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


class LockScreen(QWidget):
    """The full-screen cover with the unlock form."""

    unlocked = Signal(object)  # the Clerk who unlocked

    def __init__(self, counter: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("lock_screen")
        self.setWindowTitle(_t("屏幕已锁定"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet("#lock_screen { background: #263238; } #lock_panel { background: #fafafa; border-radius: 8px; }")
        self.counter = counter
        self.locked_clerk = counter.clerk
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        panel = QFrame(self)
        panel.setObjectName("lock_panel")
        panel.setMinimumWidth(460)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(32, 26, 32, 22)
        title = QLabel(_t("屏幕已锁定"), panel)
        title.setStyleSheet("font-size: 22px; font-weight: bold;")
        inner.addWidget(title)
        inner.addWidget(QLabel(station_line(counter), panel))
        self.who = QLabel(panel)
        self.who.setObjectName("lock_who")
        self.who.setStyleSheet("color: #555;")
        locked_at = moment(counter.now())
        self.who.setText(_t("柜员 %1 于 %2 锁定").replace("%1", counter.clerk).replace("%2", locked_at))
        # The clerk's full name comes from the store: read off the GUI thread, shown when it arrives.
        Operation(lambda _p: _who(counter), owner=self, success=lambda who: self.who.setText(
            _t("柜员 %1 于 %2 锁定").replace("%1", who).replace("%2", locked_at))).run()
        inner.addWidget(self.who)
        inner.addSpacing(10)
        self.credentials = Credentials(panel)
        self.credentials.configure("unlock", _t("登录名"))
        self.credentials.username.setText(counter.clerk)
        inner.addWidget(self.credentials)
        hint = QLabel(_t("本人输入密码解锁；也可由站长输入其登录名和密码解锁。"), panel)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #757575;")
        inner.addWidget(hint)
        self.unlock_button = QPushButton(_t("解锁"), panel)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        inner.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.credentials.password.returnPressed.connect(self.try_unlock)
        self.credentials.succeeded.connect(self.unlocked.emit)

    def try_unlock(self) -> None:
        self.credentials.check(lambda name, password: clerks.unlock(self.counter, name, password), self.unlock_button)

    def cover(self, window: QWidget) -> None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.credentials.password.setFocus()


def _who(counter: Counter) -> str:
    clerk = clerks.get_clerk(counter, counter.clerk)
    return f"{clerk.display_name}（{clerk.username}）" if clerk and clerk.display_name != clerk.username else counter.clerk


class IdleLock(QObject):
    """Locks ``window`` after ``interval_ms`` without input (default: the policy's idle minutes)."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QWidget, counter: Any, interval_ms: int | None = None) -> None:
        super().__init__(window)
        self.window, self.counter = window, counter
        minutes = counter.policy_on().idle_lock_minutes
        self.timer = QTimer(self, singleShot=True, interval=interval_ms or minutes * 60_000)
        self.timer.timeout.connect(lambda: self.lock("idle"))
        self.screen: LockScreen | None = None
        self.action = QAction(_t("锁屏"), window)
        self.action.setObjectName("action_lock")
        self.action.setShortcuts([QKeySequence(k) for k in LOCK_SHORTCUTS])
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.triggered.connect(lambda: self.lock("shortcut"))
        window.addAction(self.action)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in INPUT_EVENTS and self.screen is None:
            self.timer.start()  # any input: the idle time starts again
        return False

    def lock(self, reason: str = "idle") -> None:
        if self.screen is not None:
            return
        self.timer.stop()
        counter = self.counter
        Operation(lambda _p: clerks.lock(counter, reason)).run()  # audited off the GUI thread; the cover is at once
        self.screen = LockScreen(self.counter)
        self.screen.unlocked.connect(self._unlocked)
        self.screen.cover(self.window)
        self.locked.emit()

    def _unlocked(self, _clerk: Any) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.close()
            screen.deleteLater()
        self.window.activateWindow()
        self.timer.start()
        self.unlocked.emit()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def install_idle_lock(window: QWidget, counter: Any, interval_ms: int | None = None,
                      staffed: bool | None = None) -> IdleLock | None:
    """The idle lock for a station with clerk accounts (a demo station has no password to unlock);
    ``staffed``: whether it has them, when the caller read it off the GUI thread (``app.start_counter``)."""
    if not (clerks.has_clerks(counter) if staffed is None else staffed):
        return None
    return IdleLock(window, counter, interval_ms)
