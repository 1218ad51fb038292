# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approval_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

from counter_app.gui.credentials import Credentials

class Ui_ApprovalDialog(object):
    def setupUi(self, approval_dialog):
        if not approval_dialog.objectName():
            approval_dialog.setObjectName(u"approval_dialog")
        approval_dialog.resize(460, 270)
        self.approval_layout = QVBoxLayout(approval_dialog)
        self.approval_layout.setObjectName(u"approval_layout")
        self.approval_layout.setContentsMargins(24, 20, 24, 16)
        self.approval_title = QLabel(approval_dialog)
        self.approval_title.setObjectName(u"approval_title")
        self.approval_title.setStyleSheet(u"font-size: 17px; font-weight: bold;")
        self.approval_title.setWordWrap(True)

        self.approval_layout.addWidget(self.approval_title)

        self.approval_summary = QLabel(approval_dialog)
        self.approval_summary.setObjectName(u"approval_summary")
        self.approval_summary.setWordWrap(True)

        self.approval_layout.addWidget(self.approval_summary)

        self.approval_maker = QLabel(approval_dialog)
        self.approval_maker.setObjectName(u"approval_maker")
        self.approval_maker.setStyleSheet(u"color: #555;")

        self.approval_layout.addWidget(self.approval_maker)

        self.approval_gap = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.approval_layout.addItem(self.approval_gap)

        self.credentials = Credentials(approval_dialog)
        self.credentials.setObjectName(u"credentials")

        self.approval_layout.addWidget(self.credentials)

        self.approval_buttons = QHBoxLayout()
        self.approval_buttons.setObjectName(u"approval_buttons")
        self.approval_buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.approval_buttons.addItem(self.approval_buttons_spacer)

        self.approve_button = QPushButton(approval_dialog)
        self.approve_button.setObjectName(u"approve_button")

        self.approval_buttons.addWidget(self.approve_button)

        self.approval_cancel = QPushButton(approval_dialog)
        self.approval_cancel.setObjectName(u"approval_cancel")
        self.approval_cancel.setAutoDefault(False)

        self.approval_buttons.addWidget(self.approval_cancel)


        self.approval_layout.addLayout(self.approval_buttons)


        self.retranslateUi(approval_dialog)
        self.approval_cancel.clicked.connect(approval_dialog.reject)

        self.approve_button.setDefault(True)


        QMetaObject.connectSlotsByName(approval_dialog)
    # setupUi

    def retranslateUi(self, approval_dialog):
        approval_dialog.setWindowTitle(QCoreApplication.translate("ApprovalDialog", u"\u4e3b\u7ba1\u590d\u6838", None))
        self.approve_button.setText(QCoreApplication.translate("ApprovalDialog", u"\u6388\u6743", None))
        self.approval_cancel.setText(QCoreApplication.translate("ApprovalDialog", u"\u53d6\u6d88", None))
    # retranslateUi

