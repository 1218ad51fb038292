"""The status bar: station and terminal, clerk, connection, items waiting, policy in force (状态栏)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from counter_app.gui.i18n import _t
from counter_app.gui.lazy import services

REFRESH_MS = 10_000
_CONNECTION = {"online": QT_TR_NOOP("● 在线"), "offline": QT_TR_NOOP("● 离线"),
               "not_configured": QT_TR_NOOP("○ 未配置中心")}
_COLOUR = {"online": "#2e7d32", "offline": "#c62828", "not_configured": "#757575"}



class StatusPanel(QObject):
    """Permanent labels on the right of the status bar, refreshed off the GUI thread."""

    def __init__(self, counter: Any, bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.last: Any = None
        self.station, self.clerk, self.connection, self.pending, self.policy = (QLabel(bar) for _ in range(5))
        for name, label in zip(("status_station", "status_clerk", "status_connection", "status_pending",
                                "status_policy"),
                               (self.station, self.clerk, self.connection, self.pending, self.policy)):
            label.setObjectName(name)
            bar.addPermanentWidget(label)
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        if counter is None:
            self.station.setText(_t("正在打开数据…"))
        else:
            self.attach(counter)

    def attach(self, counter: Any) -> None:
        self.counter = counter
        self._timer.start()
        self.show(services.station_status(counter))  # first paint without waiting for a thread

    def refresh(self) -> None:
        if self.counter is None:
            return
        from counter_app.gui.operations import Operation  # not on the start path: the window paints first

        Operation(lambda _p: services.station_status(self.counter), success=self.show,
                  failure=lambda exc: self.connection.setText(_t("状态未知"))).run(key="station_status")

    def stop(self) -> None:
        self._timer.stop()

    def show(self, status: Any) -> None:
        self.last = status
        self.station.setText(f"{status.station_name}（{status.station_code}）· {_t('终端')} {status.terminal}")
        self.clerk.setText(_t("柜员：") + status.clerk)
        self.connection.setText(_t(_CONNECTION.get(status.connection, status.connection)))
        self.connection.setStyleSheet(f"color: {_COLOUR.get(status.connection, '#000')};")
        self.pending.setText(_t("待上传：") + str(status.pending))
        self.policy.setText(_t("政策版本：") + str(status.policy_label))
