# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reprint_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

class Ui_ReprintDialog(object):
    def setupUi(self, reprint_dialog):
        if not reprint_dialog.objectName():
            reprint_dialog.setObjectName(u"reprint_dialog")
        reprint_dialog.resize(420, 180)
        self.reprint_layout = QFormLayout(reprint_dialog)
        self.reprint_layout.setObjectName(u"reprint_layout")
        self.reprint_receipt_number_label = QLabel(reprint_dialog)
        self.reprint_receipt_number_label.setObjectName(u"reprint_receipt_number_label")

        self.reprint_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reprint_receipt_number_label)

        self.reprint_receipt_number = QLineEdit(reprint_dialog)
        self.reprint_receipt_number.setObjectName(u"reprint_receipt_number")

        self.reprint_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reprint_receipt_number)

        self.reprint_document_label = QLabel(reprint_dialog)
        self.reprint_document_label.setObjectName(u"reprint_document_label")

        self.reprint_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reprint_document_label)

        self.reprint_document = QComboBox(reprint_dialog)
        self.reprint_document.setObjectName(u"reprint_document")

        self.reprint_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reprint_document)

        self.reprint_reason_label = QLabel(reprint_dialog)
        self.reprint_reason_label.setObjectName(u"reprint_reason_label")

        self.reprint_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reprint_reason_label)

        self.reprint_reason = QComboBox(reprint_dialog)
        self.reprint_reason.addItem("")
        self.reprint_reason.addItem("")
        self.reprint_reason.addItem("")
        self.reprint_reason.setObjectName(u"reprint_reason")
        self.reprint_reason.setEditable(True)

        self.reprint_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reprint_reason)

        self.reprint_buttons = QDialogButtonBox(reprint_dialog)
        self.reprint_buttons.setObjectName(u"reprint_buttons")
        self.reprint_buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.reprint_layout.setWidget(3, QFormLayout.ItemRole.SpanningRole, self.reprint_buttons)

#if QT_CONFIG(shortcut)
        self.reprint_receipt_number_label.setBuddy(self.reprint_receipt_number)
        self.reprint_document_label.setBuddy(self.reprint_document)
        self.reprint_reason_label.setBuddy(self.reprint_reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(reprint_dialog)
        self.reprint_buttons.accepted.connect(reprint_dialog.accept)
        self.reprint_buttons.rejected.connect(reprint_dialog.reject)

        QMetaObject.connectSlotsByName(reprint_dialog)
    # setupUi

    def retranslateUi(self, reprint_dialog):
        reprint_dialog.setWindowTitle(QCoreApplication.translate("ReprintDialog", u"\u6253\u5370/\u8865\u6253", None))
        self.reprint_receipt_number_label.setText(QCoreApplication.translate("ReprintDialog", u"\u53d7\u7406\u7f16\u53f7", None))
#if QT_CONFIG(accessibility)
        self.reprint_receipt_number.setAccessibleName(QCoreApplication.translate("ReprintDialog", u"\u53d7\u7406\u7f16\u53f7", None))
#endif // QT_CONFIG(accessibility)
        self.reprint_document_label.setText(QCoreApplication.translate("ReprintDialog", u"\u6253\u5370\u5185\u5bb9", None))
#if QT_CONFIG(accessibility)
        self.reprint_document.setAccessibleName(QCoreApplication.translate("ReprintDialog", u"\u6253\u5370\u5185\u5bb9", None))
#endif // QT_CONFIG(accessibility)
        self.reprint_reason_label.setText(QCoreApplication.translate("ReprintDialog", u"\u8865\u6253\u539f\u56e0", None))
        self.reprint_reason.setItemText(0, QCoreApplication.translate("ReprintDialog", u"\u539f\u4ef6\u9057\u5931", None))
        self.reprint_reason.setItemText(1, QCoreApplication.translate("ReprintDialog", u"\u6253\u5370\u4e0d\u6e05\u6216\u5361\u7eb8", None))
        self.reprint_reason.setItemText(2, QCoreApplication.translate("ReprintDialog", u"\u7533\u8bf7\u4eba\u53e6\u9700\u4e00\u4efd", None))

#if QT_CONFIG(accessibility)
        self.reprint_reason.setAccessibleName(QCoreApplication.translate("ReprintDialog", u"\u8865\u6253\u539f\u56e0", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

