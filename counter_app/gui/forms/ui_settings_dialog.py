# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(440, 220)
        self.settings_layout = QFormLayout(SettingsDialog)
        self.settings_layout.setObjectName(u"settings_layout")
        self.language_label = QLabel(SettingsDialog)
        self.language_label.setObjectName(u"language_label")

        self.settings_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.language_label)

        self.language = QComboBox(SettingsDialog)
        self.language.setObjectName(u"language")

        self.settings_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.language)

        self.printers_label = QLabel(SettingsDialog)
        self.printers_label.setObjectName(u"printers_label")

        self.settings_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.printers_label)

        self.printers_row = QHBoxLayout()
        self.printers_row.setObjectName(u"printers_row")
        self.printers = QLabel(SettingsDialog)
        self.printers.setObjectName(u"printers")
        self.printers.setWordWrap(True)

        self.printers_row.addWidget(self.printers)

        self.forget_printers = QPushButton(SettingsDialog)
        self.forget_printers.setObjectName(u"forget_printers")

        self.printers_row.addWidget(self.forget_printers)


        self.settings_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.printers_row)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.settings_layout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.language_label.setBuddy(self.language)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)
        self.buttons.accepted.connect(SettingsDialog.accept)
        self.buttons.rejected.connect(SettingsDialog.reject)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\u8bbe\u7f6e", None))
        self.language_label.setText(QCoreApplication.translate("SettingsDialog", u"\u754c\u9762\u8bed\u8a00(&L)", None))
#if QT_CONFIG(accessibility)
        self.language.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"\u754c\u9762\u8bed\u8a00", None))
#endif // QT_CONFIG(accessibility)
        self.printers_label.setText(QCoreApplication.translate("SettingsDialog", u"\u8bb0\u4f4f\u7684\u6253\u5370\u673a", None))
        self.forget_printers.setText(QCoreApplication.translate("SettingsDialog", u"\u6e05\u9664(&C)", None))
    # retranslateUi

