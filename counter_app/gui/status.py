"""The status bar: station and terminal, clerk, connection, items waiting, policy in force (状态栏).

Labels only, shown before the first paint; the window's desk fetches the ``StationStatus`` off the
GUI thread every ten seconds and hands it to ``show``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from counter_app.gui.i18n import _t

if TYPE_CHECKING:
    from counter_app.services.status import StationStatus

_CONNECTION = {"online": QT_TR_NOOP("● 在线"), "offline": QT_TR_NOOP("● 离线"),
               "not_configured": QT_TR_NOOP("○ 未配置中心")}
_COLOUR = {"online": "#2e7d32", "offline": "#c62828", "not_configured": "#757575"}


class StatusPanel(QObject):
    """Permanent labels on the right of the status bar; ``last`` is the status shown."""

    def __init__(self, bar: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last: StationStatus | None = None
        self.station, self.clerk, self.connection, self.pending, self.policy = (QLabel(bar) for _ in range(5))
        for name, label in zip(("status_station", "status_clerk", "status_connection", "status_pending",
                                "status_policy"),
                               (self.station, self.clerk, self.connection, self.pending, self.policy)):
            label.setObjectName(name)
            bar.addPermanentWidget(label)
        self.station.setText(_t("正在打开数据…"))

    def show(self, status: StationStatus) -> None:
        self.last = status
        self.station.setText(f"{status.station_name}（{status.station_code}）· {_t('终端')} {status.terminal}")
        self.clerk.setText(_t("柜员：") + status.clerk)
        self.connection.setText(_t(_CONNECTION.get(status.connection, status.connection)))
        self.connection.setStyleSheet(f"color: {_COLOUR.get(status.connection, '#000')};")
        self.pending.setText(_t("待上传：") + str(status.pending))
        self.policy.setText(_t("政策版本：") + str(status.policy_label))

    def unknown(self, _exc: Any = None) -> None:
        self.connection.setText(_t("状态未知"))
