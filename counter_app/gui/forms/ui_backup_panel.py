# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backup_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout

class Ui_BackupPanel(object):
    def setupUi(self, backup_panel):
        if not backup_panel.objectName():
            backup_panel.setObjectName(u"backup_panel")
        self.backup_layout = QVBoxLayout(backup_panel)
        self.backup_layout.setObjectName(u"backup_layout")
        self.backup_note = QLabel(backup_panel)
        self.backup_note.setObjectName(u"backup_note")
        self.backup_note.setWordWrap(True)

        self.backup_layout.addWidget(self.backup_note)

        self.backups = QListWidget(backup_panel)
        self.backups.setObjectName(u"backups")

        self.backup_layout.addWidget(self.backups)

        self.backup_buttons = QHBoxLayout()
        self.backup_buttons.setObjectName(u"backup_buttons")
        self.backup_now = QPushButton(backup_panel)
        self.backup_now.setObjectName(u"backup_now")

        self.backup_buttons.addWidget(self.backup_now)

        self.restore_selected = QPushButton(backup_panel)
        self.restore_selected.setObjectName(u"restore_selected")

        self.backup_buttons.addWidget(self.restore_selected)

        self.restore_file = QPushButton(backup_panel)
        self.restore_file.setObjectName(u"restore_file")

        self.backup_buttons.addWidget(self.restore_file)


        self.backup_layout.addLayout(self.backup_buttons)

        self.backup_status = QLabel(backup_panel)
        self.backup_status.setObjectName(u"backup_status")
        self.backup_status.setWordWrap(True)

        self.backup_layout.addWidget(self.backup_status)


        self.retranslateUi(backup_panel)

        QMetaObject.connectSlotsByName(backup_panel)
    # setupUi

    def retranslateUi(self, backup_panel):
        self.backup_note.setText(QCoreApplication.translate("BackupPanel", u"\u5347\u7ea7\u7a0b\u5e8f\u524d\u548c\u6062\u590d\u5907\u4efd\u524d\u4f1a\u81ea\u52a8\u4fdd\u5b58\u4e00\u4efd\u6570\u636e\u3002", None))
#if QT_CONFIG(accessibility)
        self.backups.setAccessibleName(QCoreApplication.translate("BackupPanel", u"\u81ea\u52a8\u5907\u4efd", None))
#endif // QT_CONFIG(accessibility)
        self.backup_now.setText(QCoreApplication.translate("BackupPanel", u"\u7acb\u5373\u5907\u4efd\u2026", None))
        self.restore_selected.setText(QCoreApplication.translate("BackupPanel", u"\u6062\u590d\u6240\u9009\u5907\u4efd\u2026", None))
        self.restore_file.setText(QCoreApplication.translate("BackupPanel", u"\u4ece\u6587\u4ef6\u6062\u590d\u2026", None))
        pass
    # retranslateUi

