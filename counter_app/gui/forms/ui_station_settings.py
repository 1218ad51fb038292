# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'station_settings.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from counter_app.gui.backup_panel import BackupPanel

class Ui_StationSettingsDialog(object):
    def setupUi(self, station_settings):
        if not station_settings.objectName():
            station_settings.setObjectName(u"station_settings")
        station_settings.resize(620, 480)
        self.settings_layout = QVBoxLayout(station_settings)
        self.settings_layout.setObjectName(u"settings_layout")
        self.tabs = QTabWidget(station_settings)
        self.tabs.setObjectName(u"tabs")
        self.station_tab = QWidget()
        self.station_tab.setObjectName(u"station_tab")
        self.station_tab_layout = QVBoxLayout(self.station_tab)
        self.station_tab_layout.setObjectName(u"station_tab_layout")
        self.tabs.addTab(self.station_tab, "")
        self.centre_tab = QWidget()
        self.centre_tab.setObjectName(u"centre_tab")
        self.centre_tab_layout = QVBoxLayout(self.centre_tab)
        self.centre_tab_layout.setObjectName(u"centre_tab_layout")
        self.tabs.addTab(self.centre_tab, "")
        self.devices_tab = QWidget()
        self.devices_tab.setObjectName(u"devices_tab")
        self.devices_tab_layout = QVBoxLayout(self.devices_tab)
        self.devices_tab_layout.setObjectName(u"devices_tab_layout")
        self.tabs.addTab(self.devices_tab, "")
        self.backups_tab = QWidget()
        self.backups_tab.setObjectName(u"backups_tab")
        self.backups_tab_layout = QVBoxLayout(self.backups_tab)
        self.backups_tab_layout.setObjectName(u"backups_tab_layout")
        self.backup_panel = BackupPanel(self.backups_tab)
        self.backup_panel.setObjectName(u"backup_panel")

        self.backups_tab_layout.addWidget(self.backup_panel)

        self.tabs.addTab(self.backups_tab, "")

        self.settings_layout.addWidget(self.tabs)

        self.settings_status = QLabel(station_settings)
        self.settings_status.setObjectName(u"settings_status")
        self.settings_status.setWordWrap(True)

        self.settings_layout.addWidget(self.settings_status)

        self.settings_buttons = QDialogButtonBox(station_settings)
        self.settings_buttons.setObjectName(u"settings_buttons")
        self.settings_buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.settings_layout.addWidget(self.settings_buttons)


        self.retranslateUi(station_settings)
        self.settings_buttons.rejected.connect(station_settings.reject)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(station_settings)
    # setupUi

    def retranslateUi(self, station_settings):
        station_settings.setWindowTitle(QCoreApplication.translate("StationSettingsDialog", u"\u7ad9\u70b9\u8bbe\u7f6e", None))
        self.tabs.setTabText(self.tabs.indexOf(self.station_tab), QCoreApplication.translate("StationSettingsDialog", u"\u670d\u52a1\u7ad9", None))
        self.tabs.setTabText(self.tabs.indexOf(self.centre_tab), QCoreApplication.translate("StationSettingsDialog", u"\u4e2d\u5fc3\u8fde\u63a5", None))
        self.tabs.setTabText(self.tabs.indexOf(self.devices_tab), QCoreApplication.translate("StationSettingsDialog", u"\u6253\u5370\u673a\u548c\u8bed\u8a00", None))
        self.tabs.setTabText(self.tabs.indexOf(self.backups_tab), QCoreApplication.translate("StationSettingsDialog", u"\u5907\u4efd\u4e0e\u6062\u590d", None))
    # retranslateUi

