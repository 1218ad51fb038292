# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'print_preview.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_PrintPreview(object):
    def setupUi(self, PrintPreview):
        if not PrintPreview.objectName():
            PrintPreview.setObjectName(u"PrintPreview")
        PrintPreview.resize(760, 700)
        self.preview_layout = QVBoxLayout(PrintPreview)
        self.preview_layout.setObjectName(u"preview_layout")
        self.document_label = QLabel(PrintPreview)
        self.document_label.setObjectName(u"document_label")
        self.document_label.setWordWrap(True)

        self.preview_layout.addWidget(self.document_label)

        self.view_host = QWidget(PrintPreview)
        self.view_host.setObjectName(u"view_host")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.view_host.sizePolicy().hasHeightForWidth())
        self.view_host.setSizePolicy(sizePolicy)
        self.view_layout = QVBoxLayout(self.view_host)
        self.view_layout.setObjectName(u"view_layout")
        self.view_layout.setContentsMargins(0, 0, 0, 0)

        self.preview_layout.addWidget(self.view_host)

        self.preview_buttons = QHBoxLayout()
        self.preview_buttons.setObjectName(u"preview_buttons")
        self.printer_label = QLabel(PrintPreview)
        self.printer_label.setObjectName(u"printer_label")

        self.preview_buttons.addWidget(self.printer_label)

        self.preview_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.preview_buttons.addItem(self.preview_spacer)

        self.print_button = QPushButton(PrintPreview)
        self.print_button.setObjectName(u"print_button")

        self.preview_buttons.addWidget(self.print_button)

        self.save_button = QPushButton(PrintPreview)
        self.save_button.setObjectName(u"save_button")

        self.preview_buttons.addWidget(self.save_button)

        self.close_button = QPushButton(PrintPreview)
        self.close_button.setObjectName(u"close_button")

        self.preview_buttons.addWidget(self.close_button)


        self.preview_layout.addLayout(self.preview_buttons)


        self.retranslateUi(PrintPreview)
        self.close_button.clicked.connect(PrintPreview.reject)

        self.print_button.setDefault(True)


        QMetaObject.connectSlotsByName(PrintPreview)
    # setupUi

    def retranslateUi(self, PrintPreview):
        PrintPreview.setWindowTitle(QCoreApplication.translate("PrintPreview", u"\u6253\u5370\u9884\u89c8", None))
        self.print_button.setText(QCoreApplication.translate("PrintPreview", u"\u6253\u5370(&P)\u2026", None))
        self.save_button.setText(QCoreApplication.translate("PrintPreview", u"\u53e6\u5b58\u4e3a(&S)\u2026", None))
        self.close_button.setText(QCoreApplication.translate("PrintPreview", u"\u5173\u95ed", None))
    # retranslateUi

