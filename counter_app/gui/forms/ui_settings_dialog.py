# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton

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

        self.idcard_reader_label = QLabel(SettingsDialog)
        self.idcard_reader_label.setObjectName(u"idcard_reader_label")

        self.settings_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.idcard_reader_label)

        self.idcard_reader = QLineEdit(SettingsDialog)
        self.idcard_reader.setObjectName(u"idcard_reader")

        self.settings_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.idcard_reader)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.settings_layout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.language_label.setBuddy(self.language)
        self.idcard_reader_label.setBuddy(self.idcard_reader)
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
        self.idcard_reader_label.setText(QCoreApplication.translate("SettingsDialog", u"\u8eab\u4efd\u8bc1\u9605\u8bfb\u5668(&R)", None))
#if QT_CONFIG(accessibility)
        self.idcard_reader.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"\u8eab\u4efd\u8bc1\u9605\u8bfb\u5668", None))
#endif // QT_CONFIG(accessibility)
        self.idcard_reader.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"vendor\uff08\u5382\u5546\u9a71\u52a8\uff09\u3001vendor:\u9a71\u52a8\u5e93\u8def\u5f84 \u6216 sim:\u6a21\u62df\u5361\u6587\u4ef6", None))
#if QT_CONFIG(tooltip)
        self.idcard_reader.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u8bfb\u5361\uff08F8\uff09\u6240\u7528\u7684\u9605\u8bfb\u5668\uff1b\u73af\u5883\u53d8\u91cf COUNTER_IDCARD_READER \u4f18\u5148", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

